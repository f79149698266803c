/**
 * How deeply a YAML text nests, found by one pass over its characters before it is parsed. The
 * `yaml` package parses and composes nested collections recursively: `[[[[...]]]]` a few thousand
 * levels deep overflows the stack. A compose file nests a dozen levels at most, so a file past the
 * limit is refused here, at the line where it goes too deep, and never reaches the parser.
 *
 * The count is of collections: each block indentation level, each compact `- ` item, and each
 * open `[` or `{` outside quoted and block scalars and comments. It may count a level more than
 * YAML would (a plain scalar continued on a more indented line), never fewer for flow brackets.
 */

export interface DeepNesting {
    line: number;
    column: number;
}

/** Characters after which a `[`, `{` or quote begins a value in block context. */
const VALUE_START = new Set(["", ":", "-", "?", ",", "[", "{"]);

/** The first position where `text` nests deeper than `max` collections, or undefined. */
export function findDeepNesting(text: string, max: number): DeepNesting | undefined {
    if (nestingBound(text) <= max) return undefined;
    const indents: number[] = [];
    let flow = 0;
    let quote: '"' | "'" | undefined;
    /** While inside a block scalar (`|`, `>`): the indentation of the line that opened it. */
    let blockScalarParent: number | undefined;
    let line = 0;
    let start = 0;
    while (start <= text.length) {
        let end = text.indexOf("\n", start);
        if (end < 0) end = text.length;
        line++;
        const s = text.slice(start, end).replace(/\r$/, "");
        start = end + 1;
        let i = 0;
        while (i < s.length && s[i] === " ") i++;
        const blank = i === s.length || s[i] === "#";
        if (blockScalarParent !== undefined) {
            if (blank || i > blockScalarParent) continue;
            blockScalarParent = undefined;
        }
        if (flow === 0 && quote === undefined) {
            if (blank) continue;
            // Indentation is never negative: -1 stands for "no level open".
            while ((indents.at(-1) ?? -1) > i) indents.pop();
            if ((indents.at(-1) ?? -1) < i) indents.push(i);
        }
        // The last significant character before the current one, "" at the start of a value.
        let previous = "";
        for (; i < s.length; i++) {
            const c = s[i];
            if (quote === '"') {
                if (c === "\\") i++;
                else if (c === '"') quote = undefined;
                continue;
            }
            if (quote === "'") {
                if (c === "'" && s[i + 1] === "'") i++;
                else if (c === "'") quote = undefined;
                continue;
            }
            if (c === " " || c === "\t") continue;
            if (c === "#" && (i === 0 || s[i - 1] === " " || s[i - 1] === "\t")) break;
            const atValueStart = flow > 0 ? VALUE_START.has(previous) : previous === "" || previous === ":" || previous === "-" || previous === "?";
            if ((c === '"' || c === "'") && atValueStart) {
                quote = c;
                previous = "scalar";
                continue;
            }
            if ((c === "[" || c === "{") && (flow > 0 || atValueStart)) {
                flow++;
                if (indents.length + flow > max) return { line, column: i + 1 };
                previous = c;
                continue;
            }
            if ((c === "]" || c === "}") && flow > 0) {
                flow--;
                previous = "scalar";
                continue;
            }
            if (flow === 0 && c === "-" && (previous === "" || previous === "-") && (s[i + 1] === " " || i + 1 === s.length)) {
                // An item; what follows on its line is one level deeper (`- - x`, `- key: v`).
                const top = indents.at(-1);
                if (top !== undefined && top < i) indents.push(i);
                if (indents.length > max) return { line, column: i + 1 };
                const content = leadingSpaces(s, i + 1);
                if (content < s.length && s[content] !== "#") indents.push(content);
                previous = "-";
                continue;
            }
            if ((c === "&" || c === "!") && atValueStart) {
                // An anchor or a tag before the value: the value still starts after it.
                while (i + 1 < s.length && s[i + 1] !== " ") i++;
                continue;
            }
            if (flow === 0 && (c === "|" || c === ">") && atValueStart && /^[|>][-+0-9]*\s*(#.*)?$/.test(s.slice(i))) {
                blockScalarParent = leadingSpaces(s);
                break;
            }
            if (c === ":" && (s[i + 1] === " " || i + 1 === s.length || flow > 0)) previous = ":";
            else if (c === "," && flow > 0) previous = ",";
            else if (c === "?" && previous === "" && s[i + 1] === " ") previous = "?";
            else previous = "scalar";
        }
        if (indents.length + flow > max) return { line, column: leadingSpaces(s) + 1 };
    }
    return undefined;
}

/**
 * A bound of the nesting the scan below can count, found with the string search of the runtime: the
 * block levels are strictly increasing columns of some line (at most its length), the flow levels
 * open brackets. A file within the bound (all real compose files) needs no character-by-character scan.
 */
function nestingBound(text: string): number {
    let longestLine = 0;
    for (let start = 0; start <= text.length;) {
        let end = text.indexOf("\n", start);
        if (end < 0) end = text.length;
        longestLine = Math.max(longestLine, end - start);
        start = end + 1;
    }
    return longestLine + occurrences(text, "[") + occurrences(text, "{");
}

function occurrences(text: string, c: string): number {
    let n = 0;
    for (let i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) n++;
    return n;
}

/** The index of the first character at or after `from` that is not a space. */
function leadingSpaces(s: string, from = 0): number {
    let i = from;
    while (i < s.length && s[i] === " ") i++;
    return i;
}
