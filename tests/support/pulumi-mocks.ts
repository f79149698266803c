/**
 * Runs Pulumi programs in-process under `pulumi.runtime.setMocks`, recording every registration
 * (type, name, inputs with secrets marked, parent) for assertions.
 *
 * `setMocks` is global: call `useMocks()` in each suite's `before()`, and `reset()` between tests.
 * The mock monitor does not tell `newResource` the parent, so parents are recorded by a resource
 * transformation that the top component passes down to all of its descendants (`opts()`), and the
 * parent's type is also read from each URN.
 */
import * as pulumi from "@pulumi/pulumi";
import { cannedCall, cannedState } from "../../provider/src/offline/canned";

export interface Registration {
    type: string;
    name: string;
    custom: boolean;
    /** Inputs as registered; secrets are `{ [SECRET]: value }` wrappers (see `isSecretValue`). */
    inputs: Record<string, unknown>;
    /** The parent's logical name, when known (descendants of a tracked component). */
    parent?: string;
    parentType?: string;
    urn?: string;
}

export { SECRET_SIG, isSecretValue, unwrapSecrets } from "../../provider/src/offline/secret-values";

export class MockRecorder implements pulumi.runtime.Mocks {
    registrations: Registration[] = [];
    calls: Array<{ token: string; inputs: Record<string, unknown> }> = [];
    /** The URNs each resource was registered as depending on, by `<type>::<name>` (see `dependsOnUrns`). */
    readonly dependencies = new Map<string, string[]>();
    private parents = new Map<string, string | undefined>();

    newResource(args: pulumi.runtime.MockResourceArgs): pulumi.runtime.MockResourceResult {
        this.registrations.push({ type: args.type, name: args.name, custom: !!args.custom, inputs: args.inputs });
        return { id: args.custom ? `${args.name}-id` : undefined, state: cannedState(args.type, args.name, args.inputs) };
    }

    call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
        this.calls.push({ token: args.token, inputs: args.inputs });
        return cannedCall(args.token, args.inputs);
    }

    /** Resource options that record the parent of the component and all its descendants. */
    opts(extra: pulumi.ComponentResourceOptions = {}): pulumi.ComponentResourceOptions {
        const transformation: pulumi.ResourceTransformation = (args) => {
            const parent = args.opts.parent as (pulumi.Resource & { __pulumiResourceName?: string }) | undefined;
            this.parents.set(`${args.type}::${args.name}`, parent ? resourceName(parent) : undefined);
            return undefined;
        };
        return { ...extra, transformations: [transformation, ...(extra.transformations ?? [])] };
    }

    /** The URNs `type::name` was registered as depending on (its explicit and implied dependencies, components expanded). */
    dependsOnUrns(type: string, name: string): string[] {
        return this.dependencies.get(`${type}::${name}`) ?? [];
    }

    /** Clears what was recorded (the mocks stay installed). */
    reset(): void {
        this.registrations = [];
        this.calls = [];
        this.dependencies.clear();
        this.parents.clear();
    }

    /**
     * Waits until every registration started so far has reached the mock monitor (the SDK's own
     * queue of pending calls has drained: an event, not a timer), and fills in parents.
     */
    async settle(): Promise<Registration[]> {
        const runtime = pulumi.runtime as unknown as { waitForRPCs(): Promise<void> };
        for (let n = -1; n !== this.registrations.length;) {
            n = this.registrations.length;
            await runtime.waitForRPCs();
            // Outputs resolved by the last calls may start registrations on the next turn.
            await new Promise((r) => setImmediate(r));
        }
        const monitor = pulumi.runtime.getMonitor() as unknown as { resources?: Map<string, unknown> };
        const urnOf = urnsByTypeAndName(monitor.resources?.keys() ?? []);
        for (const r of this.registrations) {
            const key = `${r.type}::${r.name}`;
            if (this.parents.has(key)) r.parent = this.parents.get(key);
            r.urn = urnOf.get(key);
            const chain = r.urn?.split("::")[2].split("$") ?? [];
            r.parentType = chain.length > 1 ? chain[chain.length - 2] : undefined;
        }
        return this.registrations;
    }

    ofType(type: string): Registration[] {
        return this.registrations.filter((r) => r.type === type);
    }

    one(type: string, name?: string): Registration {
        const found = this.registrations.filter((r) => r.type === type && (name === undefined || r.name === name));
        if (found.length !== 1) {
            throw new Error(
                `expected one ${type}${name ? ` named ${name}` : ""}, found ${found.length}: ${this.registrations
                    .filter((r) => r.type === type)
                    .map((r) => r.name)
                    .join(", ")}`,
            );
        }
        return found[0];
    }
}

