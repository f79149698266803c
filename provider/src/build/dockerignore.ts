/**
 * `.dockerignore` files with Docker's semantics, so that what is uploaded for a remote build is what
 * `docker build` would send from the same directory:
 * - a line starting with `#` is a comment; blank lines are skipped; surrounding whitespace is trimmed;
 * - patterns are cleaned like Go's `filepath.Clean` (`a//b/./c/` is `a/b/c`) and a leading `/` is dropped,
 *   so `/root-only` and `root-only` both mean the top-level entry only;
 * - `*` matches any run of characters but `/`, `?` one character but `/`, `[...]` a class, `\` escapes;
 * - `**` matches any number of directories, including none (`**\/*.log` matches `a.log` and `x/y/a.log`);
 * - a pattern that matches a directory excludes everything below it (`node_modules`);
 * - `!pattern` re-includes what an earlier pattern excluded; the last matching pattern wins.
 * Matching is `@balena/dockerignore`'s (a port of Docker's own matcher); this module parses the
 * file with positions for its errors, and says when an excluded directory need not be walked.
 * Pure: no file system access.
 */
import dockerignore from "@balena/dockerignore";

export interface IgnorePattern {
    /** The cleaned pattern, without its `!`. */
    pattern: string;
    /** `!pattern`: an exception that re-includes matches. */
    negate: boolean;
    /** The cleaned pattern split on `/`, for the "could an exception match below this directory" check. */
    segments: string[];
}

export class DockerignoreSyntaxError extends Error {
    override readonly name = "DockerignoreSyntaxError";
}

const UTF8_BOM = "\uFEFF";

/** The patterns of a `.dockerignore` file's text, in order. Throws a `DockerignoreSyntaxError` on an invalid line. */
export function parseDockerignore(text: string, source = ".dockerignore"): IgnorePattern[] {
    const patterns: IgnorePattern[] = [];
    const lines = (text.startsWith(UTF8_BOM) ? text.slice(1) : text).split("\n");
    lines.forEach((raw, index) => {
        // Comments are recognised before trimming, as Docker does.
        if (raw.startsWith("#")) return;
        let line = raw.trim();
        if (line === "") return;
        const negate = line.startsWith("!");
        if (negate) line = line.slice(1).trim();
        if (negate && line === "") throw new DockerignoreSyntaxError(`${source}:${index + 1}: "!" alone is not a valid pattern`);
        const pattern = cleanPattern(line);
        compilePattern(pattern, `${source}:${index + 1}`); // throws on an invalid pattern, naming the line
        patterns.push({ pattern, negate, segments: pattern.split("/") });
    });
    return patterns;
}

/** Lexical clean of a pattern, like Go's `filepath.Clean`, and without a leading `/`. */
export function cleanPattern(pattern: string): string {
    const absolute = pattern.startsWith("/");
    const out: string[] = [];
    for (const part of pattern.split("/")) {
        if (part === "" || part === ".") continue;
        if (part === "..") {
            if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
            else if (!absolute) out.push("..");
            continue;
        }
        out.push(part);
    }
    const cleaned = out.join("/");
    if (cleaned === "") return absolute ? "/" : ".";
    return cleaned;
}

const REGEX_SPECIAL = new Set([..."^$.|+(){}"]);

/** The regular expression of one cleaned pattern (anchored at both ends): checks a pattern's syntax, and matches one segment of it. */
export function compilePattern(pattern: string, where = "pattern"): RegExp {
    let re = "^";
    for (let i = 0; i < pattern.length; i++) {
        const ch = pattern.charAt(i);
        if (ch === "*") {
            if (pattern[i + 1] === "*") {
                i++;
                // `**/` is the same as `**`.
                if (pattern[i + 1] === "/") i++;
                re += i + 1 >= pattern.length ? ".*" : "(?:.*/)?";
            } else {
                re += "[^/]*";
            }
        } else if (ch === "?") {
            re += "[^/]";
        } else if (ch === "\\") {
            // Escapes the next character; a trailing backslash is literal.
            const next = pattern[i + 1];
            if (next === undefined) re += "\\\\";
            else {
                re += escapeRegexChar(next);
                i++;
            }
        } else if (ch === "[") {
            const end = classEnd(pattern, i);
            if (end < 0) throw new DockerignoreSyntaxError(`${where}: unterminated character class in "${pattern}"`);
            re += classRegex(pattern.slice(i + 1, end));
            i = end;
        } else {
            re += escapeRegexChar(ch);
        }
    }
    return new RegExp(re + "$");
}

