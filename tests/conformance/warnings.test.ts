/**
 * Our diagnostics cover the warnings and errors the Defang CLI prints for its fixtures
 * (`X.yaml.warnings`): each line is matched to one of our diagnostic codes (for the same service,
 * when it names one), or is listed as not applicable in exceptions.yaml with the reason.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { Diagnostic, ComposeError } from "../../provider/src/compose/diagnostics";
import { loadProject } from "../../provider/src/compose/load";
import { corpusAvailable, corpusPath, REPO_ROOT } from "../support/corpus";

/** Their message (a pattern) -> our diagnostic code. */
const EQUIVALENTS: Array<[RegExp, string]> = [
    [/missing memory reservation/, "missing-memory-reservation"],
    [/ingress port \d+ without healthcheck/, "ingress-without-healthcheck"],
    [/may contain sensitive information/, "plaintext-secret"],
    [/managed Postgres service should use a postgres image/, "managed-postgres-image"],
    [/stateful service will lose data on restart/, "unmanaged-database"],
    [/is a Docker Model Runner parameter/, "model-runner-option"],
    [/for boolean is not supported by YAML 1\.2/, "yaml11-boolean"],
    [/build args do not support config interpolation/, "config-in-build-args"],
    [/Environment variable "(\w+)" is ignored; add it to `\.env` if needed/, "shell-variable-ignored"],
];

const exceptions = YAML.parse(fs.readFileSync(path.join(REPO_ROOT, "tests", "conformance", "exceptions.yaml"), "utf8")) as Record<string, Record<string, string>>;
const notApplicable = Object.keys(exceptions["warnings-not-applicable"] ?? {});

function diagnosticsOf(file: string, env: Record<string, string>): { diagnostics: Diagnostic[]; services: Set<string> } {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
        const r = loadProject({ files: [file] });
        return { diagnostics: r.warnings, services: new Set(Object.keys(r.project.services)) };
    } catch (e) {
        if (!(e instanceof ComposeError)) throw e;
        return { diagnostics: [...e.diagnostics, ...e.warnings], services: new Set() };
    } finally {
        for (const k of Object.keys(env)) if (!(k in saved)) delete process.env[k];
    }
}

describe("Defang CLI warnings are covered by our diagnostics", function () {
    if (!corpusAvailable()) {
        it("needs ../shared/corpus (skipped: not on this machine)", function () {
            this.skip();
        });
        return;
    }
    const root = corpusPath("defang-cli-testdata");
    const files = fs
        .readdirSync(root)
        .flatMap((d) =>
            fs.statSync(path.join(root, d)).isDirectory()
                ? fs
                      .readdirSync(path.join(root, d))
                      .filter((f) => f.endsWith(".warnings"))
                      .map((f) => path.join(root, d, f))
                : [],
        )
        .sort();
    const tally = { covered: 0, notApplicable: 0, total: 0 };

    for (const warnings of files) {
        const input = warnings.replace(/\.warnings$/, "");
        const lines = fs
            .readFileSync(warnings, "utf8")
            .split("\n")
            .map((l) => l.replace(/^\s*!\s*/, "").trim())
            .filter(Boolean);
        if (lines.length === 0) continue;
        it(path.relative(root, input), function () {
            // The Defang CLI's fixtures run with NODE_ENV set in the shell; it must not leak in.
            const { diagnostics, services } = diagnosticsOf(input, { NODE_ENV: "from-the-shell" });
            const missing: string[] = [];
            for (const line of lines) {
                tally.total++;
                if (notApplicable.some((p) => line.includes(p))) {
                    tally.notApplicable++;
                    continue;
                }
                const eq = EQUIVALENTS.find(([re]) => re.test(line));
                assert.ok(eq, `no equivalent known for: ${line}`);
                const service = /service "([^"]+)"/.exec(line)?.[1];
                // A service the Defang CLI synthesizes (from `models`) does not exist in our project.
                const wanted = service && services.has(service) ? service : undefined;
                const found = diagnostics.some((d) => d.code === eq[1] && (!wanted || d.service === wanted));
                if (found) tally.covered++;
                else missing.push(`${line}  (expected code ${eq[1]}${wanted ? ` for ${wanted}` : ""})`);
            }
            assert.deepStrictEqual(missing, [], `not covered:\n${missing.join("\n")}\nours:\n${diagnostics.map((d) => `${d.code} ${d.service ?? ""}`).join("\n")}`);
        });
    }
    after(function () {
        console.log(`    warnings: ${tally.covered} of ${tally.total - tally.notApplicable} applicable lines covered (${tally.notApplicable} not applicable, see exceptions.yaml)`);
    });
});
