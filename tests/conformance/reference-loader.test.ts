/**
 * Conformance with the reference loader (compose-go, as the Defang CLI uses it): our canonical
 * output against its expected output, case by case, with the exceptions listed (and explained) in
 * exceptions.yaml. Prints the pass count of each suite.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as YAML from "yaml";
import { loadProject } from "../../provider/src/compose/load";
import { mergeValues, stripMarkers } from "../../provider/src/compose/merge";
import { normalizeModel } from "../../provider/src/compose/normalize";
import { enforceUnicity } from "../../provider/src/compose/unicity";
import { corpusAvailable, corpusPath, firstDifference, plain, readYaml, REPO_ROOT } from "../support/corpus";

type Exceptions = Record<string, Record<string, string>>;
const exceptions: Exceptions = YAML.parse(fs.readFileSync(path.join(REPO_ROOT, "tests", "conformance", "exceptions.yaml"), "utf8"));

interface Case {
    name: string;
    run: () => { got: unknown; expected: unknown };
}

/** Declares one `it` per case and a summary line with the pass count. */
function suite(title: string, key: string, cases: () => Case[]) {
    describe(title, function () {
        if (!corpusAvailable()) {
            it("needs ../shared/corpus (skipped: not on this machine)", function () {
                this.skip();
            });
            return;
        }
        const list = cases();
        const allowed = exceptions[key] ?? {};
        let passed = 0;
        for (const c of list) {
            const expectedToDiffer = c.name in allowed;
            it(`${c.name}${expectedToDiffer ? " (listed exception)" : ""}`, function () {
                const { got, expected } = c.run();
                const diff = firstDifference(plain(got), plain(expected));
                if (expectedToDiffer) {
                    assert.ok(diff, `${c.name} now matches the reference; remove it from exceptions.yaml`);
                    return;
                }
                assert.strictEqual(diff, undefined, diff);
                passed++;
            });
        }
        after(function () {
            const listed = list.filter((c) => c.name in allowed).length;
            console.log(`    ${title}: ${passed}/${list.length} match the reference (${listed} listed exceptions)`);
        });
        it("lists no exception for a case that does not exist", function () {
            const names = new Set(list.map((c) => c.name));
            assert.deepStrictEqual(
                Object.keys(allowed).filter((n) => !names.has(n)),
                [],
            );
        });
    });
}

function dirs(dir: string): string[] {
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort();
}

suite("Defang CLI fixtures (.golden)", "golden", () => {
    const root = corpusPath("defang-cli-testdata");
    const out: Case[] = [];
    for (const d of dirs(root)) {
        for (const f of fs
            .readdirSync(path.join(root, d))
            .filter((n) => n.endsWith(".golden"))
            .sort()) {
            const input = path.join(root, d, f.replace(/\.golden$/, ""));
            out.push({
                name: `${d}/${path.basename(input)}`,
                run: () => ({
                    got: loadProject({ files: [input], validate: false }).project,
                    expected: readYaml(path.join(root, d, f)),
                }),
            });
        }
    }
    return out;
});

suite("compose-go full example", "full-example", () => {
    const dir = corpusPath("compose-go-conformance", "full-example");
    return [
        {
            name: "full-example.yml",
            run: () => {
                const expectedText = fs
                    .readFileSync(path.join(dir, "expected.yaml"), "utf8")
                    .replace(/__WORKING_DIR__/g, dir)
                    .replace(/__HOME__/g, os.homedir());
                const { project } = loadProject({
                    files: [path.join(dir, "full-example.yml")],
                    env: { HOME: os.homedir(), BAR: "this is a secret", QUX: "qux_from_environment" },
                    normalize: false,
                    paths: "absolute",
                    discardEnvFiles: false,
                    validate: false,
                });
                return { got: project, expected: YAML.parse(expectedText) };
            },
        },
    ];
});

suite("compose-go override merge", "merge", () => {
    const root = corpusPath("compose-go-conformance", "override-merge");
    return dirs(root).map((d) => ({
        name: d,
        run: () => {
            const [base, override, expected] = ["base", "override", "expected"].map((n) => readYaml(path.join(root, d, `${n}.yaml`)));
            return { got: enforceUnicity(stripMarkers(mergeValues(base, override, []))), expected };
        },
    }));
});

suite("compose-go normalization", "normalize", () => {
    const root = corpusPath("compose-go-conformance", "normalize");
    return dirs(root).map((d) => ({
        name: d,
        run: () => {
            const input = readYaml(path.join(root, d, "input.yaml")) as Record<string, unknown>;
            const env = JSON.parse(fs.readFileSync(path.join(root, d, "env.json"), "utf8")) as Record<string, string>;
            const got = normalizeModel(input, String(input.name), (n) => env[n]);
            return { got, expected: readYaml(path.join(root, d, "expected.yaml")) };
        },
    }));
});
