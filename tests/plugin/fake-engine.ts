/**
 * A stand-in for the Pulumi engine, as a provider plugin sees it: an engine service (logs, the
 * root resource) and a resource monitor that records every registration and answers with
 * plausible outputs (`cannedState`, `cannedCall`). In preview mode it answers as the engine does
 * for resources to be created: inputs only, outputs left unknown.
 *
 * Built on the gRPC stubs that ship inside @pulumi/pulumi.
 */
import * as grpc from "@grpc/grpc-js";
import { cannedCall, cannedState } from "../../provider/src/offline/canned";

/* eslint-disable @typescript-eslint/no-require-imports */
const resrpc = require("@pulumi/pulumi/proto/resource_grpc_pb");
const resproto = require("@pulumi/pulumi/proto/resource_pb");
const enginerpc = require("@pulumi/pulumi/proto/engine_grpc_pb");
const engineproto = require("@pulumi/pulumi/proto/engine_pb");
const provproto = require("@pulumi/pulumi/proto/provider_pb");
const emptyproto = require("google-protobuf/google/protobuf/empty_pb");
const structproto = require("google-protobuf/google/protobuf/struct_pb");

export interface RecordedRegistration {
    type: string;
    name: string;
    urn: string;
    custom: boolean;
    parent: string;
    /** Inputs on the wire: secrets are `{ "4dabf18193072939515e22adb298388d": ..., value }` objects. */
    inputs: Record<string, unknown>;
    dependencies: string[];
}

export interface RecordedLog {
    severity: number;
    message: string;
    urn: string;
}

type Callback = (err: grpc.ServiceError | null, value?: unknown) => void;
type Call = { request: { [k: string]: () => unknown } & Record<string, unknown> };

export class FakeEngine {
    readonly registrations: RecordedRegistration[] = [];
    readonly outputs = new Map<string, Record<string, unknown>>();
    readonly logs: RecordedLog[] = [];
    readonly invokes: Array<{ token: string; args: Record<string, unknown> }> = [];
    /** Features the monitor says it supports. */
    features = new Set(["secrets", "resourceReferences"]);
    private server?: grpc.Server;
    private port = 0;

    constructor(
        readonly project: string,
        readonly stack: string,
        readonly dryRun: boolean,
    ) {}

    get address(): string {
        return `127.0.0.1:${this.port}`;
    }

    get stackUrn(): string {
        return `urn:pulumi:${this.stack}::${this.project}::pulumi:pulumi:Stack::${this.project}-${this.stack}`;
    }

