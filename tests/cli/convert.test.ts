/**
 * `pulumi-defang convert`, run as a child process on the showcase app: the TypeScript project it
 * writes type-checks against this package (tsc from node_modules, with `@defang-io/pulumi-defang`
 * mapped to the built package), and the Pulumi YAML program names the DefangProject type and the
 * compose file.
 */
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as YAML from "yaml";
import { ROOT, SHOWCASE, assertClean, cli } from "./run-cli";

const TSC = path.join(ROOT, "node_modules/typescript/bin/tsc");

/** Type-checks `dir/index.ts` against the built package; returns tsc's output and exit code. */
function typecheck(dir: string): { code: number | null; output: string } {
    const tsconfig = {
        compilerOptions: {
            strict: true,
            noEmit: true,
            target: "ES2022",
            module: "commonjs",
            moduleResolution: "node",
            esModuleInterop: true,
            skipLibCheck: true,
            baseUrl: ".",
            paths: { "@defang-io/pulumi-defang": [path.join(ROOT, "dist/sdk/nodejs/index.d.ts")] },
            typeRoots: [path.join(ROOT, "node_modules/@types")],
            types: ["node"],
        },
        files: ["index.ts"],
    };
    fs.writeFileSync(path.join(dir, "tsconfig.check.json"), JSON.stringify(tsconfig));
    const r = spawnSync(process.execPath, [TSC, "-p", path.join(dir, "tsconfig.check.json")], { cwd: dir, encoding: "utf8", timeout: 600_000 });
    return { code: r.status, output: r.stdout + r.stderr };
}

