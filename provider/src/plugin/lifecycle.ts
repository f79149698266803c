/**
 * The plugin's life: it serves until the engine is done with it. The engine ends a plugin by
 * closing its stdin or by SIGTERM/SIGINT; either way the process exits at once, with code 0.
 */

export function exitWhenReleased(exit: (code: number) => void = (code) => process.exit(code)): void {
    const stop = () => exit(0);
    process.stdin.on("end", stop);
    process.stdin.on("close", stop);
    process.stdin.on("error", stop);
    process.stdin.resume();
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
}
