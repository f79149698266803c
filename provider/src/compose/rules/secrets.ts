/**
 * Secrets: values that look like secrets written in plain text.
 */
import { configSetCommand, isValidConfigKey, suggestConfigKey } from "../config-key";
import { Rule } from "./report";
import { AnyPattern } from "../../util/any-pattern";

/** Words of a variable name that say its value is secret. */
const SECRET_WORDS = new Set(["PASSWORD", "PASSWD", "PASS", "PWD", "PASSPHRASE", "SECRET", "TOKEN", "APIKEY", "CREDENTIAL", "CREDENTIALS", "KEY"]);
/** Words that say a name with a secret word is about something else (`TOKEN_TTL`, `SECRET_FILE`, `PUBLIC_KEY`). */
const NOT_SECRET_WORDS = new Set([
    "FILE",
    "PATH",
    "DIR",
    "NAME",
    "ID",
    "TYPE",
    "LENGTH",
    "TTL",
    "EXPIRY",
    "EXPIRES",
    "EXPIRATION",
    "TIMEOUT",
    "HEADER",
    "ENABLED",
    "PREFIX",
    "ALGORITHM",
    "PUBLIC",
    "PUBLISHABLE",
    "CACHE",
    "SORT",
    "PRIMARY",
    "POLICY",
    "MIN",
    "MAX",
]);
const NOT_SECRET_VALUES = new Set(["true", "false", "yes", "no", "on", "off", "none", "null"]);
/** The longest of `NOT_SECRET_VALUES`: a longer value is none of them. */
const NOT_SECRET_VALUE_LENGTH = Math.max(...[...NOT_SECRET_VALUES].map((v) => v.length));
/** Whether an upper-case name holds a secret word anywhere (it has one as a word only if so). */
const HAS_SECRET_WORD = new RegExp([...SECRET_WORDS].join("|"));

/** Values that are secrets whatever their name, with what they look like. */
const SECRET_VALUES: Array<[RegExp, string]> = [
    [/^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:(?!\$\{)[^/\s@]+@/i, "a URL with a password"],
    [/\b(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})/, "a GitHub token"],
    [/\b(AKIA|AROA|ASIA|AIDA)[A-Z0-9]{16}\b/, "an AWS access key id"],
    [/\bxox[abposr]-[A-Za-z0-9-]{10,}/, "a Slack token"],
    [/\b[sr]k_live_[A-Za-z0-9]{16,}/, "a Stripe key"],
    [/\bsk-[A-Za-z0-9_-]{20,}/, "an API key"],
    [/\bAIza[0-9A-Za-z_-]{35}\b/, "a Google API key"],
    [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, "a private key"],
];

/** Matches where one of `SECRET_VALUES` does: most values match none, and are tested once or twice instead of once per pattern. */
const ANY_SECRET_VALUE = new AnyPattern(SECRET_VALUES.map(([p]) => p));

/** Splits `dbPassword` / `DB_PASSWORD` into upper-case words. */
function words(name: string): string[] {
    return name
        .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
        .toUpperCase()
        .split(/[^A-Z0-9]+/)
        .filter(Boolean);
}

/** Shannon entropy in bits per character. */
function entropy(s: string): number {
    const counts = new Map<string, number>();
    for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
    let h = 0;
    for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
    return h;
}

/** A long token mixing cases and digits at random, like a generated key (not like `MyAppVersion2024`). */
function looksRandom(s: string): boolean {
    if (s.length < 16 || !/^[A-Za-z0-9+/=_-]+$/.test(s) || !/[a-z]/.test(s) || !/[A-Z]/.test(s) || !/[0-9]/.test(s)) return false;
    const cls = (c: string) => (/[a-z]/.test(c) ? 0 : /[A-Z]/.test(c) ? 1 : /[0-9]/.test(c) ? 2 : 3);
    let switches = 0;
    for (let i = 1; i < s.length; i++) if (cls(s.charAt(i)) !== cls(s.charAt(i - 1))) switches++;
    return switches / (s.length - 1) >= 0.45 && entropy(s) >= 3.5;
}

/** A path (`/data`, `./x`, `../x`, `~/x`): a value that names a file is not a secret. */
function isPath(value: string): boolean {
    const c = value.charAt(0);
    if (c === "/") return true;
    if (c === "~") return value.charAt(1) === "/";
    if (c !== ".") return false;
    const d = value.charAt(1);
    return d === "/" || (d === "." && value.charAt(2) === "/");
}

/**
 * Why `value` of variable `name` looks like a secret written in plain text, or undefined.
 * Values that refer to configuration (`${VAR}`) are not plain text.
 */
export function secretReason(name: string, value: string | null | undefined): string | undefined {
    if (!value || value.includes("${") || (value.length <= NOT_SECRET_VALUE_LENGTH && NOT_SECRET_VALUES.has(value.toLowerCase())) || isPath(value)) return undefined;
    if (ANY_SECRET_VALUE.test(value)) for (const [pattern, what] of SECRET_VALUES) if (pattern.test(value)) return `its value looks like ${what}`;
    if (name !== "PWD" && HAS_SECRET_WORD.test(name.toUpperCase())) {
        const w = words(name);
        const secretWord = w.find((x) => SECRET_WORDS.has(x));
        if (secretWord && !w.some((x) => NOT_SECRET_WORDS.has(x))) return `its name contains ${secretWord}`;
    }
    if (looksRandom(value)) return "its value looks like a generated key";
    return undefined;
}

/**
 * Plain-text secrets in `environment` and `build.args`. (File `secrets:` are the translation table's:
 * mounted as files where the cloud can, refused by name where it cannot.)
 */
export const checkSecrets: Rule = (project, report, _ctx, services) => {
    for (const [name, svc] of services) {
        const environment = svc.environment;
        for (const key in environment) {
            const why = secretReason(key, environment[key]);
            if (!why) continue;
            report.service(name, ["environment", key], {
                severity: "warning",
                code: "plaintext-secret",
                message: `${key} looks like a secret (${why}) and its value is written in plain text`,
                hint: isValidConfigKey(key)
                    ? `remove the value (keep \`${key}:\` with no value) and set it with \`${configSetCommand(key)}\``
                    : `rename it to a name Pulumi config can hold, such as ${suggestConfigKey(key)}, keep it without a value and set it with \`${configSetCommand(suggestConfigKey(key))}\``,
            });
        }
        const args = svc.build?.args;
        for (const key in args) {
            const why = secretReason(key, args[key]);
            if (!why) continue;
            report.service(name, ["build", "args", key], {
                severity: "warning",
                code: "plaintext-secret",
                message: `build argument ${key} looks like a secret (${why}); build arguments are written in plain text and kept in the image history`,
                hint: "pass it as a build secret (build.secrets) instead, or read it at run time from `environment`",
            });
        }
    }
};
