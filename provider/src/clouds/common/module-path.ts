/**
 * A cloud SDK that a dynamic provider loads on first use (a cold `require` costs about 0.1 s, paid
 * only when something runs), from this package's copy: Pulumi's provider host resolves modules
 * from the program's folder, where a strict package manager (pnpm) does not put our dependencies.
 * Resolving a path loads nothing.
 */

/** The resolved path of `name` from this package, else `name` itself. */
export function packageModulePath(name: string): string {
    try {
        return require.resolve(name);
    } catch {
        return name;
    }
}

/** A loader of the module at `modulePath` (see {@link packageModulePath}): it is required on the first call. */
export function lazyModule<M>(modulePath: string): () => M {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return () => require(modulePath) as M;
}
