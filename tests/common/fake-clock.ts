/** A clock for the runners' shared loops that records each sleep and advances only by it: no real time passes. */
import { PollClock } from "../../provider/src/clouds/common/operation-wait";

export interface FakeClock extends PollClock {
    /** Every sleep asked for, in milliseconds, in order. */
    sleeps: number[];
}

export function fakeClock(pollIntervalMs = 1000, maxWaitMs = 60_000): FakeClock {
    let now = 0;
    const sleeps: number[] = [];
    return {
        now: () => now,
        async sleep(ms) {
            sleeps.push(ms);
            now += ms;
        },
        pollIntervalMs,
        maxWaitMs,
        sleeps,
    };
}
