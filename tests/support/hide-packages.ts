/**
 * Preloaded with `node --require` (through NODE_OPTIONS, so child processes inherit it): makes the
 * packages named in DEFANG_TEST_HIDDEN_PACKAGES (comma-separated) unresolvable, with the error
 * Node gives for a package that is not installed. Lets a test run the built code as if only some
 * cloud SDKs were installed, without a second install.
 */
import Module from "module";

const hidden = (process.env.DEFANG_TEST_HIDDEN_PACKAGES ?? "").split(",").filter(Boolean);
type Resolve = (request: string, ...rest: unknown[]) => string;
const internals = Module as unknown as { _resolveFilename: Resolve };
const resolve = internals._resolveFilename;

internals._resolveFilename = function (request: string, ...rest: unknown[]): string {
    if (hidden.some((name) => request === name || request.startsWith(`${name}/`))) {
        throw Object.assign(new Error(`Cannot find module '${request}'`), { code: "MODULE_NOT_FOUND" });
    }
    return resolve.call(this, request, ...rest);
};
