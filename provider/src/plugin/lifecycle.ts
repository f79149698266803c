/**
 * The plugin's life: it serves until the engine is done with it. The engine ends a plugin by
 * closing the pipe on its stdin, or by SIGTERM/SIGINT; either way the process exits at once, with
 * code 0. A stdin that is not a pipe (a terminal, a file such as /dev/null) is not watched.
 */
import * as net from "net";

export function exitWhenReleased(exit: (code: number) => void = (code) => process.exit(code)): void {
    const stop = () => exit(0);
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
    const stdin = process.stdin;
    if (!(stdin instanceof net.Socket) || stdin.isTTY) return;
    stdin.on("end", stop);
    stdin.on("close", stop);
    stdin.on("error", stop);
    stdin.resume();
}
