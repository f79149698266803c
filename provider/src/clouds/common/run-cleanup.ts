/**
 * What a run creates for its own use (a temporary key, an upload, a temporary App) is removed when
 * the run ends, whether it succeeded or not: each step registers how to undo it, and the undos run
 * last first.
 *
 * Used by dynamic providers, whose functions are serialized into the stack: this file imports nothing.
 */

/** Registers how to undo a step; undos run last first. */
export type DeferUndo = (undo: () => Promise<unknown>) => void;

/**
 * Runs `body`, then every undo it registered, last first, whatever `body` did. An undo that fails
 * is passed over (the others still run): what it leaves is for the runner to name for removal by hand.
 */
export async function withCleanup<T>(body: (defer: DeferUndo) => Promise<T>): Promise<T> {
    const undos: Array<() => Promise<unknown>> = [];
    try {
        return await body((undo) => undos.unshift(undo));
    } finally {
        for (const undo of undos) {
            try {
                await undo();
            } catch {
                // Left for removal by hand; the run's own outcome is what is reported.
            }
        }
    }
}
