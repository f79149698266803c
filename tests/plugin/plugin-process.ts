/**
 * The built plugin as the engine runs it: a child process given the engine's address, whose first
 * line on stdout is the port it serves on; and a provider client to call it.
 */
import * as grpc from "@grpc/grpc-js";
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../support/corpus";

/* eslint-disable @typescript-eslint/no-require-imports */
const provrpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
const provproto = require("@pulumi/pulumi/proto/provider_pb");
const emptyproto = require("google-protobuf/google/protobuf/empty_pb");
const structproto = require("google-protobuf/google/protobuf/struct_pb");

/** The compiled plugin entry (tests run from dist/, after `npm run build`). */
export const PLUGIN_MAIN = path.join(REPO_ROOT, "dist", "provider", "cmd", "pulumi-resource-defang", "main.js");

/** The signature Pulumi puts on secret values on the wire. */
export const SECRET_SIG = "4dabf18193072939515e22adb298388d";
export const SECRET_VALUE_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function wireSecret(value: unknown): Record<string, unknown> {
    return { [SECRET_SIG]: SECRET_VALUE_SIG, value };
}

/** An output value on the wire (what an engine sends a provider that accepts outputs). */
export function wireOutput(value: unknown, opts: { secret?: boolean; dependencies?: string[] } = {}): Record<string, unknown> {
    return { [SECRET_SIG]: "d0e6a833031e9bbcd3f4e8bde6ca49a4", value, secret: !!opts.secret, dependencies: opts.dependencies ?? [] };
}

export function isWireSecret(v: unknown): v is { value: unknown } {
    return typeof v === "object" && v !== null && (v as Record<string, unknown>)[SECRET_SIG] === SECRET_VALUE_SIG;
}

export interface ConstructArgs {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
    config?: Record<string, string>;
    secretKeys?: string[];
    parent?: string;
    /**
     * Keys to write on the wire in place of placeholders of the same length in `inputs`: for keys a
     * JavaScript object cannot hold, e.g. `{ __PROTO__: "__proto__" }`.
     */
    wireKeys?: Record<string, string>;
}

export interface ConstructResult {
    urn: string;
    state: Record<string, unknown>;
}

/** `bytes` with every UTF-8 occurrence of each placeholder replaced by its key (of the same length). */
export function replaceKeys(bytes: Uint8Array, keys: Record<string, string>): Uint8Array {
    const out = Buffer.from(bytes);
    for (const [placeholder, key] of Object.entries(keys)) {
        const from = Buffer.from(placeholder);
        const to = Buffer.from(key);
        if (from.length !== to.length) throw new Error(`placeholder ${placeholder} and key ${key} differ in length`);
        for (let at = out.indexOf(from); at >= 0; at = out.indexOf(from, at + to.length)) to.copy(out, at);
    }
    return new Uint8Array(out);
}

export class PluginProcess {
    readonly stderr: string[] = [];
    readonly stdout: string[] = [];
    private client!: { [method: string]: (req: unknown, cb: (err: grpc.ServiceError | null, resp: unknown) => void) => void; close(): void };
    exit?: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

    private constructor(readonly child: ChildProcess) {}

    /** Starts the plugin with `engineAddress`, in `cwd` (the engine starts plugins in the program's directory). */
    static async start(engineAddress: string, cwd = REPO_ROOT, command: string[] = [process.execPath, PLUGIN_MAIN]): Promise<{ plugin: PluginProcess; port: number; startMs: number }> {
        if (!fs.existsSync(command[command.length - 1])) throw new Error(`${command[command.length - 1]} is missing: build first (npm run build)`);
        const started = process.hrtime.bigint();
        const child = spawn(command[0], [...command.slice(1), engineAddress], { cwd, stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, DEFANG_PROVIDER: "" } });
        const plugin = new PluginProcess(child);
        plugin.exit = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
        child.stderr!.on("data", (d) => plugin.stderr.push(String(d)));
        const port = await new Promise<number>((resolve, reject) => {
            let out = "";
            child.stdout!.on("data", (d) => {
                plugin.stdout.push(String(d));
                out += String(d);
                const line = out.split("\n")[0];
                if (out.includes("\n")) resolve(Number(line.trim()));
            });
            child.on("exit", (code) => reject(new Error(`plugin exited (${code}) before printing its port: ${plugin.stderr.join("")}`)));
        });
        const startMs = Number(process.hrtime.bigint() - started) / 1e6;
        plugin.client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        return { plugin, port, startMs };
    }

    private rpc<T>(method: string, req: unknown): Promise<T> {
        return new Promise((resolve, reject) => this.client[method](req, (err, resp) => (err ? reject(err) : resolve(resp as T))));
    }

    async getPluginInfo(): Promise<{ version: string }> {
        const resp = await this.rpc<{ getVersion(): string }>("getPluginInfo", new emptyproto.Empty());
        return { version: resp.getVersion() };
    }

    async getSchema(): Promise<string> {
        const req = new provproto.GetSchemaRequest();
        req.setVersion(0);
        const resp = await this.rpc<{ getSchema(): string }>("getSchema", req);
        return resp.getSchema();
    }

    async construct(engine: { address: string; project: string; stack: string; dryRun: boolean }, args: ConstructArgs): Promise<ConstructResult> {
        const req = new provproto.ConstructRequest();
        req.setProject(engine.project);
        req.setStack(engine.stack);
        req.setDryrun(engine.dryRun);
        req.setParallel(4);
        req.setMonitorendpoint(engine.address);
        req.setType(args.type);
        req.setName(args.name);
        if (args.parent) req.setParent(args.parent);
        req.setInputs(structproto.Struct.fromJavaScript(args.inputs));
        const config = req.getConfigMap();
        for (const [k, v] of Object.entries(args.config ?? {})) config.set(k, v);
        req.setConfigsecretkeysList(args.secretKeys ?? []);
        if (args.wireKeys) {
            const bytes = replaceKeys(req.serializeBinary() as Uint8Array, args.wireKeys);
            req.serializeBinary = () => bytes;
        }
        const resp = await this.rpc<{ getUrn(): string; getState(): { toJavaScript(): Record<string, unknown> } | undefined }>("construct", req);
        return { urn: resp.getUrn(), state: resp.getState()?.toJavaScript() ?? {} };
    }

    /** Ends the plugin as the engine does (closing its stdin), and waits for it to exit. */
    async release(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
        this.client.close();
        this.child.stdin!.end();
        return this.exit!;
    }
}
