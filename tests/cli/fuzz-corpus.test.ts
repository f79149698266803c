/**
 * Property-based tests over the corpus: real compose files, mutated the way people get them wrong
 * (a value of the wrong kind, a key removed or added, a line indented or deleted), go through
 * `validate` and, on a sample, `plan`. Whatever the input, the command ends with a user-facing exit
 * code (never 70, never a stack trace or a JavaScript engine message), and `validate --provider X`
 * gives the same verdict (0, 2 or 3) as `plan --provider X`.
 *
 * The runs are seeded, so a failure prints a seed and a path that replay it exactly.
 */
import * as assert from "assert";
import * as fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../provider/src/cli";
import { CLOUD_NAMES, CloudName } from "../../provider/src/model/types";
import { corpusAvailable, corpusPath, requireCorpus } from "../support/corpus";
import { mutate, mutation } from "../support/compose-mutations";
import { checkoutSample } from "../support/sample-checkout";
import { STACK_LINE } from "./run-cli";

/** Messages of the JavaScript engine that must never reach a user. */
const ENGINE_MESSAGE = /Maximum call stack|Cannot read propert|is not a function|is not iterable|undefined is not|null is not|Invalid array length|RangeError|TypeError|ReferenceError|SyntaxError: Unexpected/;

interface Outcome {
    code: number;
    output: string;
}

async function run(argv: string[], cwd: string): Promise<Outcome> {
    let output = "";
    const sink = { write: (t: string) => (output += t) };
    try {
        const code = await runCli(argv, { stdout: sink, stderr: sink, env: {}, cwd, isTTY: false });
        return { code, output };
    } catch (e) {
        return { code: 70, output: `${output}\n(thrown) ${(e as Error)?.stack ?? String(e)}` };
    }
}

function assertUserFacing(o: Outcome, what: string, input: string): void {
    const context = `${what}\n--- output ---\n${o.output.slice(0, 3000)}\n--- input ---\n${input.slice(0, 3000)}`;
    assert.notStrictEqual(o.code, 70, `exit 70 (a bug): ${context}`);
    assert.ok([0, 1, 2, 3].includes(o.code), `exit ${o.code}: ${context}`);
    assert.doesNotMatch(o.output, STACK_LINE, `a stack trace: ${context}`);
    assert.doesNotMatch(o.output, ENGINE_MESSAGE, `a JavaScript engine message: ${context}`);
}

/** The verdict of a run: 0 fine, 2 invalid, 3 refused by the cloud. */
function verdict(code: number): number {
    return code === 1 ? 0 : code;
}

describe("fuzzing the commands with mutated corpus files", function () {
    // Whole runs of the command, plan's child engines included: the bound is for a stuck run, not a slow machine.
    this.timeout(900_000);
    let work: string;
    const inputs: Array<{ dir: string; text: string }> = [];

    before(function () {
        requireCorpus(this);
        work = fs.mkdtempSync(path.join(os.tmpdir(), "defang-fuzz-"));
        for (const sample of fs.readdirSync(corpusPath("defang-samples")).sort()) {
            const file = corpusPath("defang-samples", sample, "compose.yaml");
            if (!fs.existsSync(file)) continue;
            inputs.push({ dir: checkoutSample(sample, work), text: fs.readFileSync(file, "utf8") });
        }
        if (corpusAvailable()) {
            for (const name of fs.readdirSync(corpusPath("awesome-compose")).sort()) {
                for (const f of ["compose.yaml", "docker-compose.yml", "docker-compose.yaml"]) {
                    const file = corpusPath("awesome-compose", name, f);
                    if (!fs.existsSync(file)) continue;
                    const dir = path.join(work, `awesome-${name}`);
                    fs.mkdirSync(dir, { recursive: true });
                    inputs.push({ dir, text: fs.readFileSync(file, "utf8") });
                    break;
                }
            }
        }
    });

    after(() => {
        if (work) fs.rmSync(work, { recursive: true, force: true });
    });

    it("validate ends every mutated file with a user-facing exit code and message", async function () {
        await fc.assert(
            fc.asyncProperty(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.constantFrom(...CLOUD_NAMES, "all" as const), async (pick, mutations, cloud) => {
                const input = inputs[pick % inputs.length];
                const text = mutate(input.text, mutations);
                const file = path.join(input.dir, "compose.fuzz.yaml");
                fs.writeFileSync(file, text);
                const o = await run(["validate", "-f", file, "--provider", cloud], input.dir);
                assertUserFacing(o, `validate --provider ${cloud} (${input.dir})`, text);
            }),
            { numRuns: 300, seed: 20261207 },
        );
    });

    it("validate --provider X and plan --provider X agree on a sample of mutated files", async function () {
        await fc.assert(
            fc.asyncProperty(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.constantFrom<CloudName>(...CLOUD_NAMES), async (pick, mutations, cloud) => {
                const input = inputs[pick % inputs.length];
                const text = mutate(input.text, mutations);
                const file = path.join(input.dir, "compose.fuzz.yaml");
                fs.writeFileSync(file, text);
                const checked = await run(["validate", "-f", file, "--provider", cloud], input.dir);
                const planned = await run(["plan", "-f", file, "--provider", cloud, "--format", "json"], input.dir);
                assertUserFacing(checked, `validate --provider ${cloud}`, text);
                assertUserFacing(planned, `plan --provider ${cloud}`, text);
                assert.strictEqual(
                    verdict(planned.code),
                    verdict(checked.code),
                    `validate exits ${checked.code} and plan exits ${planned.code} on the same file (${cloud})\n--- validate ---\n${checked.output.slice(0, 2000)}\n--- plan ---\n${planned.output.slice(0, 2000)}\n--- input ---\n${text.slice(0, 2000)}`,
                );
            }),
            { numRuns: 12, seed: 7122026 },
        );
    });
});
