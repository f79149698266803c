/**
 * The DigitalOcean region of a project: stack config `defang:region`, else `digitalocean:region`,
 * else `nyc3`. Databases take a datacenter slug (`nyc3`), App Platform a region slug (`nyc`); either
 * may be given, and the other is derived.
 */
import { InvalidArgumentError } from "../../model/errors";

/** The region when none is configured: New York 3, which offers App Platform, databases and GenAI. */
export const DEFAULT_REGION = "nyc3";

/** App Platform regions and the datacenter that databases of the same project use. */
export const APP_REGION_DATACENTERS: Readonly<Record<string, string>> = {
    nyc: "nyc3",
    sfo: "sfo3",
    ams: "ams3",
    sgp: "sgp1",
    lon: "lon1",
    fra: "fra1",
    tor: "tor1",
    blr: "blr1",
    syd: "syd1",
    atl: "atl1",
};

export interface DigitalOceanRegion {
    /** The datacenter slug for databases and caches, e.g. `nyc3`. */
    datacenter: string;
    /** The App Platform region slug, e.g. `nyc`. */
    app: string;
}

/** The region named by `value` (a datacenter slug like `ams3` or an App Platform region like `ams`). */
export function digitalOceanRegion(value: string | undefined): DigitalOceanRegion {
    const slug = (value ?? DEFAULT_REGION).trim().toLowerCase();
    const app = slug.replace(/\d+$/, "");
    const datacenter = APP_REGION_DATACENTERS[app];
    if (!datacenter) {
        throw new InvalidArgumentError("defang", "region", `is "${value}", where App Platform does not run`, `use one of ${Object.values(APP_REGION_DATACENTERS).join(", ")} (stack config defang:region)`);
    }
    return { datacenter: slug === app ? datacenter : slug, app };
}
