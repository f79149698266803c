/**
 * @defang-io/pulumi-defang: deploy a Docker Compose application onto native managed services of
 * your own cloud account, as Pulumi components.
 *
 * Importing this module loads no cloud SDK: a cloud's SDK is loaded when a component deploys to it.
 */
export { DefangService } from "../../provider/src/components/defang-service";
export { DefangLLM } from "../../provider/src/components/defang-llm";
export { DefangPostgres } from "../../provider/src/components/defang-postgres";
export { DefangRedis } from "../../provider/src/components/defang-redis";
export { DefangMongo } from "../../provider/src/components/defang-mongo";
export { DefangProject } from "../../provider/src/components/defang-project";
export type { DefangProjectArgs } from "../../provider/src/components/defang-project";
export type * from "../../provider/src/components/args";
export type { InfrastructureOptions } from "../../provider/src/clouds/backend";
export { UnsupportedFeaturesError, MissingConfigError, InvalidArgumentError, CloudSelectionError } from "../../provider/src/model/errors";
export type { CloudName } from "../../provider/src/model/types";

export { loadProject } from "../../provider/src/compose/load-on-demand";
export { withComposeEnvironment } from "../../provider/src/compose/environment-options";
export type { LoadOptions, LoadResult, ConfigReference } from "../../provider/src/compose/api";
export { ComposeError, formatDiagnostic } from "../../provider/src/compose/diagnostics";
export type { Diagnostic, Severity, SourcePosition } from "../../provider/src/compose/diagnostics";
export type * from "../../provider/src/compose/types";
