/**
 * Quoting for POSIX shells, for commands that a remote builder runs: every value is one word, taken
 * literally (no expansion, no globbing), whatever it holds.
 */

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** `value` as one literal shell word: unchanged when it holds only safe characters, else single-quoted. */
export function shellQuote(value: string): string {
    if (value !== "" && SAFE_WORD.test(value)) return value;
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
