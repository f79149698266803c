/**
 * Service names become host names in the cloud: they must be valid DNS labels.
 */
import { Rule } from "./report";

const DNS_LABEL = /^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** A DNS label close to `name`: lowercase, other characters turned into '-', starting with a letter. */
export function suggestDnsLabel(name: string): string {
    const label = name
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, "-")
        .replace(/^[^a-z]+/, "")
        .slice(0, 63)
        .replace(/-+$/, "");
    return label || "service";
}

/** Service names that are not DNS labels (lowercase letters, digits, '-'; at most 63; starting with a letter). */
export const checkNames: Rule = (project, report, _ctx, services) => {
    for (const [name] of services) {
        if (DNS_LABEL.test(name)) continue;
        const why =
            name.length > 63
                ? "it is longer than 63 characters"
                : /[A-Z]/.test(name)
                  ? "it has uppercase letters"
                  : /[^A-Za-z0-9-]/.test(name)
                    ? "it has characters other than letters, digits and '-'"
                    : "it must start with a letter and end with a letter or digit";
        report.service(name, [], {
            severity: "warning",
            code: "service-name-not-dns-label",
            message: `service name "${name}" is not a valid host name (${why}); the cloud uses it as the service's DNS name`,
            hint: `rename the service, e.g. to "${suggestDnsLabel(name)}" (and update the references to it)`,
        });
    }
};
