/**
 * The `.env` format as Compose reads it: `KEY=value`, `export KEY=value`, `KEY: value`, comments,
 * single quotes (literal), double quotes (escapes and substitution), multi-line quoted values,
 * substitution of variables defined earlier in the file or in the environment, and a bare `KEY`
 * that takes its value from the environment.
 */
import { Lookup, substitute, TemplateError } from "./template";

export interface DotenvProblem {
    line: number;
    message: string;
}

export interface DotenvResult {
    values: Record<string, string>;
    problems: DotenvProblem[];
}

const KEY = /^[A-Za-z0-9_.\-[\]]+$/;

export function parseDotenv(text: string, inherited: Lookup = () => undefined): DotenvResult {
    const values: Record<string, string> = Object.create(null);
    const problems: DotenvProblem[] = [];
    const src = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
    const lookup: Lookup = (name) => (name in values ? values[name] : inherited(name));
    let i = 0;
    let line = 1;
    while (i < src.length) {
        const lineStart = line;
        const end = src.indexOf("\n", i);
        const raw = src.slice(i, end === -1 ? src.length : end);
        const trimmed = raw.trim();
        if (trimmed === "" || trimmed.startsWith("#")) {
            i = end === -1 ? src.length : end + 1;
            line++;
            continue;
        }
        const body = trimmed.replace(/^export\s+/, "");
        const sep = findSeparator(body);
        if (sep < 0) {
            // A bare KEY: inherited from the environment when set there.
            const key = body.replace(/\s+#.*$/, "").trim();
            if (!KEY.test(key)) problems.push({ line: lineStart, message: `invalid line "${trimmed}"` });
            else {
                const v = inherited(key);
                if (v !== undefined) values[key] = v;
            }
            i = end === -1 ? src.length : end + 1;
            line++;
            continue;
        }
        const key = body.slice(0, sep).trim();
        if (!KEY.test(key)) {
            problems.push({ line: lineStart, message: `invalid variable name "${key}"` });
            i = end === -1 ? src.length : end + 1;
            line++;
            continue;
        }
        // Value may span lines when quoted: work from the absolute offset of the value.
        const valueOffset = i + raw.indexOf(body) + sep + 1;
        let j = valueOffset;
        while (j < src.length && (src[j] === " " || src[j] === "\t")) j++;
        const q = src[j];
        let value: string;
        let next: number;
        if (q === "'" || q === '"') {
            const close = findClosingQuote(src, j + 1, q);
            if (close < 0) {
                problems.push({ line: lineStart, message: `unterminated ${q === "'" ? "single" : "double"} quote for ${key}` });
                break;
            }
            const inner = src.slice(j + 1, close);
            line += countNewlines(src.slice(i, close));
            const lineEnd = src.indexOf("\n", close);
            next = lineEnd === -1 ? src.length : lineEnd + 1;
            if (q === "'") value = inner.replace(/\\'/g, "'");
            else value = interpolate(unescapeDouble(inner), lookup, problems, lineStart);
        } else {
            const lineEnd = src.indexOf("\n", j);
            let v = src.slice(j, lineEnd === -1 ? src.length : lineEnd);
            v = v.replace(/\s+#.*$/, "").trim();
            value = interpolate(v, lookup, problems, lineStart);
            next = lineEnd === -1 ? src.length : lineEnd + 1;
        }
        values[key] = value;
        i = next;
        line++;
    }
    return { values: { ...values }, problems };
}

function findSeparator(body: string): number {
    const eq = body.indexOf("=");
    const colon = body.indexOf(":");
    if (eq >= 0 && (colon < 0 || eq < colon)) return eq;
    // `KEY: value` (YAML-like) is accepted when the key part is a plain name.
    if (colon >= 0 && KEY.test(body.slice(0, colon).trim())) return colon;
    return eq;
}

function findClosingQuote(src: string, from: number, q: string): number {
    for (let k = from; k < src.length; k++) {
        if (src[k] === "\\" && k + 1 < src.length) {
            k++;
            continue;
        }
        if (src[k] === q) return k;
    }
    return -1;
}

function countNewlines(s: string): number {
    let n = 0;
    for (const c of s) if (c === "\n") n++;
    return n;
}

function unescapeDouble(s: string): string {
    return s.replace(/\\([nrt"\\$])/g, (_m, c: string) => {
        switch (c) {
            case "n":
                return "\n";
            case "r":
                return "\r";
            case "t":
                return "\t";
            case "$":
                return "$$";
            default:
                return c;
        }
    });
}

function interpolate(v: string, lookup: Lookup, problems: DotenvProblem[], line: number): string {
    try {
        return substitute(v, lookup, { unset: "empty" }).value;
    } catch (e) {
        if (e instanceof TemplateError) {
            problems.push({ line, message: e.message });
            return v;
        }
        throw e;
    }
}
