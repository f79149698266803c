/**
 * Plausible Google Cloud outputs for resources registered offline (under the SDK's mock monitor).
 */

/** What Google Cloud computes for a resource on create, given its inputs. */
export function cannedGcpState(type: string, name: string, raw: Record<string, unknown>): Record<string, unknown> {
    return { ...raw, name: raw.name ?? name };
}

/** What the Google Cloud provider's functions return. */
export function cannedGcpCall(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
    return inputs;
}
