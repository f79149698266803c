/**
 * The readers of what `@pulumi/pulumi` does not publish (`provider/src/util/sdk-internals.ts`),
 * run against the installed SDK: an upgrade that changes what they read fails here, naming the SDK
 * version, before it fails anywhere else.
 */
import { strict as assert } from "assert";
import * as grpc from "@grpc/grpc-js";
import * as pulumi from "@pulumi/pulumi";
import { SdkInternalsChanged, monitorTarget, privateOutputIsKnown, privateOutputValue, sdkVersion } from "../../provider/src/util/sdk-internals";
import { outputIsKnown, outputIsSecret, outputValue, unknownOutput } from "../../provider/src/util/output-state";
import { useMocks } from "../support/pulumi-mocks";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const resrpc = require("@pulumi/pulumi/proto/resource_grpc_pb") as { ResourceMonitorClient: new (address: string, credentials: grpc.ChannelCredentials) => grpc.Client };

const SDK = `@pulumi/pulumi ${sdkVersion()}`;

describe("SDK internals (provider/src/util/sdk-internals.ts)", function () {
    before(async function () {
        await useMocks();
    });

    it("names the installed SDK version", () => {
        assert.match(sdkVersion(), /^\d+\.\d+\.\d+/);
        assert.match(new SdkInternalsChanged("x").message, new RegExp(`^@pulumi/pulumi ${sdkVersion().replace(/\./g, "\\.")} changed x; update provider/src/util/sdk-internals.ts`));
    });

    it("reads whether an output is known, and its value", async () => {
        assert.strictEqual(await privateOutputIsKnown(pulumi.output("v")), true, `${SDK}: a plain output must read as known`);
        assert.strictEqual(await privateOutputValue(pulumi.output("v")), "v", `${SDK}: the value of an output`);
        assert.strictEqual(await privateOutputIsKnown(pulumi.secret("s")), true, `${SDK}: a secret output must read as known`);
        assert.strictEqual(await privateOutputValue(pulumi.secret("s")), "s", `${SDK}: the value of a secret output`);
        assert.strictEqual(await privateOutputIsKnown(pulumi.output("a").apply((v) => v + "b")), true, `${SDK}: an applied output must read as known`);
        assert.strictEqual(await privateOutputValue(pulumi.output("a").apply((v) => v + "b")), "ab", `${SDK}: the value of an applied output`);
    });

    it("reads an unknown output as not known, without a value", async () => {
        const unknown = unknownOutput();
        assert.strictEqual(await outputIsKnown(unknown), false, `${SDK}: pulumi.output(pulumi.unknown) must read as not known`);
        assert.strictEqual(await outputValue(unknown), undefined, `${SDK}: an unknown output has no value`);
        assert.strictEqual(await outputIsSecret(unknown), false);
        assert.strictEqual(await outputIsSecret(pulumi.secret("s")), true);
        assert.strictEqual(await outputIsKnown(unknown.apply((v) => v + "x")), false, `${SDK}: applying an unknown output stays unknown`);
    });

    it("refuses, naming the SDK version, an output whose private state has another shape", () => {
        const imitation = { apply: () => undefined } as unknown as pulumi.Output<unknown>;
        assert.throws(
            () => privateOutputIsKnown(imitation),
            (e: Error) => e instanceof SdkInternalsChanged && e.message.startsWith(`${SDK} changed the private state of Output`),
        );
        assert.throws(() => privateOutputValue(imitation), SdkInternalsChanged);
    });

    it("reads the address of a gRPC resource monitor client the SDK builds", () => {
        const client = new resrpc.ResourceMonitorClient("127.0.0.1:50123", grpc.credentials.createInsecure());
        try {
            const target = monitorTarget(client);
            assert.ok(target !== undefined && target.endsWith("127.0.0.1:50123"), `${SDK}: the monitor client's channel target, got ${String(target)}`);
        } finally {
            client.close();
        }
    });

    it("reads no address from the mock monitor, and refuses a monitor of another shape", () => {
        const monitor = pulumi.runtime.getMonitor();
        assert.ok(monitor, "the mock monitor is set");
        assert.strictEqual(monitorTarget(monitor), undefined);
        assert.throws(
            () => monitorTarget({ getChannel: 1 }),
            (e: Error) => e instanceof SdkInternalsChanged && e.message.startsWith(`${SDK} changed the resource monitor client`),
        );
        assert.throws(() => monitorTarget({ getChannel: () => ({}) }), /changed the resource monitor's gRPC channel \(no getTarget method\)/);
    });
});
