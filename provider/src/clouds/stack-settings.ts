/**
 * Reads `defang:*` stack settings. The only place that does: a setting is named by a key of
 * `STACK_SETTINGS` (the compiler refuses another), so the schema's `config` section declares every
 * setting the code reads.
 */
import * as pulumi from "@pulumi/pulumi";
import { STACK_SETTINGS, StackSettingName } from "../model/stack-settings";

type ValueOf<N extends StackSettingName> = (typeof STACK_SETTINGS)[N]["type"] extends "boolean" ? boolean : (typeof STACK_SETTINGS)[N]["type"] extends "integer" ? number : string;

/** The value of stack setting `defang:<name>`, read as the table says; undefined when it is not set. */
export function stackSetting<N extends StackSettingName>(name: N): ValueOf<N> | undefined {
    const config = new pulumi.Config("defang");
    const type: string = STACK_SETTINGS[name].type;
    if (type === "boolean") return config.getBoolean(name) as ValueOf<N> | undefined;
    if (type === "integer") return config.getNumber(name) as ValueOf<N> | undefined;
    return config.get(name) as ValueOf<N> | undefined;
}
