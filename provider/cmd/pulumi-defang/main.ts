#!/usr/bin/env node
/**
 * The `pulumi-defang` executable. User mistakes are reported by `runCli` with a message and exit
 * code 2; anything else that escapes is a bug: one line, a request to report it, exit code 70.
 * Set PULUMI_DEFANG_DEBUG=1 to see the stack trace of an internal error.
 */
import { ExitCode, runCli } from "../../src/cli";

/** An exception that escaped `runCli`: a bug, reported in one line. */
function reportFailure(e: unknown): number {
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`internal error: ${message.split("\n")[0]}\n`);
    process.stderr.write("please report this to the pulumi-defang maintainers, with the command and the compose files used\n");
    if (process.env.PULUMI_DEFANG_DEBUG && e instanceof Error && e.stack) process.stderr.write(e.stack + "\n");
    return ExitCode.internal;
}

function main(): void {
    // A closed pipe (e.g. `pulumi-defang config | head`) is not an error.
    for (const stream of [process.stdout, process.stderr]) {
        stream.on("error", (err: NodeJS.ErrnoException) => {
            if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
            throw err;
        });
    }
    const io = {
        stdout: process.stdout,
        stderr: process.stderr,
        env: process.env,
        isTTY: { stdout: Boolean(process.stdout.isTTY), stderr: Boolean(process.stderr.isTTY) },
        cwd: process.cwd(),
    };
    let pending: Promise<number>;
    try {
        pending = runCli(process.argv.slice(2), io);
    } catch (e) {
        pending = Promise.reject(e);
    }
    pending.then(
        (code) => {
            process.exitCode = code;
        },
        (e: unknown) => {
            process.exitCode = reportFailure(e);
        },
    );
}

main();
