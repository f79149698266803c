/**
 * Which names can be Pulumi config keys. A variable written without a value (`API_KEY:`) is read at
 * deploy time from the stack's config under its own name, in the project's namespace, and the
 * user is told to run `pulumi config set --secret NAME <value>`. Every place that reads such a name
 * or gives that advice asks this file first, so that no advice is given that cannot work.
 *
 * Pulumi parses a key as `[<namespace>:]<name>`: a name with a `:` is read as another namespace's
 * key and can never be set for this project. Beyond that we keep to the characters an environment
 * variable name is made of (letters, digits, `_`, and `.` or `-` as in `spring.datasource.password`),
 * starting with a letter or `_`: such a name needs no quoting on a command line, is never taken for
 * an option (`-x`), and is accepted as an environment variable name by every cloud's runtime.
 */

/** A name that can be a config key of this project. */
export const CONFIG_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Whether `name` can be a config key of this project. */
export function isValidConfigKey(name: string): boolean {
    return CONFIG_KEY.test(name);
}

/** Why `name` cannot be a config key of this project, or undefined when it can. */
export function configKeyProblem(name: string): string | undefined {
    if (isValidConfigKey(name)) return undefined;
    if (name === "") return "it is empty";
    if (name.includes(":")) return 'Pulumi reads the part before ":" as the namespace of another package, so the key can never be set for this project';
    if (/\s/.test(name)) return "it contains white space";
    if (!/^[A-Za-z_]/.test(name)) return `it starts with "${name[0]}"; a key starts with a letter or _`;
    const bad = [...name].find((c) => !/[A-Za-z0-9_.-]/.test(c)) ?? "";
    return `it contains "${bad}"; a key is made of letters, digits, _, . and -`;
}

/** A name close to `name` that is a valid key: `a:b` -> `a_b`, `1st key` -> `_1st_key`, `-x` -> `x`. */
export function suggestConfigKey(name: string): string {
    const s = name.replace(/[^A-Za-z0-9_.-]+/g, "_").replace(/^[.-]+/, "");
    if (s === "") return "KEY";
    return /^[A-Za-z_]/.test(s) ? s : `_${s}`;
}

/** The command that sets `key` as a secret of the stack: `pulumi config set --secret API_KEY <value>`. */
export function configSetCommand(key: string): string {
    return `pulumi config set --secret ${key} <value>`;
}
