/**
 * @defang-io/pulumi-defang: deploy a Docker Compose application onto native managed services of
 * your own cloud account, as Pulumi components.
 *
 * This entry point currently exports the compose loader; the components come with the cloud
 * backends.
 */
export { loadProject } from "../../provider/src/compose/load";
export type { LoadOptions, LoadResult, ConfigReference } from "../../provider/src/compose/api";
export { ComposeError, formatDiagnostic } from "../../provider/src/compose/diagnostics";
export type { Diagnostic, Severity, SourcePosition } from "../../provider/src/compose/diagnostics";
export type * from "../../provider/src/compose/types";
