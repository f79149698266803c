/**
 * `loadProject`, requiring the loader on its first call: a program that reads no compose file (a
 * `DefangService` given its arguments) never loads the YAML parser, the schema or the rules.
 */
import type { LoadOptions, LoadResult } from "./api";

/** Loads compose files into the canonical project; see `loadProject` in `./load`. */
export function loadProject(options: LoadOptions = {}): LoadResult {
    return (require("./load") as typeof import("./load")).loadProject(options);
}
