/**
 * The component argument that names the cloud. It is `cloud`; `provider`, its first name, collides
 * with Pulumi's `provider` resource option in every language, so it still works but is deprecated:
 * a component that uses it warns once, and one that gives both with different values is refused.
 */
import * as pulumi from "@pulumi/pulumi";
import { InvalidArgumentError } from "../model/errors";

/** The arguments that can name a cloud. */
export interface CloudArgument {
    cloud?: string;
    provider?: string;
}

/**
 * The cloud named by `args` (`cloud`, else the deprecated `provider`), or undefined. Warns once for
 * this component when `provider` is used; refuses `cloud` and `provider` naming different clouds.
 */
export function cloudArgument(args: CloudArgument | undefined, component: string): string | undefined {
    const cloud = args?.cloud;
    const provider = args?.provider;
    if (provider === undefined) return cloud;
    if (cloud !== undefined && cloud.trim().toLowerCase() !== provider.trim().toLowerCase()) {
        throw new InvalidArgumentError(component, "provider", `("${provider}") names another cloud than \`cloud\` ("${cloud}")`, "remove `provider`: it is the deprecated name of `cloud`");
    }
    pulumi.log.warn(`${component}: the \`provider\` argument is deprecated, as it collides with Pulumi's \`provider\` resource option; name the cloud with \`cloud: "${cloud ?? provider}"\` instead`);
    return cloud ?? provider;
}