function escapeRegexChar(ch: string): string {
    return REGEX_SPECIAL.has(ch) || ch === "\\" || ch === "[" || ch === "]" || ch === "*" || ch === "?" ? `\\${ch}` : ch;
}

/** The index of the `]` closing the class opened at `start`, or -1. */
function classEnd(pattern: string, start: number): number {
    let i = start + 1;
    if (pattern[i] === "^") i++;
    // A `]` inside a class must be escaped (`[\]]`).
    for (; i < pattern.length; i++) {
        if (pattern[i] === "\\") i++;
        else if (pattern[i] === "]") return i;
    }
    return -1;
}

function classRegex(body: string): string {
    let out = "[";
    let i = 0;
    if (body.startsWith("^")) {
        out += "^";
        i = 1;
    }
    for (; i < body.length; i++) {
        const ch = body[i];
        if (ch === "\\" && i + 1 < body.length) {
            out += `\\${body[++i]}`;
        } else if (ch === "[" || ch === "]" || ch === "\\") {
            out += `\\${ch}`;
        } else {
            out += ch;
        }
    }
    return out + "]";
}

/**
 * Characters the library puts into its regular expression unescaped, though they are literal in a
 * Docker pattern outside a class; written to it escaped (`\\(`), which both read as the character.
 */
const LITERAL_FOR_DOCKER = new Set([..."^|+(){}"]);

/** `pattern` as the library must be given it to read it as Docker does. */
function libraryPattern(p: IgnorePattern): string {
    let out = "";
    let inClass = false;
    for (let i = 0; i < p.pattern.length; i++) {
        const ch = p.pattern.charAt(i);
        if (ch === "\\" && i + 1 < p.pattern.length) {
            out += ch + p.pattern.charAt(++i);
            continue;
        }
        if (ch === "[" && !inClass) inClass = true;
        else if (ch === "]" && inClass) inClass = false;
        else if (!inClass && LITERAL_FOR_DOCKER.has(ch)) {
            out += `\\${ch}`;
            continue;
        }
        out += ch;
    }
    return (p.negate ? "!" : "") + out;
}

/** Decides, for paths relative to the context (`/`-separated), whether `docker build` would leave them out. */
export class DockerignoreMatcher {
    private readonly hasExceptions: boolean;
    /** Case-sensitive, as Docker is on Linux. */
    private readonly matcher = dockerignore({ ignorecase: false });

    constructor(readonly patterns: IgnorePattern[]) {
        this.hasExceptions = patterns.some((p) => p.negate);
        this.matcher.add(patterns.map(libraryPattern));
    }

    static fromText(text: string, source?: string): DockerignoreMatcher {
        return new DockerignoreMatcher(parseDockerignore(text, source));
    }

    /** Whether `path` (a file or a directory) is excluded: the last pattern matching it or one of its parents decides. */
    ignores(path: string): boolean {
        return this.patterns.length > 0 && this.matcher.ignores(path);
    }

    /**
     * Whether some exception could re-include a path below the excluded directory `dir`; when none can,
     * the directory need not be walked (as Docker skips it).
     */
    mayReincludeBelow(dir: string): boolean {
        if (!this.hasExceptions) return false;
        const dirParts = dir.split("/");
        return this.patterns.some((p) => p.negate && couldMatchBelow(p.segments, dirParts));
    }
}

function couldMatchBelow(segments: string[], dirParts: string[]): boolean {
    for (const [i, segment] of segments.entries()) {
        const dirPart = dirParts[i];
        if (dirPart === undefined) return true; // the pattern goes on below the directory
        if (segment.includes("**")) return true;
        if (!compilePattern(segment).test(dirPart)) return false;
    }
    // The pattern names the directory or one of its parents: everything below it is re-included.
    return true;
}
