/**
 * Compose variable substitution in one string: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?message}`, `${VAR?message}`, `${VAR:+alternative}`, `${VAR+alternative}`, nested templates in
 * defaults, and `$$` for a literal dollar.
 *
 * A variable that is not set and has no default is, by default, kept as `${VAR}`: a reference to a
 * value that comes from configuration at deploy time (Pulumi config), and reported in `references`.
 */

export type Lookup = (name: string) => string | undefined;

export interface TemplateResult {
    value: string;
    /** Variables that were not set, had no default, and were kept as `${NAME}`. */
    references: string[];
}

export class TemplateError extends Error {
    constructor(
        message: string,
        readonly hint?: string,
        readonly variable?: string,
    ) {
        super(message);
    }
}

export interface TemplateOptions {
    /** What an unset variable without default becomes: kept as `${NAME}` (default) or the empty string. */
    unset?: "keep" | "empty";
}

const NAME = /^[_A-Za-z][_A-Za-z0-9]*(?:\.[_A-Za-z][_A-Za-z0-9]*)*/;

/** True when the string holds a `$` that substitution would act on. */
export function hasTemplate(s: string): boolean {
    return s.includes("$");
}

export function substitute(input: string, lookup: Lookup, options: TemplateOptions = {}): TemplateResult {
    const references: string[] = [];
    const parser = new Parser(input, lookup, options.unset ?? "keep", references);
    const value = parser.parseUntil(null);
    return { value, references: [...new Set(references)] };
}

class Parser {
    pos = 0;
    constructor(
        readonly s: string,
        readonly lookup: Lookup,
        readonly unset: "keep" | "empty",
        readonly references: string[],
    ) {}

    /** Reads text up to `stop` (a closing `}` of an enclosing template), or to the end. */
    parseUntil(stop: "}" | null): string {
        let out = "";
        let depth = 0;
        while (this.pos < this.s.length) {
            const c = this.s[this.pos];
            if (stop && c === "}" && depth === 0) return out;
            if (c === "$") {
                out += this.parseDollar();
                continue;
            }
            // Braces inside a default value must balance before the enclosing one closes.
            if (stop && c === "{") depth++;
            if (stop && c === "}") depth--;
            out += c;
            this.pos++;
        }
        if (stop) throw new TemplateError(`unterminated "\${" in "${this.s}"`, 'close it with "}", or write "$$" for a literal dollar');
        return out;
    }

    private parseDollar(): string {
        const next = this.s[this.pos + 1];
        if (next === "$") {
            this.pos += 2;
            return "$";
        }
        if (next === "{") {
            this.pos += 2;
            return this.parseBraced();
        }
        const m = NAME.exec(this.s.slice(this.pos + 1));
        if (m && !m[0].includes(".")) {
            this.pos += 1 + m[0].length;
            return this.resolve(m[0]);
        }
        if (m) {
            // `$a.b` is `$a` followed by `.b`: dots need braces.
            const name = m[0].split(".")[0] ?? "";
            this.pos += 1 + name.length;
            return this.resolve(name);
        }
        throw new TemplateError(`invalid interpolation "${this.s.slice(this.pos, this.pos + 8)}..." in "${this.s}"`, 'write "$$" for a literal dollar sign');
    }

    private parseBraced(): string {
        const m = NAME.exec(this.s.slice(this.pos));
        if (!m) throw new TemplateError(`invalid variable name in "\${" of "${this.s}"`, 'variable names are letters, digits and "_"; write "$$" for a literal dollar');
        const name = m[0];
        this.pos += name.length;
        const rest = this.s.slice(this.pos);
        if (rest.startsWith("}")) {
            this.pos++;
            return this.resolve(name);
        }
        const op = /^(:-|-|:\?|\?|:\+|\+)/.exec(rest);
        if (!op) throw new TemplateError(`invalid interpolation format for "\${${name}" in "${this.s}"`, "use ${VAR}, ${VAR:-default}, ${VAR:?error} or ${VAR:+alternative}");
        this.pos += op[0].length;
        const value = this.lookup(name);
        // The argument is itself a template: parse it (always, to find its end), and drop the
        // references it reported when it is not used.
        const refsBefore = this.references.length;
        const arg = this.parseUntil("}");
        this.pos++; // the closing brace
        const emptyCounts = op[0].startsWith(":");
        const isSet = value !== undefined && (!emptyCounts || value !== "");
        switch (op[0]) {
            case ":-":
            case "-":
                if (isSet) {
                    this.references.length = refsBefore;
                    return value as string;
                }
                return arg;
            case ":?":
            case "?":
                if (isSet) {
                    this.references.length = refsBefore;
                    return value as string;
                }
                throw new TemplateError(`required variable ${name} is missing a value` + (arg ? `: ${arg}` : ""), `set ${name} in the environment or in the project's .env file`, name);
            default: // ":+" and "+"
                if (isSet) return arg;
                this.references.length = refsBefore;
                return "";
        }
    }

    private resolve(name: string): string {
        const v = this.lookup(name);
        if (v !== undefined) return v;
        if (this.unset === "empty") return "";
        this.references.push(name);
        return "${" + name + "}";
    }
}
