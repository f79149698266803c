/**
 * Plans clouds, each in a fresh child process running the embedded engine (the SDK's mock monitor
 * is process-global), at most two at a time. A child starts loading its cloud's SDK as soon as it
 * is started, so the CLI starts the first ones before it loads the compose project. A child that
 * dies or says nothing is reported as a failure of that cloud; the others are still planned.
 */
import { ChildProcess, fork } from "child_process";
import * as path from "path";
import { CloudName } from "../model/types";
import type { EngineRequest } from "./engine";
import { EngineResult } from "./types";

export type PlanProgress = (cloud: CloudName, state: "started" | "done") => void;

/** How many clouds are planned at the same time. */
export const PLAN_CONCURRENCY = 2;

/** How long one cloud may take. */
const TIMEOUT_MS = 180_000;

/** The engine's child script, next to this file (compiled). */
const CHILD = path.join(__dirname, "engine-child.js");

/** A child process that plans one cloud once it is given the project. */
export interface Planner {
    readonly cloud: CloudName;
    /** Sends the project and waits for the result. */
    run(base: Omit<EngineRequest, "cloud">): Promise<EngineResult>;
    /** Stops the child (when its cloud need not be planned after all). */
    cancel(): void;
}

/** Starts the child of `cloud`: it loads the cloud's backend and SDK while the caller gets the project ready. */
export function startPlanner(cloud: CloudName): Planner {
    let stderr = "";
    let result: EngineResult | undefined;
    let waiting: ((r: EngineResult) => void) | undefined;
    const child: ChildProcess = fork(CHILD, [cloud], { stdio: ["ignore", "ignore", "pipe", "ipc"], env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "1" } });
    const finish = (r: EngineResult) => {
        if (result) return;
        result = r;
        waiting?.(r);
    };
    child.stderr?.on("data", (d: Buffer) => void (stderr += d.toString()));
    child.on("message", (m: EngineResult) => finish(m));
    child.on("error", (e) => finish({ status: "failed", cloud, message: e.message }));
    child.on("exit", (code) => finish({ status: "failed", cloud, message: `the planning process exited with code ${code}${stderr ? `: ${stderr.trim().split("\n").slice(-1)[0]}` : ""}` }));
    return {
        cloud,
        run(base) {
            return new Promise((resolve) => {
                const timer = setTimeout(() => {
                    child.kill();
                    finish({ status: "failed", cloud, message: `planning ${cloud} took more than ${TIMEOUT_MS / 1000} s` });
                }, TIMEOUT_MS);
                waiting = (r) => {
                    clearTimeout(timer);
                    resolve(r);
                };
                if (result) return waiting(result);
                child.send({ ...base, cloud } satisfies EngineRequest);
            });
        },
        cancel() {
            if (!result) result = { status: "failed", cloud, message: "cancelled" };
            child.kill();
        },
    };
}

/** Starts the planners of the first clouds (as many as are planned at once). */
export function startPlanners(clouds: CloudName[]): Map<CloudName, Planner> {
    return new Map(clouds.slice(0, PLAN_CONCURRENCY).map((c) => [c, startPlanner(c)]));
}

/**
 * Plans every cloud of `clouds` (results in that order), using the planners already started and
 * cancelling those whose cloud is not in `clouds`.
 */
export async function planClouds(base: Omit<EngineRequest, "cloud">, clouds: CloudName[], progress?: PlanProgress, started = new Map<CloudName, Planner>()): Promise<EngineResult[]> {
    for (const [cloud, planner] of started) if (!clouds.includes(cloud)) planner.cancel();
    const results: EngineResult[] = new Array(clouds.length);
    // Clouds already started go first, so that no started child waits idle.
    const order = [...clouds.filter((c) => started.has(c)), ...clouds.filter((c) => !started.has(c))];
    let next = 0;
    const worker = async () => {
        for (let cloud = order[next++]; cloud !== undefined; cloud = order[next++]) {
            progress?.(cloud, "started");
            const planner = started.get(cloud) ?? startPlanner(cloud);
            results[clouds.indexOf(cloud)] = await planner.run(base);
            progress?.(cloud, "done");
        }
    };
    await Promise.all(Array.from({ length: Math.min(PLAN_CONCURRENCY, order.length) }, worker));
    return results;
}

/** Plans one cloud in a fresh child process. */
export function planInChild(request: EngineRequest): Promise<EngineResult> {
    const { cloud, ...base } = request;
    return startPlanner(cloud).run(base);
}
