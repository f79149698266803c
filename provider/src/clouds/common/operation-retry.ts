/**
 * Starting a cloud operation again when it failed for a reason that is not the user's: a new role's
 * policy or a new key takes a few seconds to be accepted. The delay is injected, so tests wait on
 * no real time.
 *
 * Used by dynamic providers, whose functions are serialized into the stack: this file imports nothing.
 */

/** How often, and after how long, an attempt is made again. */
export interface RetryPolicy {
    /** Attempts made after the first one. */
    retries: number;
    retryDelayMs: number;
    sleep(ms: number): Promise<void>;
}

/** How one attempt ended: with its value, or with the error it reports and whether another attempt may help. */
export type AttemptOutcome<T> = { ok: true; value: T } | { ok: false; error: string; retryable: boolean };

/**
 * Calls `attempt(0)`, `attempt(1)`, ... until one succeeds; after a failure, waits
 * `policy.retryDelayMs` and tries again while it is retryable and retries are left, else throws
 * its error.
 */
export async function attemptWithRetries<T>(attempt: (index: number) => Promise<AttemptOutcome<T>>, policy: RetryPolicy): Promise<T> {
    for (let index = 0; ; index++) {
        const outcome = await attempt(index);
        if (outcome.ok) return outcome.value;
        if (!outcome.retryable || index >= policy.retries) throw new Error(outcome.error);
        await policy.sleep(policy.retryDelayMs);
    }
}

/** The real policy: `retries` attempts more, `retryDelaySeconds` apart. */
export function realRetryPolicy(retries: number, retryDelaySeconds: number): RetryPolicy {
    return { retries, retryDelayMs: retryDelaySeconds * 1000, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
}
