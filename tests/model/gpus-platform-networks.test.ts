/**
 * What the model reads of GPUs, platforms and internal networks, before any cloud decides.
 */
import { strict as assert } from "assert";
import { describeGpus, gpuFeatures, gpusFromCompose, otherDeviceFeatures } from "../../provider/src/model/gpus";
import { internalOnlyNetworks } from "../../provider/src/model/networks";
import { platformOf, runnableArchitecture } from "../../provider/src/model/platform";

const devices = (...d: Array<Record<string, unknown>>) => ({ resources: { reservations: { devices: d } } });

describe("GPUs of a service", function () {
    it("reads `gpus: all`, and `count: all` or the canonical -1, as all GPUs", function () {
        assert.deepEqual(gpusFromCompose({ gpus: "all" }), { count: "all", field: ["gpus"] });
        assert.equal(gpusFromCompose({ deploy: devices({ capabilities: ["gpu"], count: -1 }) })?.count, "all");
        assert.equal(gpusFromCompose({ deploy: devices({ capabilities: ["gpu"], count: "all" }) })?.count, "all");
        assert.equal(gpusFromCompose({ deploy: devices({ capabilities: ["gpu"] }) })?.count, "all", "no count and no device ids: every GPU, as docker does");
    });

    it("sums counts and device ids, keeps the driver and a type from options, and where it was written", function () {
        const g = gpusFromCompose({ gpus: [{ driver: "nvidia", count: 2, options: { "gpu-type": "nvidia-l4" } }], deploy: devices({ capabilities: ["gpu"], device_ids: ["0", "1"] }) });
        assert.deepEqual(g, { count: 4, driver: "nvidia", type: "nvidia-l4", deviceIds: ["0", "1"], field: ["gpus", 0] });
        assert.equal(describeGpus(g!), "4 GPUs, driver nvidia, type nvidia-l4, device_ids 0, 1");
    });

    it("gives each cloud its own GPU feature, and keeps devices that are not GPUs as host devices (never dropped)", function () {
        const g = gpusFromCompose({ gpus: "all" })!;
        assert.deepEqual(
            gpuFeatures(g),
            ["gpu", "gpu-fargate", "gpu-cloud-run"].map((feature) => ({ feature, field: ["gpus"], detail: "all GPUs" })),
        );
        assert.deepEqual(otherDeviceFeatures({ deploy: devices({ capabilities: ["gpu"] }, { capabilities: ["tpu"], count: 1 }) }), [
            { feature: "devices", field: ["deploy", "resources", "reservations", "devices", 1], detail: "capabilities tpu" },
        ]);
    });

    it("ignores devices that are not GPUs", function () {
        assert.equal(gpusFromCompose({ deploy: devices({ capabilities: ["tpu"], count: 1 }) }), undefined);
        assert.equal(gpusFromCompose({}), undefined);
    });
});

describe("the platform a service runs on", function () {
    it("knows Linux on x86-64 and arm64 only", function () {
        assert.equal(runnableArchitecture("linux/amd64"), "x86_64");
        assert.equal(runnableArchitecture("linux/arm64/v8"), "arm64");
        for (const p of ["windows/amd64", "linux/arm/v7", "linux/386", "linux/s390x", "linux/ppc64le", "linux/amd64/v2x/extra"]) assert.equal(runnableArchitecture(p), undefined, p);
    });

    it("takes `platform`, else the one entry of build.platforms, else linux/amd64 among several", function () {
        assert.deepEqual(platformOf({ platform: "linux/arm64" }), { architecture: "arm64", features: [{ feature: "arm64", field: ["platform"], detail: "linux/arm64" }] });
        assert.deepEqual(platformOf({ build: { context: ".", platforms: ["linux/arm64"] } }).architecture, "arm64");
        assert.deepEqual(platformOf({ build: { context: ".", platforms: ["linux/arm64", "linux/amd64"] } }), { architecture: "x86_64", features: [] });
        assert.deepEqual(platformOf({ build: { context: ".", platforms: ["linux/arm/v7"] } }).features, [{ feature: "platform", field: ["build", "platforms", 0], detail: "linux/arm/v7" }]);
        assert.deepEqual(platformOf({}), { architecture: "x86_64", features: [] });
    });
});

describe("internal networks", function () {
    const networks = { default: {}, backend: { internal: true }, more: { internal: true } };
    it("finds a service whose every network is internal; one also on a normal network keeps egress", function () {
        assert.deepEqual(internalOnlyNetworks({ networks: { more: null, backend: null } }, networks), ["backend", "more"]);
        assert.equal(internalOnlyNetworks({ networks: { default: null, backend: null } }, networks), undefined);
        assert.equal(internalOnlyNetworks({ networks: { default: null } }, networks), undefined);
    });
});
