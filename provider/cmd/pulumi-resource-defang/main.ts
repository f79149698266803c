#!/usr/bin/env node
/**
 * `pulumi-resource-defang`: the Pulumi provider plugin of the Defang components. The engine starts
 * it with its own address as the argument; it prints the port it serves on, then answers
 * GetPluginInfo, GetSchema and Construct until the engine closes its stdin or stops it.
 *
 * Only the provider server is loaded to start: the components, and the SDK of the cloud a
 * component deploys to, are loaded by the first Construct.
 */
import { main } from "@pulumi/pulumi/provider/server";
import { DefangComponentProvider } from "../../src/plugin/component-provider";
import { exitWhenReleased } from "../../src/plugin/lifecycle";
import { readPackageFiles } from "../../src/plugin/package-files";
import { refusePrototypeKeysOnConstruct } from "../../src/plugin/wire-inputs";

exitWhenReleased();
refusePrototypeKeysOnConstruct();
main(new DefangComponentProvider(readPackageFiles()), process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`pulumi-resource-defang: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
});
