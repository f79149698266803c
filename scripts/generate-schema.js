#!/usr/bin/env node
// Writes schema.json from the components' TypeScript (run after a build: `make schema`).
// With --check, writes nothing and fails when the committed schema.json differs.
const fs = require("fs");
const path = require("path");
const root = path.resolve(__dirname, "..");
const { generateSchema, schemaText } = require(path.join(root, "dist/provider/src/plugin/schema/generate.js"));
const text = schemaText(generateSchema(root));
const file = path.join(root, "schema.json");
if (process.argv.includes("--check")) {
    if (fs.readFileSync(file, "utf8") !== text) {
        console.error("schema.json is out of date with the components; run `make schema` and commit it");
        process.exit(1);
    }
    console.log("schema.json matches the components");
} else {
    fs.writeFileSync(file, text);
    console.log(`wrote schema.json (${Object.keys(JSON.parse(text).resources).length} components)`);
}
