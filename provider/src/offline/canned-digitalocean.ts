/**
 * Plausible DigitalOcean outputs for resources registered offline (under the SDK's mock monitor).
 */

/** What DigitalOcean computes for a resource on create, given its inputs. */
export function cannedDigitalOceanState(type: string, name: string, raw: Record<string, unknown>): Record<string, unknown> {
    return { ...raw, name: raw.name ?? name };
}

/** What the DigitalOcean provider's functions return. */
export function cannedDigitalOceanCall(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
    return inputs;
}
