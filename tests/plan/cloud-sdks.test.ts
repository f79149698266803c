/**
 * `plan` runs with only one cloud's SDK installed: no module of `provider/src/plan` loads a cloud
 * SDK when it is required. The plan reads recorded inputs with the SDK's types
 * (`clouds/<x>/resource-inputs.ts`, `import type` only), which the compiler erases; this test
 * reads the compiled JavaScript and follows every top-level `require` of the plan's modules.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const DIST_SRC = path.resolve(__dirname, "../../provider/src");
const CLOUD_SDKS = ["@pulumi/aws", "@pulumi/gcp", "@pulumi/digitalocean"];

/** Every `.js` file under `dir`. */
function jsFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const full = path.join(dir, e.name);
        return e.isDirectory() ? jsFiles(full) : e.name.endsWith(".js") ? [full] : [];
    });
}

/** The modules `file` requires when it is loaded: `require` calls outside functions (a lazy `require` inside a function, as the cloud registry's, runs only when called). */
function requiresOf(file: string): string[] {
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, false, ts.ScriptKind.JS);
    const out: string[] = [];
    const visit = (node: ts.Node): void => {
        if (ts.isFunctionLike(node)) return;
        if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "require") {
            const [arg] = node.arguments;
            if (arg && ts.isStringLiteral(arg)) out.push(arg.text);
        }
        ts.forEachChild(node, visit);
    };
    visit(source);
    return out;
}

/** Resolves a relative require of `from` to a compiled file. */
function resolveJs(from: string, spec: string): string | undefined {
    const base = path.resolve(path.dirname(from), spec);
    return [`${base}.js`, path.join(base, "index.js"), base].find((c) => c.endsWith(".js") && fs.existsSync(c));
}

/** The cloud SDKs loading `entry` loads, each with the chain of files that requires it. */
function cloudSdksLoadedBy(entry: string): string[] {
    const found: string[] = [];
    const seen = new Set<string>();
    const visit = (file: string, chain: string[]): void => {
        if (seen.has(file)) return;
        seen.add(file);
        for (const spec of requiresOf(file)) {
            const sdk = CLOUD_SDKS.find((s) => spec === s || spec.startsWith(`${s}/`));
            if (sdk) found.push(`${[...chain, file].map((f) => path.relative(DIST_SRC, f)).join(" -> ")} requires ${spec}`);
            else if (spec.startsWith(".")) {
                const target = resolveJs(file, spec);
                if (target) visit(target, [...chain, file]);
            }
        }
    };
    visit(entry, []);
    return found;
}

describe("plan without the cloud SDKs", () => {
    const planFiles = jsFiles(path.join(DIST_SRC, "plan"));

    it("reads the compiled plan modules and their requires", () => {
        assert.ok(planFiles.length > 20, `only ${planFiles.length} compiled plan files under ${DIST_SRC}/plan`);
        const cost = planFiles.find((f) => f.endsWith(path.join("plan", "cost", "aws.js")));
        assert.ok(cost, "plan/cost/aws.js not compiled");
        assert.ok(
            requiresOf(cost).some((s) => s.startsWith(".")),
            "plan/cost/aws.js requires nothing",
        );
        // The check itself finds a cloud SDK where there is one.
        assert.ok(cloudSdksLoadedBy(path.join(DIST_SRC, "clouds", "aws", "index.js")).length > 0, "the AWS backend loads no SDK?");
    });

    it("loads no cloud SDK from any plan module", () => {
        assert.deepStrictEqual(
            planFiles.flatMap((f) => cloudSdksLoadedBy(f)),
            [],
        );
    });

    it("keeps the SDK types of the recorded inputs out of the compiled code", () => {
        for (const cloud of ["aws", "gcp", "digitalocean"]) {
            const js = fs.readFileSync(path.join(DIST_SRC, "clouds", cloud, "resource-inputs.js"), "utf8");
            assert.deepStrictEqual(requiresOf(path.join(DIST_SRC, "clouds", cloud, "resource-inputs.js")), [], `${cloud}: ${js}`);
        }
    });
});
