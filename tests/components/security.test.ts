/**
 * Whole-stack checks over the shop example on AWS: secrets stay secret everywhere, IAM grants
 * nothing broad, and the same input gives the same registrations.
 */
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { WILDCARD_RESOURCE_ACTIONS } from "../../provider/src/clouds/aws/iam-wildcards";
import { DefangProject } from "../../provider/src/components/defang-project";
import { isSecretValue, MockRecorder, Registration, unwrapSecrets, useMocks } from "../support/pulumi-mocks";
import { SHOP, SHOP_CONFIG, SHOP_SECRETS } from "./defang-project.test";

/** Every place under `v` where a string contains one of `needles` outside a secret wrapper. */
function plaintext(v: unknown, needles: string[], where: string, out: string[]): string[] {
    if (isSecretValue(v)) return out;
    if (typeof v === "string") {
        for (const n of needles) if (v.includes(n)) out.push(`${where} contains the value of a secret`);
    } else if (Array.isArray(v)) v.forEach((x, i) => plaintext(x, needles, `${where}[${i}]`, out));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) plaintext(x, needles, `${where}.${k}`, out);
    return out;
}

/** IAM policy documents among the registered inputs. */
function policyDocuments(registrations: Registration[]): Array<{ where: string; doc: { Statement: Array<Record<string, unknown>> } }> {
    const out: Array<{ where: string; doc: { Statement: Array<Record<string, unknown>> } }> = [];
    for (const r of registrations) {
        if (!r.type.startsWith("aws:iam/")) continue;
        for (const key of ["policy", "assumeRolePolicy"]) {
            const raw = unwrapSecrets(r.inputs[key]);
            if (typeof raw !== "string" || raw === "") continue;
            out.push({ where: `${r.type} ${r.name}.${key}`, doc: JSON.parse(raw) });
        }
    }
    return out;
}

const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

describe("security of a whole stack (examples/shop on AWS)", function () {
    this.timeout(30000);
    let recorder: MockRecorder;
    let first: Registration[];

    before(async function () {
        recorder = await useMocks(SHOP_CONFIG, SHOP_SECRETS);
        new DefangProject("shop", { composeFile: SHOP });
        first = [...(await recorder.settle())];
    });

    it("never registers a secret config value outside a Pulumi secret, in inputs or outputs", function () {
        const values = SHOP_SECRETS.map((k) => SHOP_CONFIG[k as keyof typeof SHOP_CONFIG]);
        const leaks: string[] = [];
        for (const r of first) plaintext(r.inputs, values, `${r.type} ${r.name}`, leaks);
        const monitor = pulumi.runtime.getMonitor() as unknown as { resources: Map<string, { state?: { toJavaScript?: () => unknown } }> };
        for (const [urn, res] of monitor.resources) {
            const state = res.state && typeof res.state.toJavaScript === "function" ? res.state.toJavaScript() : res.state;
            plaintext(state, values, `outputs of ${urn}`, leaks);
        }
        assert.deepEqual(leaks, []);
        // The check itself finds a leak when there is one.
        assert.equal(plaintext({ a: ["x pg-secret-value y"] }, values, "probe", []).length, 1);
    });

    it("grants no IAM action \"*\", and Resource \"*\" only for the commented allow-list", function () {
        const docs = policyDocuments(first);
        assert.ok(docs.length >= 10, `found ${docs.length} policy documents`);
        const problems: string[] = [];
        for (const { where, doc } of docs) {
            for (const s of doc.Statement) {
                const actions = list(s.Action);
                if (actions.some((a) => a === "*" || a.endsWith(":*"))) problems.push(`${where}: action ${actions.join(",")}`);
                if (list(s.Resource).includes("*")) {
                    const broad = actions.filter((a) => !WILDCARD_RESOURCE_ACTIONS.has(a));
                    if (broad.length > 0) problems.push(`${where}: Resource "*" for ${broad.join(",")}`);
                }
                if (s.NotAction !== undefined || s.NotResource !== undefined) problems.push(`${where}: NotAction/NotResource`);
            }
        }
        assert.deepEqual(problems, []);
    });

    it("gives identical registrations for the same input", async function () {
        recorder.reset();
        new DefangProject("shop", { composeFile: SHOP });
        const second = await recorder.settle();
        const key = (rs: Registration[]) => rs.map((r) => JSON.stringify([r.type, r.name, r.inputs]));
        assert.equal(second.length, first.length);
        assert.deepEqual(key(second), key(first));
    });
});

describe("security of a whole stack (examples/shop on DigitalOcean)", function () {
    this.timeout(30000);
    const DO_CONFIG = { ...SHOP_CONFIG, "defang:provider": "digitalocean", DIGITALOCEAN_MODEL_ACCESS_KEY: "do-model-key-value" };
    const DO_SECRETS = [...SHOP_SECRETS, "DIGITALOCEAN_MODEL_ACCESS_KEY"];
    let recorder: MockRecorder;
    let first: Registration[];

    before(async function () {
        recorder = await useMocks(DO_CONFIG, DO_SECRETS);
        new DefangProject("shop", { composeFile: SHOP });
        first = [...(await recorder.settle())];
    });

    it("never registers a secret config value or a generated database password outside a Pulumi secret", function () {
        const values = [...DO_SECRETS.map((k) => DO_CONFIG[k as keyof typeof DO_CONFIG]), "AVNS_"];
        const leaks: string[] = [];
        for (const r of first) plaintext(r.inputs, values, `${r.type} ${r.name}`, leaks);
        assert.deepEqual(leaks, []);
        const app = first.find((r) => r.type === "digitalocean:index/app:App");
        assert.ok(app && isSecretValue(app.inputs.spec), "the App spec, which holds SECRET env values, is a secret");
    });

    it("gives every managed cluster a firewall that trusts the App and nothing else", function () {
        const clusters = first.filter((r) => r.type === "digitalocean:index/databaseCluster:DatabaseCluster");
        const firewalls = first.filter((r) => r.type === "digitalocean:index/databaseFirewall:DatabaseFirewall");
        assert.equal(clusters.length, 2);
        assert.deepEqual(firewalls.map((f) => f.inputs.clusterId).sort(), clusters.map((c) => `${c.name}-id`).sort());
        for (const f of firewalls) assert.deepEqual(f.inputs.rules, [{ type: "app", value: "shop-app-id" }]);
    });

    it("gives identical registrations for the same input", async function () {
        recorder.reset();
        new DefangProject("shop", { composeFile: SHOP });
        const second = await recorder.settle();
        // Registrations may reach the monitor in another order (the image builds serialize their provider first).
        const key = (rs: Registration[]) => rs.map((r) => JSON.stringify([r.type, r.name, r.inputs])).sort();
        assert.equal(second.length, first.length);
        assert.deepEqual(key(second), key(first));
    });
});
