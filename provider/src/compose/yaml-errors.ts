/**
 * YAML syntax errors in our words. The `yaml` package reports where its parser got stuck, which
 * for a mis-indented key is often the line before (`Nested mappings are not allowed in compact
 * mappings` at the value of the previous key). When the parser fails, we look at the indentation
 * of the block structure around that place ourselves and, if a key or item is indented wrongly,
 * report that line, what it lines up with, and the indentation that would make it valid.
 */
import * as YAML from "yaml";

/** The parser's message without its own position and excerpt (we report positions ourselves). */
export function yamlMessage(e: YAML.YAMLError): string {
    const first = e.message.split("\n")[0] ?? e.message;
    return first.replace(/ at line \d+, column \d+:?$/, "").replace(/\.$/, "");
}

/** A hint for the parser's error codes that have a usual cause. */
export function yamlHint(e: YAML.YAMLError): string | undefined {
    switch (e.code) {
        case "DUPLICATE_KEY":
            return "each key may appear once in a mapping; remove or rename the repeated key";
        case "BAD_INDENT":
        case "MISSING_CHAR":
        case "UNEXPECTED_TOKEN":
            return "check the indentation and the brackets around this line";
        case "TAB_AS_INDENT":
            return "indent with spaces, not tabs";
        case "ALIAS_PROPS":
        case "BAD_ALIAS":
            return "an alias (*name) must refer to an anchor (&name) defined before it";
        default:
            return undefined;
    }
}

/** A mis-indented line: where it starts, what is wrong, how to fix it. */
export interface IndentationProblem {
    line: number;
    column: number;
    message: string;
    hint: string;
}

/** One line of block structure: a `key:` (possibly after `- `) or a bare `- item`. */
interface StructureLine {
    line: number;
    /** Column (0-based) of the key, or of the item's content. */
    indent: number;
    /** The key, or undefined for a list item without one. */
    key?: string;
    /** The value written on the same line after `key:`, when there is one. */
    inlineValue: boolean;
    /** The line's text, trimmed (to name an item without key). */
    text: string;
}

const KEY_LINE = /^( *)((?:- +)*)([^\s#'"\-?:[\]{},&*!|>%@`][^#]*?|"[^"]*"|'[^']*'):(?: +(.*?))?\s*$/;
const ITEM_LINE = /^( *)- +(.*?)\s*$/;

/**
 * The first mis-indented key or item within one line of `nearLine` (1-based), or undefined when
 * the indentation there is consistent (the error is of another kind) or the text is too irregular
 * to tell (flow collections or quoted scalars spanning lines before it).
 */
export function findIndentationProblem(text: string, nearLine: number): IndentationProblem | undefined {
    const lines = text.split(/\r?\n/);
    /** Open levels: each key line whose children are indented below it, innermost last. */
    const stack: StructureLine[] = [];
    let previous: StructureLine | undefined;
    let blockScalarParent: number | undefined;
    const last = Math.min(lines.length, nearLine + 1);
    for (let n = 1; n <= last; n++) {
        const s = lines[n - 1] ?? ""; // n <= lines.length
        const indent = s.length - s.trimStart().length;
        const body = s.trim();
        if (body === "" || body.startsWith("#")) continue;
        if (blockScalarParent !== undefined) {
            if (indent > blockScalarParent) continue;
            blockScalarParent = undefined;
        }
        if (body === "---" || body.startsWith("%")) continue;
        const current = structureLine(s, n);
        if (!current) {
            // A continuation of a scalar, or flow content: nothing to judge on this line.
            continue;
        }
        if (/^[|>][-+0-9]*$/.test(valueText(s) ?? "")) blockScalarParent = indent;
        /** The shallowest level closed by this line: where a line between two levels was probably meant to go. */
        let closed: StructureLine | undefined;
        // Indentation is never negative: -1 stands for "no level open".
        while ((stack.at(-1)?.indent ?? -1) > current.indent) closed = stack.pop();
        const problem = n >= nearLine - 1 && previous ? judge(current, previous, closed, stack) : undefined;
        if (problem) return problem;
        const top = stack[stack.length - 1];
        if (!top || top.indent < current.indent) stack.push(current);
        else stack[stack.length - 1] = current;
        previous = current;
    }
    return undefined;
}

/**
 * What is wrong with `current`, given the line before it, the level it closed (if any) and the
 * levels still open (`stack`, innermost last, the ones deeper than `current` removed).
 */
function judge(current: StructureLine, previous: StructureLine, closed: StructureLine | undefined, stack: StructureLine[]): IndentationProblem | undefined {
    const what = current.key !== undefined ? `"${current.key}:"` : "this list item";
    const column = current.indent + 1;
    const top = stack[stack.length - 1];
    if (current.indent > previous.indent && previous.key !== undefined && previous.inlineValue) {
        // `image: nginx` followed by a deeper `ports:`: YAML reads it as part of nginx's value.
        return {
            line: current.line,
            column,
            message: `${what} is indented deeper than "${previous.key}:" on line ${previous.line}, whose value is already written on that line`,
            hint: `indent ${what} by ${previous.indent} spaces, like "${previous.key}:", to put it ${placeOf(stack[stack.length - 2])}`,
        };
    }
    if (closed && top && top.indent < current.indent) {
        // Between two levels: deeper than the enclosing one, shallower than the one it closed.
        return {
            line: current.line,
            column,
            message: `${what} is indented by ${current.indent} spaces, which lines up with no enclosing level`,
            hint:
                `indent it by ${closed.indent} spaces, like "${label(closed)}" on line ${closed.line}, to put it ${placeOf(top)}` +
                `, or by ${top.indent} spaces, like "${label(top)}" on line ${top.line}, to put it ${placeOf(stack[stack.length - 2])}`,
        };
    }
    return undefined;
}

/** "in "web"", or "at the top level". */
function placeOf(parent: StructureLine | undefined): string {
    if (!parent) return "at the top level";
    return parent.key !== undefined ? `in "${parent.key}"` : `in the list item on line ${parent.line}`;
}

function label(l: StructureLine): string {
    if (l.key !== undefined) return `${l.key}:`;
    return l.text.length > 24 ? l.text.slice(0, 21) + "..." : l.text;
}

function structureLine(s: string, line: number): StructureLine | undefined {
    const k = KEY_LINE.exec(s);
    const [, spaces = "", dashes = "", written = "", value = ""] = k ?? [];
    if (k && !written.includes(": ")) {
        const key = written.replace(/^["']|["']$/g, "");
        return { line, indent: spaces.length + dashes.length, key, inlineValue: value !== "" && !/^([|>][-+0-9]*|[&!]\S+)$/.test(value), text: s.trim() };
    }
    const item = ITEM_LINE.exec(s);
    if (item) return { line, indent: (item[1] ?? "").length, inlineValue: false, text: s.trim() };
    return undefined;
}

/** The text after `key:` on a key line. */
function valueText(s: string): string | undefined {
    return KEY_LINE.exec(s)?.[4];
}
