/**
 * Environment split: plain values go to the runtime as they are; values that come from sensitive
 * config (written without a value, or with an unresolved `${KEY}`) and values from a program
 * (`pulumi.Input`) go through the cloud's secret store.
 */
import { matchGroup } from "../util/regex-group";
import { fileMountConfigKeys } from "./file-mounts";
import { ComponentModel, EnvValue, EnvVar } from "./types";

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The config keys referenced by `${KEY}` in a value, in order of first use. */
export function referencedKeys(value: string): string[] {
    const keys: string[] = [];
    for (const m of value.matchAll(REFERENCE)) {
        const key = matchGroup(m, 1);
        if (!keys.includes(key)) keys.push(key);
    }
    return keys;
}

/** `template` with each `${KEY}` replaced by its value in `values`; a key without a value stays as written. */
export function fillTemplate(template: string, values: ReadonlyMap<string, string>): string {
    return template.replace(REFERENCE, (whole, k: string) => values.get(k) ?? whole);
}

/** One compose environment value: `null` is config under the variable's own name. */
export function envValueOf(name: string, value: string | null): EnvValue {
    if (value === null) return { kind: "config", key: name };
    const keys = referencedKeys(value);
    return keys.length > 0 ? { kind: "template", template: value, keys } : { kind: "literal", value };
}

/** A compose `environment` map (canonical: values are strings, or null for config), sorted by name. */
export function environmentFromCompose(env: Record<string, string | null> | undefined): EnvVar[] {
    return Object.entries(env ?? {})
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, value]) => ({ name, value: envValueOf(name, value) }));
}

/** The config keys an environment reads. */
export function configKeysOf(env: EnvVar[]): string[] {
    const keys = new Set<string>();
    for (const e of env) {
        if (e.value.kind === "config") keys.add(e.value.key);
        if (e.value.kind === "template") for (const k of e.value.keys) keys.add(k);
    }
    return [...keys];
}

/** The literal value of `name`, when it has one. */
export function literalValue(env: EnvVar[], name: string): string | undefined {
    const v = env.find((e) => e.name === name)?.value;
    return v?.kind === "literal" ? v.value : undefined;
}

/** The config keys a component reads: its environment's, or a database's password key. */
export function configKeysOfComponent(c: ComponentModel): string[] {
    if (c.kind === "service") return [...new Set([...configKeysOf(c.environment), ...fileMountConfigKeys(c.files), ...configKeysOf(c.build?.configArgs ?? [])])];
    return (c.kind === "postgres" || c.kind === "mongo") && c.password.kind === "config" ? [c.password.key] : [];
}

/** A sensitive config key that must be set in the stack, and the service that reads it. */
export interface ConfigUse {
    key: string;
    usedBy: string;
}

/** The config keys a component reads, each with the component's service name. */
export function configUsesOf(c: ComponentModel): ConfigUse[] {
    return configKeysOfComponent(c).map((key) => ({ key, usedBy: c.name }));
}
