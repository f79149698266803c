/**
 * Sensitive config: values read from the stack's Pulumi config as secrets
 * (`pulumi config set --secret KEY value`), or provided by a component of the project (a generated
 * database password), resolved to secret outputs.
 */
import * as pulumi from "@pulumi/pulumi";
import { fillTemplate } from "../model/environment";
import { MissingConfigError } from "../model/errors";
import { zip } from "../util/zip";

export class ConfigValues {
    private readonly provided = new Map<string, pulumi.Output<string>>();

    constructor(private readonly config: pulumi.Config = new pulumi.Config()) {}

    /** Makes `key` resolve to `value` (kept secret) instead of the stack config. */
    provide(key: string, value: pulumi.Input<string>): void {
        this.provided.set(key, pulumi.secret(value));
    }

    /** Whether `key` has a value (provided, or set in the stack config). */
    has(key: string): boolean {
        return this.provided.has(key) || this.config.get(key) !== undefined;
    }

    /** The secret value of `key`; throws a `MissingConfigError` naming it when it is not set. */
    get(key: string, usedBy = "this stack"): pulumi.Output<string> {
        const provided = this.provided.get(key);
        if (provided) return provided;
        const value = this.config.getSecret(key);
        if (value === undefined) throw new MissingConfigError([{ key, usedBy: [usedBy] }]);
        return value;
    }

    /** `template` with each `${KEY}` replaced by its config value; a secret. */
    resolve(template: string, keys: string[], usedBy = "this stack"): pulumi.Output<string> {
        const values = keys.map((k) => this.get(k, usedBy));
        return pulumi.secret(
            pulumi.all(values).apply((vs) => {
                const byKey = new Map(zip(keys, vs));
                return fillTemplate(template, byKey);
            }),
        );
    }

    /** Throws one `MissingConfigError` listing every key of `uses` that has no value. */
    requireAll(uses: Array<{ key: string; usedBy: string }>): void {
        const missing = new Map<string, string[]>();
        for (const u of uses) {
            if (this.has(u.key)) continue;
            const users = missing.get(u.key) ?? [];
            if (!users.includes(u.usedBy)) users.push(u.usedBy);
            missing.set(u.key, users);
        }
        if (missing.size > 0) throw new MissingConfigError([...missing].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, usedBy]) => ({ key, usedBy })));
    }
}
