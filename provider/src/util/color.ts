/**
 * When to colour output, and the few colours the command line and the text reports use.
 */

/**
 * Whether to colour a stream: only when it is a terminal, `NO_COLOR` is not set (any value, see
 * https://no-color.org), `TERM` is not `dumb`, and `--no-color` was not given.
 */
export function shouldColor(isTTY: boolean, env: Record<string, string | undefined>, noColorFlag: boolean): boolean {
    if (noColorFlag || !isTTY) return false;
    if (env.NO_COLOR !== undefined) return false;
    if (env.TERM === "dumb") return false;
    return true;
}

/** Paints text with ANSI styles, or leaves it alone when colour is off. */
export interface Painter {
    readonly enabled: boolean;
    bold(s: string): string;
    red(s: string): string;
    yellow(s: string): string;
    green(s: string): string;
    dim(s: string): string;
}

/** A {@link Painter} that colours when `enabled` is true. */
export function painter(enabled: boolean): Painter {
    const wrap = (code: string) => (s: string) => (enabled ? `\u001b[${code}m${s}\u001b[0m` : s);
    return {
        enabled,
        bold: wrap("1"),
        red: wrap("31;1"),
        yellow: wrap("33;1"),
        green: wrap("32;1"),
        dim: wrap("2"),
    };
}
