// Copies non-TypeScript assets (JSON schemas) next to the compiled code, and compiles the Compose
// schema into its standalone validator there.
const fs = require("fs");
const path = require("path");
const { compileSchemaValidator } = require("./compile-schema-validator");
const pairs = [["provider/src/compose/schema", "dist/provider/src/compose/schema"]];
for (const [from, to] of pairs) {
    if (!fs.existsSync(from)) continue;
    fs.mkdirSync(to, { recursive: true });
    for (const f of fs.readdirSync(from)) if (!f.endsWith(".ts")) fs.copyFileSync(path.join(from, f), path.join(to, f));
}
compileSchemaValidator("provider/src/compose/schema/compose-spec.json", "dist/provider/src/compose/schema/compose-validator.js");
