/**
 * The plugin's life: it serves until the engine is done with it. The engine ends a plugin by
 * closing the pipe on its stdin, or by SIGTERM/SIGINT; either way the process exits at once, with
 * code 0. A stdin that is not a pipe (a terminal, /dev/null) is not watched.
 */
import * as fs from "fs";

export function exitWhenReleased(exit: (code: number) => void = (code) => process.exit(code)): void {
    const stop = () => exit(0);
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
    if (!stdinIsPipe()) return;
    process.stdin.on("end", stop);
    process.stdin.on("close", stop);
    process.stdin.on("error", stop);
    process.stdin.resume();
}

function stdinIsPipe(): boolean {
    try {
        const stat = fs.fstatSync(0);
        return stat.isFIFO() || stat.isSocket();
    } catch {
        return false;
    }
}