/** Each URN by `<type>::<name>` (the first one, when two resources share both), in one pass. */
function urnsByTypeAndName(urns: Iterable<string>): Map<string, string> {
    const byKey = new Map<string, string>();
    for (const urn of urns) {
        const parts = urn.split("::");
        const key = `${parts[2].split("$").pop()}::${parts.slice(3).join("::")}`;
        if (!byKey.has(key)) byKey.set(key, urn);
    }
    return byKey;
}

function resourceName(r: pulumi.Resource): string | undefined {
    // The logical name is kept by the SDK on the resource object.
    return (r as unknown as { __name?: string }).__name;
}

let installed: MockRecorder | undefined;

/**
 * Installs mocks (once per process: `setMocks` is global) with `config` as the stack's config
 * (keys without a namespace are put in the project's), and `secretKeys` marked secret.
 */
export async function useMocks(config: Record<string, string> = {}, secretKeys: string[] = [], project = "project"): Promise<MockRecorder> {
    const recorder = installed ?? new MockRecorder();
    installed = recorder;
    recorder.reset();
    setConfig(config, secretKeys, project);
    await pulumi.runtime.setMocks(recorder, project, "stack", false);
    recordDependencies(recorder);
    return recorder;
}

/** The mock monitor does not pass dependencies to `newResource`: they are read from each registration request. */
function recordDependencies(recorder: MockRecorder): void {
    type Request = { getType(): string; getName(): string; getDependenciesList(): string[] };
    const monitor = pulumi.runtime.getMonitor() as unknown as { registerResource(req: Request, callback: unknown): unknown };
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, callback) => {
        recorder.dependencies.set(`${req.getType()}::${req.getName()}`, req.getDependenciesList());
        return register(req, callback);
    };
}

/** Replaces the stack config. */
export function setConfig(config: Record<string, string>, secretKeys: string[] = [], project = "project"): void {
    const qualify = (k: string) => (k.includes(":") ? k : `${project}:${k}`);
    const all: Record<string, string> = {};
    for (const [k, v] of Object.entries(config)) all[qualify(k)] = v;
    pulumi.runtime.setAllConfig(all, secretKeys.map(qualify));
}

/** The value of an output (waits for it). */
export function valueOf<T>(o: pulumi.Input<T>): Promise<T> {
    return new Promise((resolve) => pulumi.output(o).apply((v) => resolve(v as T)));
}

/** Whether an output is secret. */
export function isSecretOutput(o: pulumi.Output<unknown>): Promise<boolean> {
    return pulumi.isSecret(o);
}

/** What DigitalOcean's remote builder (the default for local build contexts) needs in a stack: an API token and Spaces keys. */
export const DO_BUILDER_CONFIG = {
    "digitalocean:token": "dop_v1_stack_token_value",
    "digitalocean:spacesAccessId": "DO00SPACESACCESSID",
    "digitalocean:spacesSecretKey": "spaces-secret-key-value",
} as const;
/** Its secret keys. */
export const DO_BUILDER_SECRETS = ["digitalocean:token", "digitalocean:spacesSecretKey"];
