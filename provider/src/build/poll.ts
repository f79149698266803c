/**
 * Waiting for a remote build: ask for its state at an interval until it has ended, or give up
 * after a limit. Shared by the clouds' build runs, whose clocks are injected so tests need no time.
 */

export interface PollClock {
    now(): number;
    sleep(ms: number): Promise<void>;
    /** Give up after this long. */
    maxWaitMs: number;
    pollIntervalMs: number;
}

/**
 * Calls `poll` until it returns a value (the ended build), sleeping between calls; throws
 * `stillRunning(minutes)` as an error once `clock.maxWaitMs` has passed.
 */
export async function pollUntilDone<T>(poll: () => Promise<T | undefined>, clock: PollClock, stillRunning: (minutes: number) => string): Promise<T> {
    const deadline = clock.now() + clock.maxWaitMs;
    for (;;) {
        const done = await poll();
        if (done !== undefined) return done;
        if (clock.now() >= deadline) throw new Error(stillRunning(Math.ceil(clock.maxWaitMs / 60_000)));
        await clock.sleep(clock.pollIntervalMs);
    }
}