    /** Serves both the engine and the monitor on one port. */
    async start(): Promise<void> {
        const server = new grpc.Server();
        server.addService(enginerpc.EngineService, this.engineService());
        server.addService(resrpc.ResourceMonitorService, this.monitorService());
        this.port = await new Promise<number>((resolve, reject) => server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
        this.server = server;
    }

    stop(): void {
        this.server?.forceShutdown();
    }

    byType(type: string): RecordedRegistration[] {
        return this.registrations.filter((r) => r.type === type);
    }

    byUrn(urn: string): RecordedRegistration | undefined {
        return this.registrations.find((r) => r.urn === urn);
    }

    /** Whether `urn` is `ancestor` or one of its descendants. */
    descendsFrom(urn: string, ancestor: string): boolean {
        for (let u: string | undefined = urn; u; u = this.byUrn(u)?.parent) if (u === ancestor) return true;
        return false;
    }

    private urnOf(type: string, name: string, parent: string): string {
        const parentType = parent && parent !== this.stackUrn ? parent.split("::")[2] : "";
        return `urn:pulumi:${this.stack}::${this.project}::${parentType ? `${parentType}$` : ""}${type}::${name}`;
    }

    private engineService(): grpc.UntypedServiceImplementation {
        return {
            log: (call: Call, cb: Callback) => {
                const r = call.request;
                this.logs.push({ severity: r.getSeverity() as number, message: r.getMessage() as string, urn: r.getUrn() as string });
                cb(null, new emptyproto.Empty());
            },
            getRootResource: (_call: Call, cb: Callback) => {
                const resp = new engineproto.GetRootResourceResponse();
                resp.setUrn(this.stackUrn);
                cb(null, resp);
            },
            setRootResource: (_call: Call, cb: Callback) => cb(null, new engineproto.SetRootResourceResponse()),
            startDebugging: (_call: Call, cb: Callback) => cb(null, new emptyproto.Empty()),
            requirePulumiVersion: (_call: Call, cb: Callback) => cb(null, new emptyproto.Empty()),
        };
    }

    private monitorService(): grpc.UntypedServiceImplementation {
        const unimplemented = (name: string) => (_call: Call, cb: Callback) => cb({ code: grpc.status.UNIMPLEMENTED, details: `${name} is not faked`, message: name, name, metadata: new grpc.Metadata() });
        return {
            supportsFeature: (call: Call, cb: Callback) => {
                const resp = new resproto.SupportsFeatureResponse();
                resp.setHassupport(this.features.has(call.request.getId() as string));
                cb(null, resp);
            },
            registerResource: (call: Call, cb: Callback) => {
                const r = call.request;
                const type = r.getType() as string;
                const name = r.getName() as string;
                const custom = r.getCustom() as boolean;
                const parent = (r.getParent() as string) || this.stackUrn;
                const urn = this.urnOf(type, name, parent);
                if (this.byUrn(urn)) {
                    cb({ code: grpc.status.ALREADY_EXISTS, details: `Duplicate resource URN '${urn}'`, message: "duplicate", name: "duplicate", metadata: new grpc.Metadata() });
                    return;
                }
                const object = r.getObject() as { toJavaScript(): Record<string, unknown> } | undefined;
                const inputs = object ? object.toJavaScript() : {};
                this.registrations.push({ type, name, urn, custom, parent, inputs, dependencies: r.getDependenciesList() as string[] });
                const resp = new resproto.RegisterResourceResponse();
                resp.setUrn(urn);
                if (custom) {
                    resp.setId(this.dryRun ? "" : `${name}-id`);
                    const state = this.dryRun ? inputs : cannedState(type, name, inputs);
                    resp.setObject(structproto.Struct.fromJavaScript(state));
                } else {
                    resp.setObject(structproto.Struct.fromJavaScript({}));
                }
                cb(null, resp);
            },
            registerResourceOutputs: (call: Call, cb: Callback) => {
                const r = call.request;
                const outputs = r.getOutputs() as { toJavaScript(): Record<string, unknown> } | undefined;
                this.outputs.set(r.getUrn() as string, outputs ? outputs.toJavaScript() : {});
                cb(null, new emptyproto.Empty());
            },
            invoke: (call: Call, cb: Callback) => {
                const r = call.request;
                const token = r.getTok() as string;
                const args = (r.getArgs() as { toJavaScript(): Record<string, unknown> } | undefined)?.toJavaScript() ?? {};
                this.invokes.push({ token, args });
                const resp = new provproto.InvokeResponse();
                resp.setReturn(structproto.Struct.fromJavaScript(cannedCall(token, args)));
                cb(null, resp);
            },
            getDeploymentInfo: unimplemented("getDeploymentInfo"),
            call: unimplemented("call"),
            readResource: unimplemented("readResource"),
            registerStackTransform: unimplemented("registerStackTransform"),
            registerStackInvokeTransform: unimplemented("registerStackInvokeTransform"),
            registerResourceHook: unimplemented("registerResourceHook"),
            registerErrorHook: unimplemented("registerErrorHook"),
            registerPackage: unimplemented("registerPackage"),
            signalAndWaitForShutdown: (_call: Call, cb: Callback) => cb(null, new emptyproto.Empty()),
        };
    }
}
