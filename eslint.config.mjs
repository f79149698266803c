// Lint: ESLint's and typescript-eslint's recommended rules (`npm run lint`, run by .ci/run).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Node.js globals that the CommonJS scripts use. */
const nodeGlobals = Object.fromEntries(
    ["require", "module", "exports", "process", "console", "__dirname", "__filename", "Buffer", "setTimeout", "clearTimeout", "setInterval", "setImmediate", "URL", "fetch"].map((name) => [name, "readonly"]),
);

export default tseslint.config(
    { ignores: ["dist/", "bin/", "node_modules/", "sdk/python/", "sdk/go/", "sdk/dotnet/", "examples/**/node_modules/"] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        files: ["**/*.js"],
        languageOptions: { sourceType: "commonjs", globals: nodeGlobals },
        rules: { "@typescript-eslint/no-require-imports": "off" },
    },
    {
        rules: {
            // `_`-prefixed names are unused on purpose (a parameter an interface requires).
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
        },
    },
    {
        files: ["**/*.ts"],
        rules: {
            // Our own modules are required lazily on purpose, so that a stack loads only its cloud's
            // SDK and the CLI starts fast; `import x = require()` is TypeScript's import syntax.
            "@typescript-eslint/no-require-imports": ["error", { allow: ["^\\.\\.?/"], allowAsImport: true }],
        },
    },
    {
        // Tests read deep into mock inputs, whose shape each assertion states.
        files: ["tests/**/*.ts"],
        rules: { "@typescript-eslint/no-explicit-any": "off" },
    },
    {
        // The examples declare resources for what they create, not to use the variable.
        files: ["examples/**/*.ts"],
        rules: { "@typescript-eslint/no-unused-vars": "off" },
    },
);
