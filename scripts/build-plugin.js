#!/usr/bin/env node
// Builds the provider plugin for `pulumi plugin install` and `pulumi package add` (after `npm run
// build` and `make schema`):
//   bin/plugin/                                  the plugin directory: launchers, PulumiPlugin.yaml,
//                                                package.json, schema.json, dist/provider, production node_modules
//   bin/pulumi-resource-defang-v<version>.tar.gz the same, as an archive for
//                                                `pulumi plugin install resource defang <version> --file ...`
// The plugin is JavaScript: it runs on any OS and architecture with Node.js >= 20 on the PATH.
// Production dependencies are copied from ./node_modules (no network).
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const ENTRY = "dist/provider/cmd/pulumi-resource-defang/main.js";
const out = path.join(root, "bin", "plugin");
const archive = path.join(root, "bin", `pulumi-resource-defang-v${pkg.version}.tar.gz`);

function fail(message) {
    console.error(`build-plugin: ${message}`);
    process.exit(1);
}

if (!fs.existsSync(path.join(root, ENTRY))) fail(`${ENTRY} is missing: run \`npm run build\` first`);
const schema = JSON.parse(fs.readFileSync(path.join(root, "schema.json"), "utf8"));
if (schema.version !== pkg.version) fail(`schema.json is at ${schema.version}, package.json at ${pkg.version}: run \`make schema\``);

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

// The code and the package files beside it (the plugin finds schema.json and package.json upwards).
fs.cpSync(path.join(root, "dist", "provider"), path.join(out, "dist", "provider"), { recursive: true, filter: (src) => !src.endsWith(".map") });
fs.copyFileSync(path.join(root, "schema.json"), path.join(out, "schema.json"));
for (const f of ["README.md", "LICENSE"]) if (fs.existsSync(path.join(root, f))) fs.copyFileSync(path.join(root, f), path.join(out, f));
const manifest = {
    name: "pulumi-resource-defang",
    version: pkg.version,
    description: pkg.description,
    license: pkg.license,
    private: true,
    main: ENTRY,
    engines: pkg.engines,
    // The plugin serves every cloud: the optional peer SDKs become its dependencies.
    dependencies: { ...pkg.dependencies, ...pkg.peerDependencies },
};
fs.writeFileSync(path.join(out, "package.json"), JSON.stringify(manifest, null, 2) + "\n");

// How Pulumi starts it: an executable named pulumi-resource-defang (installed plugins), or the
// Node.js language host (`pulumi package add <this directory>`).
fs.writeFileSync(path.join(out, "PulumiPlugin.yaml"), `runtime: nodejs\nmain: ${ENTRY}\n`);
const launcher = path.join(out, "pulumi-resource-defang");
fs.writeFileSync(launcher, `#!/bin/sh\n# The defang provider plugin: runs its JavaScript with the Node.js on the PATH (>= 20).\nexec node "$(dirname "$0")/${ENTRY}" "$@"\n`);
fs.chmodSync(launcher, 0o755);
fs.writeFileSync(path.join(out, "pulumi-resource-defang.cmd"), `@echo off\r\nnode "%~dp0${ENTRY.replace(/\//g, "\\")}" %*\r\n`);

// Production dependencies, as npm resolved them here.
const listed = execFileSync("npm", ["ls", "--omit=dev", "--all", "--parseable"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
    .split("\n")
    .filter((p) => p && path.resolve(p) !== root);
listed.push(...peerTree(Object.keys(pkg.peerDependencies ?? {}), root));

/** The folder of package `name` as Node resolves it from `from` (node_modules folders upwards), or undefined. */
function packageDir(name, from) {
    for (let dir = from; ; dir = path.dirname(dir)) {
        const candidate = path.join(dir, "node_modules", name);
        if (fs.existsSync(path.join(candidate, "package.json"))) return candidate;
        if (path.dirname(dir) === dir) return undefined;
    }
}

/** The folders of `names` and of everything they depend on (installed here as devDependencies, for the tests). */
function peerTree(names, from) {
    const seen = new Set();
    const visit = (name, dir) => {
        const found = packageDir(name, dir);
        if (!found || seen.has(found)) return;
        seen.add(found);
        const manifest = JSON.parse(fs.readFileSync(path.join(found, "package.json"), "utf8"));
        for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) visit(dep, found);
    };
    for (const name of names) visit(name, from);
    return [...seen];
}
const modules = path.join(root, "node_modules");
let copied = 0;
for (const dir of listed) {
    const rel = path.relative(modules, dir);
    if (rel.startsWith("..")) continue;
    const target = path.join(out, "node_modules", rel);
    if (fs.existsSync(target)) continue;
    const nested = path.join(dir, "node_modules");
    fs.cpSync(dir, target, { recursive: true, dereference: true, filter: (src) => src !== nested && !src.startsWith(nested + path.sep) });
    copied++;
}

fs.rmSync(archive, { force: true });
execFileSync("tar", ["-czf", archive, "-C", out, "."], { stdio: "inherit" });
console.log(`bin/plugin: pulumi-resource-defang v${pkg.version} with ${copied} production packages`);
console.log(`${path.relative(root, archive)}: pulumi plugin install resource defang ${pkg.version} --file ${path.relative(root, archive)}`);
