/**
 * What a CLI command talks to: output streams, the environment and the current directory. Passing
 * them in (instead of using `process` directly) lets tests run commands in-process.
 */

/** Anything text can be written to, e.g. `process.stdout`. */
export interface TextSink {
    write(text: string): unknown;
}

export interface CliIO {
    stdout: TextSink;
    stderr: TextSink;
    /** The environment: `COMPOSE_FILE`, `NO_COLOR`, interpolation variables... */
    env: Record<string, string | undefined>;
    /** Whether stdout and stderr are terminals (a boolean applies to both). */
    isTTY?: boolean | { stdout?: boolean; stderr?: boolean };
    /** The directory relative paths are read from. @default process.cwd() */
    cwd?: string;
}

/** The exit codes of `pulumi-defang`. */
export const ExitCode = {
    /** Success. */
    ok: 0,
    /** Warnings were found and `--strict` was given. */
    warnings: 1,
    /** The input is invalid, or the command line is. */
    invalid: 2,
    /** `plan`: a cloud cannot run a feature the project uses. */
    unsupported: 3,
    /** `plan`: the backend of the cloud asked for could not be loaded (its SDK is missing from the installation). */
    unavailable: 4,
    /** A bug in pulumi-defang. */
    internal: 70,
} as const;

/** Whether the given stream of `io` is a terminal. */
export function isTerminal(io: CliIO, stream: "stdout" | "stderr"): boolean {
    if (typeof io.isTTY === "boolean") return io.isTTY;
    return Boolean(io.isTTY?.[stream]);
}

/** Writes `text` plus a newline. */
export function println(sink: TextSink, text = ""): void {
    sink.write(text + "\n");
}
