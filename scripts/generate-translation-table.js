#!/usr/bin/env node
// Writes the README's "what each cloud does with each compose key" table from the translation table
// (run after a build: `npm run readme-table`). With --check, writes nothing and fails when it differs.
const fs = require("fs");
const path = require("path");
const root = path.resolve(__dirname, "..");
const { withTranslationTable, TABLE_BEGIN, TABLE_END } = require(path.join(root, "dist/provider/src/model/translation/markdown.js"));
const file = path.join(root, "README.md");
const readme = fs.readFileSync(file, "utf8");
const text = withTranslationTable(readme);
if (text === undefined) {
    console.error(`README.md has no ${TABLE_BEGIN} ... ${TABLE_END} markers`);
    process.exit(1);
}
if (process.argv.includes("--check")) {
    if (text !== readme) {
        console.error("README.md's compose key table is out of date with the translation table; run `npm run readme-table` and commit it");
        process.exit(1);
    }
    console.log("README.md's compose key table matches the translation table");
} else {
    fs.writeFileSync(file, text);
    console.log("wrote README.md's compose key table");
}
