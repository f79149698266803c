/**
 * The child process that plans one cloud (named by its first argument). It loads the cloud's
 * backend and the engine at once, then waits for an `EngineRequest` over IPC, runs the embedded
 * engine, sends back the `EngineResult`, and exits: the mock monitor is process-global, so a
 * process plans exactly one cloud. A cloud whose backend is not in this build is answered without
 * loading the Pulumi SDK.
 */
import { backendFor } from "../clouds/registry";
import { CloudName } from "../model/types";
import type { EngineRequest } from "./engine";
import { EngineResult } from "./types";

function send(result: EngineResult): void {
    if (!process.send) {
        process.stdout.write(JSON.stringify(result) + "\n");
        process.exit(0);
    }
    process.send(result, () => process.exit(0));
}

const cloud = process.argv[2] as CloudName;
let unavailable: EngineResult | undefined;
let engine: typeof import("./engine") | undefined;
try {
    backendFor(cloud);
    engine = require("./engine") as typeof import("./engine");
} catch (e) {
    unavailable = { status: "unavailable", cloud, message: (e as Error).message };
}

process.once("message", (request: EngineRequest) => {
    if (!engine) return send(unavailable!);
    engine.runEngine(request).then(send, (e: unknown) => send({ status: "failed", cloud: request.cloud, message: e instanceof Error ? e.message : String(e) }));
});
// The parent went away (e.g. the project did not load): nothing to plan.
process.once("disconnect", () => process.exit(0));
