/**
 * Which cloud a component deploys to: its `cloud` argument, else stack config
 * `defang:provider`, else the `DEFANG_PROVIDER` environment variable.
 */
import { CloudSelectionError } from "../model/errors";
import { CLOUD_NAMES, CloudName } from "../model/types";
import { stackSetting } from "../clouds/stack-settings";

export function selectCloud(explicit: string | undefined, component: string): CloudName {
    const fromConfig = stackSetting("provider");
    const fromEnv = process.env.DEFANG_PROVIDER || undefined;
    const [value, source] =
        explicit !== undefined ? [explicit, "the `cloud` argument"] : fromConfig !== undefined ? [fromConfig, "stack config defang:provider"] : fromEnv !== undefined ? [fromEnv, "DEFANG_PROVIDER"] : [undefined, ""];
    if (value === undefined) {
        throw new CloudSelectionError(
            `${component}: no cloud chosen; set the component's \`cloud\` argument, or run \`pulumi config set defang:provider aws\`, or set DEFANG_PROVIDER=aws (one of ${CLOUD_NAMES.join(", ")})`,
        );
    }
    const cloud = value.trim().toLowerCase();
    if (!(CLOUD_NAMES as readonly string[]).includes(cloud)) {
        throw new CloudSelectionError(`${component}: unknown cloud "${value}" in ${source}; use one of ${CLOUD_NAMES.join(", ")}`);
    }
    return cloud as CloudName;
}
