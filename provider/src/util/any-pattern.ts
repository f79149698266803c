/**
 * One test for many patterns: where most texts match none of a list of patterns, testing each text
 * against the patterns joined as alternatives (one joined pattern per set of flags) costs one or two
 * tests instead of one per pattern; only a match needs telling which pattern it was.
 */

/** Patterns joined from `patterns` that, together, match where one of `patterns` matches. No pattern may refer back to a group (joining renumbers groups). */
export class AnyPattern {
    private readonly joined: readonly RegExp[];

    /**
     * `atStart`: every pattern matches only at the start of a text (each of its alternatives starts
     * with `^`), so a joined pattern is tried there only (except a multi-line one, whose `^` also
     * matches after a line break).
     */
    constructor(patterns: readonly RegExp[], atStart = false) {
        const byFlags = new Map<string, string[]>();
        for (const p of patterns) byFlags.set(p.flags, [...(byFlags.get(p.flags) ?? []), `(?:${p.source})`]);
        this.joined = [...byFlags].map(([flags, sources]) => new RegExp(atStart && !flags.includes("m") ? `^(?:${sources.join("|")})` : sources.join("|"), flags));
    }

    /** Whether one of the patterns matches `text`. */
    test(text: string): boolean {
        for (const p of this.joined) if (p.test(text)) return true;
        return false;
    }
}