describe("pulumi-defang convert", function () {
    let tmp: string;
    beforeEach(() => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "convert-"));
    });
    afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("convert --help prints the usage and the exit codes", () => {
        const r = cli(["convert", "--help"]);
        assertClean(r, 0);
        assert.match(r.stdout, /Usage: pulumi-defang convert/);
        assert.match(r.stdout, /--to typescript\|yaml/);
        assert.match(r.stdout, /--out DIR/);
        assert.match(r.stdout, /Exit codes/);
    });

    it("without --out exits 2 and says what is missing", () => {
        const r = cli(["convert", SHOWCASE]);
        assertClean(r, 2);
        assert.match(r.stderr, /--out DIR is required/);
    });

    it("--to typescript writes a Pulumi project that type-checks against this package", () => {
        const out = path.join(tmp, "infra");
        const r = cli(["convert", SHOWCASE, "--to", "typescript", "--out", out]);
        assertClean(r, 0);
        assert.deepStrictEqual(fs.readdirSync(out).sort(), ["Pulumi.yaml", "index.ts", "package.json", "tsconfig.json"]);
        const project = YAML.parse(fs.readFileSync(path.join(out, "Pulumi.yaml"), "utf8")) as { name: string; runtime: string; config: Record<string, string> };
        assert.strictEqual(project.name, "helpdesk");
        assert.strictEqual(project.runtime, "nodejs");
        assert.strictEqual(project.config["defang:provider"], "aws");
        const pkg = JSON.parse(fs.readFileSync(path.join(out, "package.json"), "utf8")) as { main: string; dependencies: Record<string, string> };
        assert.strictEqual(pkg.main, "index.ts");
        assert.ok(pkg.dependencies["@defang-io/pulumi-defang"] && pkg.dependencies["@pulumi/pulumi"]);
        assert.deepStrictEqual(
            Object.keys(pkg.dependencies).filter((d) => d !== "@defang-io/pulumi-defang" && d !== "@pulumi/pulumi"),
            ["@pulumi/aws", "@aws-sdk/client-codebuild", "@aws-sdk/client-ecs"],
            "the chosen cloud's SDK packages, no other cloud's",
        );
        const index = fs.readFileSync(path.join(out, "index.ts"), "utf8");
        assert.match(index, /new defang\.DefangProject\("helpdesk", \{/);
        const composeFile = /"composeFile": "([^"]+)"/.exec(index)?.[1];
        assert.ok(composeFile, "the program names the compose file");
        assert.strictEqual(path.resolve(out, composeFile), SHOWCASE, "relative to the program, so build contexts keep working");
        for (const key of ["POSTGRES_PASSWORD", "SESSION_SECRET", "OPENAI_API_KEY"]) {
            assert.match(index, new RegExp(`pulumi config set --secret ${key}`));
            assert.match(r.stdout, new RegExp(`pulumi config set --secret ${key}`));
        }
        const checked = typecheck(out);
        assert.strictEqual(checked.code, 0, checked.output);
    });

    it("--provider gcp writes @pulumi/gcp as the program's only cloud SDK dependency, at this package's peer range", () => {
        const out = path.join(tmp, "infra-gcp");
        assertClean(cli(["convert", SHOWCASE, "--provider", "gcp", "--out", out]), 0);
        const pkg = JSON.parse(fs.readFileSync(path.join(out, "package.json"), "utf8")) as { dependencies: Record<string, string> };
        const ours = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { peerDependencies: Record<string, string> };
        assert.deepStrictEqual(
            Object.entries(pkg.dependencies).filter(([d]) => d !== "@defang-io/pulumi-defang" && d !== "@pulumi/pulumi"),
            [["@pulumi/gcp", ours.peerDependencies["@pulumi/gcp"]]],
        );
    });

    it("the type check fails on a program that misuses the package (the check is real)", () => {
        const out = path.join(tmp, "broken");
        assertClean(cli(["convert", SHOWCASE, "--out", out]), 0);
        const index = path.join(out, "index.ts");
        fs.writeFileSync(index, fs.readFileSync(index, "utf8").replace('"composeFile"', '"composeFil"'));
        const checked = typecheck(out);
        assert.notStrictEqual(checked.code, 0);
        assert.match(checked.output, /composeFil/);
    });

    it("--to yaml writes a Pulumi YAML program with the DefangProject type and the compose file", () => {
        const out = path.join(tmp, "yaml");
        const r = cli(["convert", "-f", SHOWCASE, "--to", "yaml", "--provider", "gcp", "--out", out]);
        assertClean(r, 0);
        assert.deepStrictEqual(fs.readdirSync(out), ["Pulumi.yaml"]);
        const text = fs.readFileSync(path.join(out, "Pulumi.yaml"), "utf8");
        const program = YAML.parse(text) as { runtime: string; config: Record<string, string>; resources: Record<string, { type: string; properties: { composeFile: string } }>; outputs: Record<string, string> };
        assert.strictEqual(program.runtime, "yaml");
        assert.strictEqual(program.config["defang:provider"], "gcp");
        const [resource] = Object.values(program.resources);
        assert.strictEqual(resource.type, "defang:index:DefangProject");
        assert.strictEqual(path.resolve(out, resource.properties.composeFile), SHOWCASE);
        assert.strictEqual(program.outputs.endpoints, "${app.endpoints}");
        assert.match(text, /^# {3}pulumi config set --secret POSTGRES_PASSWORD <value>$/m);
    });

    it("refuses to overwrite existing files without --force", () => {
        const out = path.join(tmp, "again");
        assertClean(cli(["convert", SHOWCASE, "--out", out]), 0);
        const again = cli(["convert", SHOWCASE, "--out", out]);
        assertClean(again, 2);
        assert.match(again.stderr, /already exist.*--force/);
        assertClean(cli(["convert", SHOWCASE, "--out", out, "--force"]), 0);
    });

    it("an invalid compose file exits 2 with file:line:column and writes nothing", () => {
        const out = path.join(tmp, "none");
        const r = cli(["convert", "-f", "tests/fixtures/cli/error/compose.yaml", "--out", out]);
        assertClean(r, 2);
        assert.match(r.stderr, /compose\.yaml:7:\d+: error: /);
        assert.ok(!fs.existsSync(out));
    });
});
