/**
 * The rooms of `provider/src` are layered: a file may import its own room or a lower one, never a
 * higher one, and no chain of imports may come back to where it started. This test reads every
 * relative import (static `import`/`export ... from`, `import("...")` and lazy `require("...")`)
 * and fails naming the files.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const SRC = path.resolve(__dirname, "../../../provider/src");

/**
 * The rooms, top to bottom. Rooms on one row are peers: they may not import each other.
 * - `cli`: the command line, the only room that prints for a user.
 * - `plan` (the in-process preview and its reports), `plugin` (the gRPC component provider),
 *   `convert` (writes a Pulumi program from a compose file).
 * - `offline`: the canned cloud answers `plan` gives under the mock monitor (imports no other room).
 * - `components`: the Pulumi component resources and their arguments.
 * - `clouds`: one backend per cloud, the shared verdict and the pure preflight checks.
 * - `build`: image build contexts, archives and uploads (reads the build part of the model).
 * - `model`: the cloud-neutral model of the app and the translation table.
 * - `compose`: loading, validating and normalising compose files.
 * - `util`: small helpers that know nothing of the project (closest match, colours, output state).
 */
const LAYERS: readonly (readonly string[])[] = [["cli"], ["plan", "plugin", "convert"], ["offline"], ["components"], ["clouds"], ["build"], ["model"], ["compose"], ["util"]];

/** The row of a room in {@link LAYERS}, 0 being the top. */
function layerOf(room: string): number {
    const row = LAYERS.findIndex((rooms) => rooms.includes(room));
    assert.notStrictEqual(row, -1, `provider/src/${room}/ is not placed in LAYERS of tests/unit/layers.test.ts`);
    return row;
}

/** Every `.ts` file under `dir`, as paths relative to {@link SRC} with `/` separators. */
function sourceFiles(dir: string): string[] {
    const out: string[] = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) out.push(...sourceFiles(full));
        else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) {
            out.push(path.relative(SRC, full).split(path.sep).join("/"));
        }
    }
    return out;
}

/** Resolves a relative specifier from `from` to a source file under {@link SRC}, or undefined. */
function resolve(from: string, spec: string): string | undefined {
    const base = path.join(path.dirname(path.join(SRC, from)), spec);
    for (const candidate of [base + ".ts", path.join(base, "index.ts"), base]) {
        if (candidate.endsWith(".ts") && fs.existsSync(candidate)) {
            return path.relative(SRC, candidate).split(path.sep).join("/");
        }
    }
    return undefined;
}

/** The source files `file` imports, statically or through `require`/`import()`. */
function importsOf(file: string): string[] {
    const text = fs.readFileSync(path.join(SRC, file), "utf8");
    const specs = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
    // preProcessFile sees `require` only at the top level; lazy requires inside functions count too.
    for (const m of text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) specs.push(m[1]);
    const out = new Set<string>();
    for (const spec of specs) {
        if (!spec.startsWith(".")) continue;
        const target = resolve(file, spec);
        if (target !== undefined) out.add(target);
    }
    return [...out];
}

const roomOf = (file: string) => file.split("/")[0];

describe("layers of provider/src", () => {
    const files = sourceFiles(SRC);
    const graph = new Map(files.map((f) => [f, importsOf(f)] as const));

    it("reads a real import graph", () => {
        assert.ok(files.length > 100, `only ${files.length} files found under ${SRC}`);
        const edges = [...graph.values()].reduce((n, targets) => n + targets.length, 0);
        assert.ok(edges > files.length, `only ${edges} imports found`);
        assert.ok(
            graph.get("cli/index.ts")?.some((t) => roomOf(t) !== "cli"),
            "cli/index.ts imports no other room",
        );
    });

    it("places every room", () => {
        for (const entry of fs.readdirSync(SRC, { withFileTypes: true })) {
            if (entry.isDirectory()) layerOf(entry.name);
        }
    });

    it("has no import from a higher or a peer room", () => {
        const wrong: string[] = [];
        for (const [file, targets] of graph) {
            const from = roomOf(file);
            for (const target of targets) {
                const to = roomOf(target);
                if (to === from) continue;
                if (layerOf(to) <= layerOf(from)) wrong.push(`${file} imports ${target}`);
            }
        }
        assert.deepStrictEqual(wrong, [], `imports against the layers (${LAYERS.map((r) => r.join("/")).join(" -> ")}):\n${wrong.join("\n")}`);
    });

    it("has no import loop", () => {
        const loops: string[] = [];
        const state = new Map<string, "open" | "done">();
        const stack: string[] = [];
        const visit = (file: string): void => {
            state.set(file, "open");
            stack.push(file);
            for (const target of graph.get(file) ?? []) {
                const seen = state.get(target);
                if (seen === "open") loops.push([...stack.slice(stack.indexOf(target)), target].join(" -> "));
                else if (seen === undefined) visit(target);
            }
            stack.pop();
            state.set(file, "done");
        };
        for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
        assert.deepStrictEqual(loops, [], `import loops:\n${loops.join("\n")}`);
    });
    it("has no two concept folders of one cloud backend importing each other, directly or round a circle", () => {
        const folderOf = (file: string): string | undefined => {
            const m = /^clouds\/(aws|gcp|digitalocean)\/([^/]+)\//.exec(file);
            return m ? `${m[1]}/${m[2]}` : undefined;
        };
        const edges = new Map<string, Set<string>>();
        for (const [file, targets] of graph) {
            const from = folderOf(file);
            if (!from) continue;
            for (const target of targets) {
                const to = folderOf(target);
                if (to && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
            }
        }
        const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
            for (const next of edges.get(from) ?? []) {
                if (next === to) return true;
                if (!seen.has(next)) {
                    seen.add(next);
                    if (reaches(next, to, seen)) return true;
                }
            }
            return false;
        };
        assert.ok(edges.size >= 10, `only ${edges.size} concept folders import another`);
        const circles = [...edges].flatMap(([from, tos]) => [...tos].filter((to) => reaches(to, from)).map((to) => `${from} -> ${to}`));
        assert.deepStrictEqual(circles, [], `concept folders in a circle:\n${circles.join("\n")}`);
    });

    it("has no cast through unknown in the cloud backends", () => {
        const casts = files.filter((f) => f.startsWith("clouds/") && /\bas unknown as\b/.test(fs.readFileSync(path.join(SRC, f), "utf8")));
        assert.deepStrictEqual(casts, []);
    });
});
