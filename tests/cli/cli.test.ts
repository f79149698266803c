/**
 * The `pulumi-defang` command line, run as a child process the way users run it (plus a few
 * in-process runs where a terminal is needed to see colours).
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as YAML from "yaml";
import { CliIO, runCli } from "../../provider/src/cli";
import { CORPUS_DIR } from "../support/corpus";
import { ESC, MAIN, ROOT, Run, STACK_LINE, assertClean, cli } from "./run-cli";

const FIXTURES = path.join(ROOT, "tests/fixtures/cli");

/** Checks a failed run is reported as a user error: exit 2, no stack trace, no "internal error". */
function assertUserError(r: Run): void {
    assertClean(r, 2);
}

const fixture = (name: string) => path.join(FIXTURES, name);

describe("pulumi-defang CLI", function () {
    before(function () {
        if (!fs.existsSync(MAIN)) throw new Error(`build first: ${MAIN} is missing`);
    });

    describe("usage", () => {
        it("--help and -h print the usage and the commands", () => {
            for (const flag of ["--help", "-h"]) {
                const r = cli([flag]);
                assert.strictEqual(r.code, 0, r.stderr);
                assert.match(r.stdout, /Usage: pulumi-defang/);
                assert.match(r.stdout, /config/);
                assert.match(r.stdout, /validate/);
                assert.match(r.stdout, /Exit codes/);
            }
        });

        it("--version prints the package version", () => {
            const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
            const r = cli(["--version"]);
            assert.strictEqual(r.code, 0, r.stderr);
            assert.strictEqual(r.stdout.trim(), pkg.version);
        });

        for (const command of ["config", "validate"]) {
            it(`${command} --help, ${command} -h and help ${command} print the command's usage`, () => {
                for (const args of [
                    [command, "--help"],
                    [command, "-h"],
                    ["help", command],
                    ["--help", command],
                ]) {
                    const r = cli(args);
                    assert.strictEqual(r.code, 0, `${args.join(" ")}: ${r.stderr}`);
                    assert.match(r.stdout, new RegExp(`Usage: pulumi-defang ${command}`));
                    assert.match(r.stdout, /--file/);
                    assert.match(r.stdout, /Exit codes/);
                }
            });
        }

        it("no command exits 2 with the usage", () => {
            const r = cli([]);
            assertUserError(r);
            assert.match(r.stderr, /Usage: pulumi-defang/);
        });

        it("an unknown command exits 2, suggests the closest and lists the commands", () => {
            const r = cli(["valdate"]);
            assertUserError(r);
            assert.match(r.stderr, /unknown command "valdate"/);
            assert.match(r.stderr, /did you mean "validate"/);
            assert.match(r.stderr, /config, validate/);
            const help = cli(["help", "nope"]);
            assertUserError(help);
            assert.match(help.stderr, /unknown command "nope"/);
        });

        it("an unknown option exits 2, names it and suggests the closest", () => {
            const r = cli(["validate", "--fiel", "compose.yaml"]);
            assertUserError(r);
            assert.match(r.stderr, /unknown option --fiel/);
            assert.match(r.stderr, /did you mean --file\?/);
            const strict = cli(["config", "--strict"]);
            assertUserError(strict);
            assert.match(strict.stderr, /--strict/);
        });

        it("a missing or invalid option value exits 2", () => {
            assertUserError(cli(["validate", "-f"]));
            const r = cli(["config", "--format", "xml", "-f", fixture("valid/compose.yaml")]);
            assertUserError(r);
            assert.match(r.stderr, /yaml, json/);
        });
    });

    describe("validate", () => {
        it("a valid project exits 0 and says so", () => {
            const r = cli(["validate"], { cwd: fixture("valid") });
            assert.strictEqual(r.code, 0, r.stdout + r.stderr);
            assert.match(r.stdout, /compose\.yaml is valid/);
        });

        it("an invalid project exits 2 and prints file:line:column", () => {
            const r = cli(["validate", "-f", "compose.yaml"], { cwd: fixture("error") });
            assertUserError(r);
            assert.match(r.stdout, /^compose\.yaml:7:\d+: error: /m);
            assert.match(r.stdout, /service "web"/);
            assert.match(r.stdout, /\d+ errors?, \d+ warnings?\s*$/);
        });

        it("a syntax error exits 2 with its position", () => {
            const r = cli(["validate", fixture("syntax/compose.yaml")], { cwd: FIXTURES });
            assertUserError(r);
            assert.match(r.stdout, /^syntax\/compose\.yaml:\d+:\d+: error: /m);
        });

        it("warnings exit 0, or 1 with --strict", () => {
            const plain = cli(["validate", "-f", "warnings/compose.yaml"], { cwd: FIXTURES });
            assert.strictEqual(plain.code, 0, plain.stdout + plain.stderr);
            assert.match(plain.stdout, /^warnings\/compose\.yaml:\d+:\d+: warning: /m);
            assert.match(plain.stdout, /is valid.*\d+ warnings?\)/);
            const strict = cli(["validate", "--strict", "-f", "warnings/compose.yaml"], { cwd: FIXTURES });
            assert.strictEqual(strict.code, 1, strict.stdout + strict.stderr);
            assert.doesNotMatch(strict.stderr, STACK_LINE);
        });

        it("a missing file or a directory exits 2 without a stack trace", () => {
            const missing = cli(["validate", "-f", "nope.yaml"], { cwd: FIXTURES });
            assertUserError(missing);
            assert.match(missing.stdout + missing.stderr, /nope\.yaml/);
            assertUserError(cli(["validate", "-f", "valid"], { cwd: FIXTURES }));
        });

        it("NO_COLOR=1 and --no-color give plain text", () => {
            for (const r of [cli(["validate", "-f", "error/compose.yaml"], { cwd: FIXTURES, env: { NO_COLOR: "1" } }), cli(["validate", "--no-color", "-f", "warnings/compose.yaml"], { cwd: FIXTURES })]) {
                assert.ok(!r.stdout.includes(ESC) && !r.stderr.includes(ESC), "no escape codes");
            }
        });
    });

    describe("shell variables", () => {
        it("are not used for interpolation, as in a deployment, and a warning says so", () => {
            const r = cli(["config", "-f", path.join(fixture("shell-var"), "compose.yaml"), "--format", "json"], { env: { SHELL_ONLY_VAR: "from-shell" } });
            assert.strictEqual(r.code, 0, r.stderr);
            assert.strictEqual(JSON.parse(r.stdout).services.app.environment.GREETING, "hello ${SHELL_ONLY_VAR}");
            assert.match(r.stderr, /compose\.yaml:5:\d+: warning: service "app": .*SHELL_ONLY_VAR is set in your shell/);
        });
        it("come from the project's .env file given with --env-file", () => {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pd-env-"));
            fs.writeFileSync(path.join(dir, "vars.env"), "SHELL_ONLY_VAR=from-file\n");
            const r = cli(["config", "-f", path.join(fixture("shell-var"), "compose.yaml"), "--env-file", path.join(dir, "vars.env"), "--format", "json"]);
            assert.strictEqual(r.code, 0, r.stderr);
            assert.strictEqual(JSON.parse(r.stdout).services.app.environment.GREETING, "hello from-file");
        });
    });

    describe("config", () => {
        it("prints YAML with the services", () => {
            const r = cli(["config"], { cwd: fixture("valid") });
            assert.strictEqual(r.code, 0, r.stderr);
            const project = YAML.parse(r.stdout) as { name: string; services: Record<string, unknown> };
            assert.strictEqual(project.name, "cli-valid");
            assert.ok(project.services.web, "services.web is printed");
        });

        it("--format json prints JSON with the services", () => {
            const r = cli(["config", "--format", "json", "-f", fixture("valid/compose.yaml")]);
            assert.strictEqual(r.code, 0, r.stderr);
            const project = JSON.parse(r.stdout) as { services: Record<string, unknown> };
            assert.ok(project.services && project.services.web);
            assert.match(r.stdout, /^ {2}"services": \{$/m, "2-space indent");
        });

        it("takes files from COMPOSE_FILE, options before the command, and --project-directory", () => {
            const fromEnv = cli(["config", "--format=json"], { cwd: FIXTURES, env: { COMPOSE_FILE: "valid/compose.yaml" } });
            assert.strictEqual(fromEnv.code, 0, fromEnv.stderr);
            assert.ok((JSON.parse(fromEnv.stdout) as { services: object }).services);
            const before = cli(["-f", "valid/compose.yaml", "config", "--format", "json"], { cwd: FIXTURES });
            assert.strictEqual(before.code, 0, before.stderr);
            const dir = cli(["config", "--project-directory", "valid"], { cwd: FIXTURES });
            assert.strictEqual(dir.code, 0, dir.stderr);
        });

        it("--project-name wins over name:", () => {
            const r = cli(["config", "--project-name", "other", "--format", "json"], { cwd: fixture("valid") });
            assert.strictEqual(r.code, 0, r.stderr);
            assert.strictEqual((JSON.parse(r.stdout) as { name: string }).name, "other");
        });

        it("an invalid project exits 2, prints file:line:column on stderr and nothing on stdout", () => {
            const r = cli(["config", "-f", "error/compose.yaml"], { cwd: FIXTURES });
            assertUserError(r);
            assert.strictEqual(r.stdout, "");
            assert.match(r.stderr, /^error\/compose\.yaml:7:\d+: error: /m);
        });

        it("warnings go to stderr and the project to stdout", () => {
            const r = cli(["config", "--format", "json", "-f", "warnings/compose.yaml"], { cwd: FIXTURES });
            assert.strictEqual(r.code, 0, r.stderr);
            assert.ok(JSON.parse(r.stdout));
            assert.match(r.stderr, /warning: /);
        });
    });

    describe("colour (in-process, as on a terminal)", () => {
        async function run(argv: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
            let out = "";
            const sink = { write: (s: string) => (out += s) };
            const io: CliIO = { stdout: sink, stderr: sink, env, isTTY: true, cwd: FIXTURES };
            const code = await runCli(argv, io);
            return { code, out };
        }

        it("colours on a terminal, not with NO_COLOR or --no-color", async () => {
            const args = ["validate", "-f", "error/compose.yaml"];
            const coloured = await run(args, {});
            assert.strictEqual(coloured.code, 2);
            assert.ok(coloured.out.includes(ESC), "escape codes on a terminal");
            const noColor = await run(args, { NO_COLOR: "1" });
            assert.ok(!noColor.out.includes(ESC), "NO_COLOR=1 disables colour");
            const flag = await run([...args, "--no-color"], {});
            assert.ok(!flag.out.includes(ESC), "--no-color disables colour");
        });
    });

    describe("corpus sample", () => {
        const samples = corpusSample();
        before(function () {
            if (samples.length === 0) this.skip();
        });
        for (const file of samples) {
            const rel = path.relative(CORPUS_DIR, file);
            it(`${rel}: config loads it, validate reports without crashing`, () => {
                const config = cli(["config", "--format", "json", "-f", file], { cwd: path.dirname(file) });
                assert.doesNotMatch(config.stderr, STACK_LINE);
                // Defang samples must load; awesome-compose may be rejected for what a cloud cannot do, by name.
                if (rel.startsWith("defang-samples") || config.code === 0) {
                    assert.strictEqual(config.code, 0, config.stderr);
                    assert.ok((JSON.parse(config.stdout) as { services: object }).services);
                } else {
                    assertUserError(config);
                    assert.match(config.stderr, /: error: /);
                }
                const validate = cli(["validate", "-f", file], { cwd: path.dirname(file) });
                // 3: a cloud refuses a feature (each refusal is a diagnostic line too).
                assert.ok(validate.code === 0 || validate.code === 2 || validate.code === 3, `exit ${validate.code}: ${validate.stderr}`);
                assert.doesNotMatch(validate.stderr, STACK_LINE);
                for (const line of validate.stdout.trim().split("\n").slice(0, -1)) {
                    assert.match(line, /^[^:]+(:\d+(:\d+)?)?: (error|warning): /, `diagnostic format: ${line}`);
                }
            });
        }
    });
});

/** A few main compose files of the Defang samples and of awesome-compose (which must all load). */
function corpusSample(): string[] {
    const out: string[] = [];
    for (const group of ["defang-samples", "awesome-compose"]) {
        const dir = path.join(CORPUS_DIR, group);
        if (!fs.existsSync(dir)) continue;
        const names = fs.readdirSync(dir).sort();
        const step = Math.max(1, Math.floor(names.length / 4));
        for (let i = 0; i < names.length && out.length < 8; i += step) {
            const file = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"].map((f) => path.join(dir, names[i], f)).find((f) => fs.existsSync(f));
            if (file) out.push(file);
        }
    }
    return out;
}
