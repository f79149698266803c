/**
 * Names App Platform and DigitalOcean ask for: App names and component names are DNS labels of 2 to
 * 32 characters (`^[a-z][a-z0-9-]{0,30}[a-z0-9]$`). A component's name is also the host name other
 * components of the App reach it by, so a compose service keeps its name when it is a valid label.
 */
import { createHash } from "crypto";

/** The longest App or component name App Platform accepts. */
export const MAX_NAME_LENGTH = 32;
/** Hex digits of the hash that keeps a shortened name unique. */
const HASH_LENGTH = 6;

/**
 * `text` as a DNS label of at most `max` characters: lower case, runs of other characters become
 * one `-`, a leading digit or dash gets a letter before it. A name that had to be shortened ends
 * with a hash of the whole text, so two long names stay different.
 */
export function dnsLabel(text: string, max = MAX_NAME_LENGTH): string {
    let label = text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "");
    if (!/^[a-z]/.test(label)) label = `x-${label}`.replace(/-+$/, "");
    if (label.length < 2) label = `${label}x`.slice(0, 2);
    if (label.length <= max) return label;
    const hash = createHash("sha256").update(text).digest("hex").slice(0, HASH_LENGTH);
    return `${label.slice(0, max - HASH_LENGTH - 1).replace(/-+$/, "")}-${hash}`;
}

/** The App's name: unique per Pulumi project, owner (project or lone component) and stack. */
export function appName(pulumiProject: string, owner: string, stack: string): string {
    return dnsLabel(`${pulumiProject}-${owner}-${stack}`);
}

/** The App component (and internal host) name of a compose service. */
export function componentName(service: string): string {
    return dnsLabel(service);
}
