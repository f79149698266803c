/**
 * Routing of an App's public services (pure). An App has one public address
 * (`<app>.ondigitalocean.app`) and ingress rules choose the component by path prefix or domain:
 * - the main service (the one whose ingress port is published on 80 or 443, else the first) is at `/`;
 * - every other public service is at `/<component>` (the prefix is removed before the request reaches it);
 * - a service with a `domainname` also answers on that domain, at `/`.
 */

export interface PublicService {
    component: string;
    published?: number;
    domain?: string;
}

export interface IngressRule {
    component: string;
    prefix: string;
    authority?: string;
}

export interface IngressPlan {
    rules: IngressRule[];
    /** Each public component's path prefix on the App's address. */
    prefixes: Map<string, string>;
}

export function planIngress(services: PublicService[]): IngressPlan {
    const prefixes = new Map<string, string>();
    if (services.length === 0) return { rules: [], prefixes };
    const main = services.find((s) => s.published === 80 || s.published === 443) ?? services[0];
    const prefixOf = (s: PublicService) => (s === main ? "/" : `/${s.component}`);
    for (const s of services) prefixes.set(s.component, prefixOf(s));
    const byDomain = services.filter((s) => s.domain).map((s) => ({ component: s.component, prefix: "/", authority: s.domain }));
    const byPath = services.map((s) => ({ component: s.component, prefix: prefixOf(s) })).sort((a, b) => b.prefix.length - a.prefix.length || (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0));
    return { rules: [...byDomain, ...byPath], prefixes };
}

/** A public service's URL: its domain, else the App's address and its prefix. */
export function publicUrl(defaultIngress: string, prefix: string, domain?: string): string {
    if (domain) return `https://${domain}`;
    const base = defaultIngress.replace(/\/+$/, "");
    return prefix === "/" ? base : `${base}${prefix}`;
}
