/**
 * Splits a command string into words as a POSIX shell would (quotes and backslashes), without
 * expanding anything: `something "with space" $PORT` -> ["something", "with space", "$PORT"].
 * This is how Compose turns `command: npm start` into its list form.
 */

export class ShellWordsError extends Error {}

export function splitShellWords(input: string): string[] {
    const words: string[] = [];
    let cur = "";
    let inWord = false;
    let i = 0;
    while (i < input.length) {
        const c = input[i];
        if (c === " " || c === "\t" || c === "\n" || c === "\r") {
            if (inWord) {
                words.push(cur);
                cur = "";
                inWord = false;
            }
            i++;
            continue;
        }
        inWord = true;
        if (c === "\\") {
            if (i + 1 < input.length) {
                if (input[i + 1] !== "\n") cur += input[i + 1];
                i += 2;
            } else {
                cur += c;
                i++;
            }
            continue;
        }
        if (c === "'") {
            const end = input.indexOf("'", i + 1);
            if (end < 0) throw new ShellWordsError(`unterminated single quote in ${JSON.stringify(input)}`);
            cur += input.slice(i + 1, end);
            i = end + 1;
            continue;
        }
        if (c === '"') {
            i++;
            let closed = false;
            while (i < input.length) {
                const d = input[i];
                if (d === '"') {
                    closed = true;
                    i++;
                    break;
                }
                if (d === "\\" && i + 1 < input.length && '"\\$`\n'.includes(input[i + 1] ?? "")) {
                    if (input[i + 1] !== "\n") cur += input[i + 1];
                    i += 2;
                    continue;
                }
                cur += d;
                i++;
            }
            if (!closed) throw new ShellWordsError(`unterminated double quote in ${JSON.stringify(input)}`);
            continue;
        }
        cur += c;
        i++;
    }
    if (inWord) words.push(cur);
    return words;
}
