/**
 * The child process that plans one cloud: receives an `EngineRequest` over IPC, runs the embedded
 * engine, sends back the `EngineResult`, and exits (the mock monitor is process-global, so a
 * process plans exactly one cloud). A cloud whose backend is not in this build is answered before
 * the Pulumi SDK is loaded.
 */
import { backendFor } from "../clouds/registry";
import type { EngineRequest } from "./engine";
import { EngineResult } from "./types";

function send(result: EngineResult): void {
    if (!process.send) {
        process.stdout.write(JSON.stringify(result) + "\n");
        process.exit(0);
    }
    process.send(result, () => process.exit(0));
}

process.once("message", (request: EngineRequest) => {
    try {
        backendFor(request.cloud);
    } catch (e) {
        return send({ status: "unavailable", cloud: request.cloud, message: (e as Error).message });
    }
    const { runEngine } = require("./engine") as typeof import("./engine");
    runEngine(request).then(send, (e: unknown) => send({ status: "failed", cloud: request.cloud, message: e instanceof Error ? e.message : String(e) }));
});
