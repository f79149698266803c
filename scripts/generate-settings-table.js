#!/usr/bin/env node
// Writes the README's table of stack settings (`defang:*`) from schema.json's config section;
// tests/plugin/schema-config.test.ts checks that the two agree.
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const schema = JSON.parse(fs.readFileSync(path.join(root, "schema.json"), "utf8"));
const rows = Object.entries(schema.config.variables).map(([name, v]) => {
    const type = v.$ref ? schema.types[v.$ref.slice("#/types/".length)].enum.map((e) => `\`${e.value}\``).join(" \\| ") : v.type;
    const fallback = v.default === undefined ? "-" : `\`${String(v.default)}\``;
    return `| \`defang:${name}\` | ${type} | ${fallback} | ${(v.description ?? "").replace(/\|/g, "\\|")} |`;
});
const readmePath = path.join(root, "README.md");
const readme = fs.readFileSync(readmePath, "utf8");
const section = readme.indexOf("### Stack settings (`defang:*`)");
const start = readme.indexOf("| `defang:", section);
if (section < 0 || start < 0) throw new Error("README.md has no table of stack settings");
const lines = readme.slice(start).split("\n");
let n = 0;
while (lines[n].startsWith("| `defang:")) n++;
const end = start + lines.slice(0, n).join("\n").length;
fs.writeFileSync(readmePath, readme.slice(0, start) + rows.join("\n") + readme.slice(end));
console.log(`wrote README.md's table of stack settings (${rows.length} settings)`);
