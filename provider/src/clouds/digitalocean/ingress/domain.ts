/**
 * `domainname` as an App domain. App Platform issues and renews the certificate. When the domain's
 * zone is a DigitalOcean domain of the same account, the App's spec names it (`zone`) and App
 * Platform creates the DNS record itself; otherwise the domain's owner points a CNAME at the App's
 * address (`defaultIngress`), as App Platform shows for the domain.
 */
import * as digitalocean from "@pulumi/digitalocean";
import * as pulumi from "@pulumi/pulumi";

/** The zones that could hold `domain`, longest first: `a.b.example.com` -> `a.b.example.com`, `b.example.com`, `example.com`. */
export function zoneCandidates(domain: string): string[] {
    const labels = domain.toLowerCase().replace(/\.$/, "").split(".");
    const out: string[] = [];
    for (let i = 0; i <= labels.length - 2; i++) out.push(labels.slice(i).join("."));
    return out;
}

/** The longest candidate among the account's domains, if any. */
export function chooseZone(domain: string, accountDomains: string[]): string | undefined {
    const have = new Set(accountDomains.map((d) => d.toLowerCase()));
    return zoneCandidates(domain).find((z) => have.has(z));
}

export interface AppDomain {
    name: string;
    type: "PRIMARY" | "ALIAS";
    zone: pulumi.Output<string | undefined>;
}

/** The App's domains (the first is its primary domain), each with its zone when the account has it. */
export function appDomains(domains: string[], parent: pulumi.Resource): AppDomain[] {
    return domains.map((name, i) => {
        const found = digitalocean.getDomainsOutput({ filters: [{ key: "name", values: zoneCandidates(name) }] }, { parent });
        return {
            name,
            type: i === 0 ? "PRIMARY" : "ALIAS",
            zone: found.domains.apply((ds) =>
                chooseZone(
                    name,
                    (ds ?? []).map((d) => d.name),
                ),
            ),
        };
    });
}
