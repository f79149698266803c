/**
 * The embedded engine: runs `DefangProject` for one cloud in this process under the Pulumi SDK's
 * mock monitor (no Pulumi CLI, no credentials), answering each registration with plausible cloud
 * outputs (provider/src/offline), and records every resource with its parent and its inputs
 * (secrets redacted).
 *
 * `setMocks` is process-global: one engine run per process. The CLI runs each cloud in its own
 * child process (see runner.ts); this module loads `@pulumi/pulumi` and is never imported by the
 * CLI's other commands.
 */
import * as pulumi from "@pulumi/pulumi";
import { backendFor } from "../clouds/registry";
import { ComposeProject } from "../compose/types";
import { CloudName } from "../model/types";
import { cannedCall, cannedState } from "../offline/canned";
import { useCannedAwsRegion } from "../offline/canned-aws";
import { CLOUD_CONFIG, planConfig } from "./engine-config";
import { classifyError } from "./errors";
import { recorded } from "./properties/recorded";
import { redact } from "./redact";
import { EngineResult, RecordedResource } from "./types";

export interface EngineRequest {
    cloud: CloudName;
    /** The canonical compose project (as `pulumi-defang config --format json` prints it). */
    project: ComposeProject;
    /** The project directory: build contexts are read from here. */
    workingDir: string;
    /** Sensitive config keys the stack needs (the verdict's, for every cloud planned): each gets a placeholder. */
    configKeys: string[];
}

interface Registration {
    type: string;
    name: string;
    custom: boolean;
    inputs: Record<string, unknown>;
}

class Recorder implements pulumi.runtime.Mocks {
    readonly registrations: Registration[] = [];
    readonly parents = new Map<string, string | undefined>();
    /** The name of every resource the transformation saw, so that a child finds its parent's. */
    private readonly names = new WeakMap<pulumi.Resource, string>();

    newResource(args: pulumi.runtime.MockResourceArgs): pulumi.runtime.MockResourceResult {
        this.registrations.push({ type: args.type, name: args.name, custom: !!args.custom, inputs: args.inputs as Record<string, unknown> });
        return { id: args.custom ? `${args.name}-id` : undefined, state: cannedState(args.type, args.name, args.inputs as Record<string, unknown>) };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
        return cannedCall(args.token, args.inputs as Record<string, unknown>);
    }

    /** Records each resource's parent: transformations pass from a component to all its descendants. */
    readonly transformation: pulumi.ResourceTransformation = (args) => {
        this.names.set(args.resource, args.name);
        const parent = args.opts.parent;
        this.parents.set(`${args.type}::${args.name}`, parent ? this.names.get(parent) : undefined);
        return undefined;
    };

    /** Waits until no registration has arrived for a few turns of the event loop. */
    async settle(): Promise<void> {
        let stable = 0;
        for (let i = 0, n = -1; i < 2000 && stable < 3; i++) {
            stable = n === this.registrations.length ? stable + 1 : 0;
            n = this.registrations.length;
            await new Promise((r) => setTimeout(r, 10));
        }
    }
}

/** Runs the project on `request.cloud` and returns what was registered, or why nothing could be. */
export async function runEngine(request: EngineRequest): Promise<EngineResult> {
    const { cloud } = request;
    const started = Date.now();
    try {
        backendFor(cloud);
    } catch (e) {
        return { status: "unavailable", cloud, message: (e as Error).message };
    }
    // Placeholder addresses and ARNs name the region the prices are for.
    useCannedAwsRegion(CLOUD_CONFIG.aws["aws:region"]);
    const recorder = new Recorder();
    const projectName = request.project.name || "project";
    const { config, secrets } = planConfig(cloud, projectName, request.configKeys);
    pulumi.runtime.setAllConfig(config, secrets);
    await pulumi.runtime.setMocks(recorder, projectName, "plan", false);

    const asyncErrors: unknown[] = [];
    const onRejection = (e: unknown) => void asyncErrors.push(e);
    process.on("unhandledRejection", onRejection);
    try {
        // Loaded only now: the components pull in the cloud's SDK through the backend registry.
        const { DefangProject } = require("../components/defang-project") as typeof import("../components/defang-project");
        const app = new DefangProject(projectName, { provider: cloud, project: request.project, workingDir: request.workingDir }, { transformations: [recorder.transformation] });
        const endpoints = await new Promise<Record<string, string[]>>((resolve) => app.endpoints.apply((v) => resolve(v)));
        await recorder.settle();
        if (asyncErrors.length > 0) throw asyncErrors[0];
        const resources: RecordedResource[] = recorder.registrations.map((r) => ({
            type: r.type,
            name: r.name,
            custom: r.custom,
            parent: recorder.parents.get(`${r.type}::${r.name}`),
            inputs: recorded(redact(r.inputs) as Record<string, unknown>),
        }));
        return { status: "planned", cloud, resources, endpoints: redact(endpoints) as Record<string, string[]>, elapsedMs: Date.now() - started };
    } catch (e) {
        return classifyError(cloud, e);
    } finally {
        process.off("unhandledRejection", onRejection);
    }
}
