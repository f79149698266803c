/**
 * Waiting for a cloud operation that a resource runs during `pulumi up` (a build, a one-off task):
 * ask for its state at an interval until it has ended, or give up after a limit. The clock is
 * injected, so tests wait on no real time.
 *
 * Used by dynamic providers, whose functions are serialized into the stack: this file imports nothing.
 */

/** The clock of a wait: {@link realPollClock}, or a fake in tests. */
export interface PollClock {
    now(): number;
    sleep(ms: number): Promise<void>;
    /** Give up after this long. */
    maxWaitMs: number;
    pollIntervalMs: number;
}

/**
 * What is waited for, as the error of a wait that gives up names it:
 * `<subject>: <operation> still running after <N> minutes[; <note>]`.
 */
export interface WaitedOperation {
    /** What the run is for, e.g. `building <image>`, `one-off job <name>`. */
    subject: string;
    /** The cloud's operation, e.g. `CodeBuild build <id>`. */
    operation: string;
    /** Said last: where its logs are, or what becomes of the operation. */
    note?: string;
}

/** The message of a wait that gave up after `minutes`. */
export function stillRunningMessage({ subject, operation, note }: WaitedOperation, minutes: number): string {
    return `${subject}: ${operation} still running after ${minutes} minutes${note ? `; ${note}` : ""}`;
}

/**
 * Calls `readEnded` until it returns a value (the ended operation), sleeping `clock.pollIntervalMs`
 * between calls; throws {@link stillRunningMessage} once `clock.maxWaitMs` has passed. The
 * operation itself is left as it is.
 */
export async function waitForOperation<T>(readEnded: () => Promise<T | undefined>, clock: PollClock, waited: WaitedOperation): Promise<T> {
    const deadline = clock.now() + clock.maxWaitMs;
    for (;;) {
        const ended = await readEnded();
        if (ended !== undefined) return ended;
        if (clock.now() >= deadline) throw new Error(stillRunningMessage(waited, Math.ceil(clock.maxWaitMs / 60_000)));
        await clock.sleep(clock.pollIntervalMs);
    }
}

/** The real clock: a look every `pollIntervalSeconds`, giving up after `waitLimitMinutes`. */
export function realPollClock(pollIntervalSeconds: number, waitLimitMinutes: number): PollClock {
    return {
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        now: () => Date.now(),
        pollIntervalMs: pollIntervalSeconds * 1000,
        maxWaitMs: waitLimitMinutes * 60_000,
    };
}
