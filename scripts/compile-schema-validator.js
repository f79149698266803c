// Compiles the Compose JSON schema into plain JavaScript, so that loading a compose file never
// compiles the schema at run time. Run by copy-assets.js on every build. Two files:
// - the validator (ajv standalone code), which explains every error of an invalid file;
// - next to it, `compose-validity.js`: the same schema as a bare validity check
//   (compile-validity-check.js), which the loader runs first, as most files are valid.
const fs = require("fs");
const path = require("path");
const Ajv2020 = require("ajv/dist/2020").default;
const standaloneCode = require("ajv/dist/standalone").default;
const { validityCheckFileSource } = require("./compile-validity-check");

/** The validator's source for the schema at `schemaFile`, with the options the loader's messages rely on. */
function validatorSource(schemaFile) {
    const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
    // verbose: errors carry `data` and `parentSchema`, which the messages use.
    const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true, code: { source: true } });
    const header = `// Generated from ${path.basename(schemaFile)} by scripts/compile-schema-validator.js: do not edit.\n`;
    return header + standaloneCode(ajv, ajv.compile(schema));
}

/** Writes the validator of `schemaFile` to `outFile`, and its validity check to `compose-validity.js` next to it. */
function compileSchemaValidator(schemaFile, outFile) {
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, validatorSource(schemaFile));
    fs.writeFileSync(path.join(path.dirname(outFile), "compose-validity.js"), validityCheckFileSource(schemaFile));
}

module.exports = { compileSchemaValidator, validatorSource };

if (require.main === module) {
    const [schemaFile, outFile] = process.argv.slice(2);
    compileSchemaValidator(schemaFile, outFile);
}
