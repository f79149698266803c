/**
 * The private DNS domain of a project: pure, no resources. Services reach each other as
 * `<service>.<project>.internal`, or by the short name thanks to the VPC search domain.
 */

/** The top-level domain of private names: `.internal` is reserved for private use (ICANN, 2024) and never resolves publicly. */
export const PRIVATE_TLD = "internal";

/** The longest DNS label (RFC 1035). */
const MAX_LABEL_LENGTH = 63;

/**
 * The project name as a DNS label: compose project names may contain `_`, which host names may
 * not (RFC 1123), so it becomes `-`; a name that is already a valid label is kept as it is.
 */
export function projectDnsLabel(projectName: string): string {
    const label = projectName
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, "-")
        .slice(0, MAX_LABEL_LENGTH)
        .replace(/^-+|-+$/g, "");
    if (!label) throw new Error(`project name "${projectName}" has no letter or digit to make a DNS name of`);
    return label;
}

/** `<project>.internal`. */
export function privateDomainOf(projectName: string): string {
    return `${projectDnsLabel(projectName)}.${PRIVATE_TLD}`;
}
