/**
 * Plans clouds, each in a fresh child process running the embedded engine (the SDK's mock monitor
 * is process-global), at most two at a time. A child that dies or says nothing is reported as a
 * failure of that cloud; the others are still planned.
 */
import { fork } from "child_process";
import * as path from "path";
import { CloudName } from "../model/types";
import type { EngineRequest } from "./engine";
import { EngineResult } from "./types";

export type PlanProgress = (cloud: CloudName, state: "started" | "done") => void;

/** How many clouds are planned at the same time. */
export const PLAN_CONCURRENCY = 2;

/** The engine's child script, next to this file (compiled). */
const CHILD = path.join(__dirname, "engine-child.js");

/** Plans one cloud in a child process. */
export function planInChild(request: EngineRequest, timeoutMs = 180_000): Promise<EngineResult> {
    return new Promise((resolve) => {
        let settled = false;
        let stderr = "";
        const child = fork(CHILD, [], { stdio: ["ignore", "ignore", "pipe", "ipc"], env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "1" } });
        const finish = (r: EngineResult) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            resolve(r);
        };
        const timer = setTimeout(() => {
            child.kill();
            finish({ status: "failed", cloud: request.cloud, message: `planning ${request.cloud} took more than ${timeoutMs / 1000} s` });
        }, timeoutMs);
        child.stderr?.on("data", (d: Buffer) => void (stderr += d.toString()));
        child.on("message", (m: EngineResult) => finish(m));
        child.on("error", (e) => finish({ status: "failed", cloud: request.cloud, message: e.message }));
        child.on("exit", (code) => finish({ status: "failed", cloud: request.cloud, message: `the planning process exited with code ${code}${stderr ? `: ${stderr.trim().split("\n").slice(-1)[0]}` : ""}` }));
        child.send(request);
    });
}

/** Plans every cloud of `clouds`, in that order in the result. */
export async function planClouds(base: Omit<EngineRequest, "cloud">, clouds: CloudName[], progress?: PlanProgress): Promise<EngineResult[]> {
    const results: EngineResult[] = new Array(clouds.length);
    let next = 0;
    const worker = async () => {
        while (next < clouds.length) {
            const i = next++;
            progress?.(clouds[i], "started");
            results[i] = await planInChild({ ...base, cloud: clouds[i] });
            progress?.(clouds[i], "done");
        }
    };
    await Promise.all(Array.from({ length: Math.min(PLAN_CONCURRENCY, clouds.length) }, worker));
    return results;
}
