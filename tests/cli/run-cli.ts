/**
 * Runs the built `pulumi-defang` as a child process, the way users run it, with a clean environment.
 */
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "../../..");
export const MAIN = path.resolve(__dirname, "../../provider/cmd/pulumi-defang/main.js");
export const SHOWCASE = path.join(ROOT, "examples/helpdesk/compose.yaml");
export const CLI_FIXTURES = path.join(ROOT, "tests/cli/fixtures");
/** A line of a V8 stack trace. */
export const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;
export const ESC = "\u001b[";

export interface Run {
    code: number | null;
    stdout: string;
    stderr: string;
}

export function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
    const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...options.env };
    const r = spawnSync(process.execPath, [MAIN, ...args], { cwd: options.cwd ?? ROOT, env, encoding: "utf8", timeout: 600_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A run that ended as a user error (or another expected exit code): no stack trace, no "internal error". */
export function assertClean(r: Run, code: number): void {
    assert.strictEqual(r.code, code, `exit code ${code} expected, got ${r.code}\nstdout: ${r.stdout.slice(0, 2000)}\nstderr: ${r.stderr.slice(0, 2000)}`);
    assert.doesNotMatch(r.stderr, STACK_LINE, "no stack trace on stderr");
    assert.doesNotMatch(r.stdout, STACK_LINE, "no stack trace on stdout");
    assert.doesNotMatch(r.stderr, /^internal error:/m);
}
