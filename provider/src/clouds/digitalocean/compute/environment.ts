/**
 * A service's App env vars. Literal values are `GENERAL`; everything that comes from sensitive
 * config (`config`, `template`), from a program (`input`), or that carries a managed cluster's
 * password is `SECRET`: App Platform stores it encrypted, and Pulumi keeps it a secret in the state.
 * References to other components are rewritten first (`references.ts`).
 */
import * as pulumi from "@pulumi/pulumi";
import { ConfigValues } from "../../config-values";
import { programValue } from "../../common/environment-values";
import { referencedKeys } from "../../../model/environment";
import { EnvVar } from "../../../model/types";
import { matchGroup } from "../../../util/regex-group";
import { ManagedField, ReferenceTarget, rewriteCompanion, rewriteReferences, token, TOKEN } from "../network/references";

export interface PlannedEnv {
    name: string;
    secret: boolean;
    /** The value's text: `${KEY}` config references and managed-cluster tokens still in it. */
    text?: string;
    /** A program's input, used as is. */
    input?: unknown;
}

const PASSWORD_TOKEN = new RegExp(token("[^\u0000.]+", "password"));

/** The plan of a service's environment (pure). */
export function planEnvironment(env: EnvVar[], targets: ReadonlyMap<string, ReferenceTarget>): PlannedEnv[] {
    const referenced = new Set<string>();
    const first = env.map((e): PlannedEnv & { rewritten: boolean } => {
        const v = e.value;
        if (v.kind === "input") return { name: e.name, secret: true, input: v.value, rewritten: false };
        const text = v.kind === "literal" ? v.value : v.kind === "template" ? v.template : `\${${v.key}}`;
        const r = rewriteReferences(text, targets);
        r.managed.forEach((id) => referenced.add(id));
        return { name: e.name, secret: v.kind !== "literal", text: r.text, rewritten: r.text !== text };
    });
    const clusters = [...targets.values()].filter((t) => t.kind !== "service" && referenced.has(t.id));
    return first.map(({ rewritten, ...p }) => {
        if (!rewritten && p.text !== undefined && !p.secret) p.text = rewriteCompanion(p.name, p.text, clusters) ?? p.text;
        if (p.text !== undefined && PASSWORD_TOKEN.test(p.text)) p.secret = true;
        return p;
    });
}

/** A managed cluster's values, for its tokens. */
export type ManagedValues = Record<ManagedField, pulumi.Input<string | number>>;

/** The value of a planned variable: config resolved, tokens filled in; a secret when `secret`. */
export function envValue(planned: PlannedEnv, config: ConfigValues, managed: ReadonlyMap<string, ManagedValues>, usedBy: string): pulumi.Output<string> {
    if (planned.input !== undefined || planned.text === undefined) {
        return programValue(planned.input);
    }
    const text = planned.text;
    const keys = referencedKeys(text);
    const base: pulumi.Output<string> = keys.length > 0 ? config.resolve(text, keys, usedBy) : pulumi.output(text);
    const tokens = [...text.matchAll(TOKEN)].map((m) => ({ id: matchGroup(m, 1), field: matchGroup(m, 2) as ManagedField }));
    const values = tokens.map((t) => {
        const m = managed.get(t.id);
        if (!m) throw new Error(`service "${usedBy}": no managed cluster ${t.id} for its environment`);
        return pulumi.output(m[t.field]);
    });
    const filled = pulumi.all([base, ...values]).apply(([b, ...vs]) => {
        let i = 0;
        return (b as string).replace(TOKEN, () => String(vs[i++]));
    });
    return planned.secret ? pulumi.secret(filled) : filled;
}
