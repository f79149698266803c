/**
 * The schema's `config` section: every `defang:*` stack setting (`model/stack-settings.ts`), with
 * its type (a closed set is an enum type), default and description, so that every language's SDK
 * and `pulumi config` know them.
 */
import { STACK_SETTINGS, StackSetting } from "../../model/stack-settings";
import { PropertySpec } from "../package-schema";
import { capitalize, TypeMapper } from "./type-mapping";

export interface ConfigSection {
    variables: Record<string, PropertySpec>;
}

export function configSection(mapper: TypeMapper): ConfigSection {
    const variables: Record<string, PropertySpec> = {};
    for (const [name, setting] of Object.entries(STACK_SETTINGS) as Array<[string, StackSetting]>) {
        const type: PropertySpec = setting.choices ? { $ref: `#/types/${mapper.enumOf(setting.choices, capitalize(name))}` } : { type: setting.type };
        mapper.describeEnum(type, `The values of stack setting \`defang:${name}\`.`);
        variables[name] = { description: setting.description, ...type, ...(setting.default !== undefined ? { default: setting.default } : {}) };
    }
    return { variables: Object.fromEntries(Object.entries(variables).sort(([a], [b]) => (a < b ? -1 : 1))) };
}
