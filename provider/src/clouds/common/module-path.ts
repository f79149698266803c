/**
 * Where this package's copy of a module is, for a dynamic provider that loads a cloud SDK lazily:
 * Pulumi's provider host resolves modules from the program's folder, where a strict package
 * manager (pnpm) does not put our dependencies. Resolving a path loads nothing.
 */

/** The resolved path of `name` from this package, else `name` itself. */
export function packageModulePath(name: string): string {
    try {
        return require.resolve(name);
    } catch {
        return name;
    }
}
