/**
 * Whole-stack checks over the shop example on AWS: secrets stay secret everywhere, IAM grants
 * nothing broad, and the same input gives the same registrations.
 */
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import * as path from "path";
import { WILDCARD_RESOURCE_ACTIONS } from "../../provider/src/clouds/aws/iam/iam-wildcards";
import { PROJECT_ROLES } from "../../provider/src/clouds/gcp/iam/project-roles";
import { DefangProject } from "../../provider/src/components/defang-project";
import { REPO_ROOT } from "../support/corpus";
import { isSecretValue, MockRecorder, Registration, unwrapSecrets, useMocks, valueOf, DO_BUILDER_CONFIG, DO_BUILDER_SECRETS } from "../support/pulumi-mocks";
import { cannedClusterPassword } from "../../provider/src/offline/canned-digitalocean";
import { cannedFirestorePassword } from "../../provider/src/offline/canned-gcp";
import { BUILD_ARGS, BUILD_ARGS_CONFIG, BUILD_ARGS_SECRETS, NOTES, NOTES_CONFIG, NOTES_SECRETS, SHOP, SHOP_CONFIG, SHOP_SECRETS } from "../support/fixture-projects";

/** Every place under `v` where a string contains one of `needles` outside a secret wrapper. */
function plaintext(v: unknown, needles: string[], where: string, out: string[]): string[] {
    if (isSecretValue(v)) return out;
    if (typeof v === "string") {
        for (const n of needles) if (v.includes(n)) out.push(`${where} contains the value of a secret`);
    } else if (Array.isArray(v)) v.forEach((x, i) => plaintext(x, needles, `${where}[${i}]`, out));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) plaintext(x, needles, `${where}.${k}`, out);
    return out;
}

/** The public endpoints that are not HTTPS (private `name:port` endpoints and TCP/UDP/TLS ports are not HTTP). */
function plainHttpEndpoints(endpoints: Record<string, string[]>): string[] {
    const all = Object.entries(endpoints).flatMap(([service, list]) => list.map((e) => `${service}: ${e}`));
    assert.ok(
        all.some((e) => e.includes("https://")),
        `some public HTTP endpoint in ${all.join(", ")}`,
    );
    return all.filter((e) => e.includes("http://"));
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

/** Where a value of `values` appears outside a secret: in the registered inputs, or in the outputs the mock monitor stored. */
function stackLeaks(registrations: Registration[], values: string[]): string[] {
    const leaks: string[] = [];
    for (const r of registrations) plaintext(r.inputs, values, `${r.type} ${r.name}`, leaks);
    const monitor = pulumi.runtime.getMonitor() as unknown as { resources: Map<string, { state?: { toJavaScript?: () => unknown } }> };
    for (const [urn, res] of monitor.resources) {
        const state = res.state && typeof res.state.toJavaScript === "function" ? res.state.toJavaScript() : res.state;
        plaintext(state, values, `outputs of ${urn}`, leaks);
    }
    return leaks;
}

/**
 * The same project built a second time gives the same registrations (type, name, inputs); in the
 * same order unless `inAnyOrder` (image builds may reach the monitor in another order).
 */
function itRegistersIdentically(recorder: () => MockRecorder, first: () => Registration[], options: { inAnyOrder?: boolean } = {}): void {
    it("gives identical registrations for the same input", async function () {
        recorder().reset();
        new DefangProject("shop", { composeFile: SHOP });
        const second = await recorder().settle();
        const key = (rs: Registration[]) => {
            const keys = rs.map((r) => JSON.stringify([r.type, r.name, r.inputs]));
            return options.inAnyOrder ? keys.sort() : keys;
        };
        assert.equal(second.length, first().length);
        assert.deepEqual(key(second), key(first()));
    });
}

const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

describe("security of a whole stack (examples/shop on AWS)", function () {
    let recorder: MockRecorder;
    let first: Registration[];
    let project: DefangProject;

    before(async function () {
        recorder = await useMocks(SHOP_CONFIG, SHOP_SECRETS);
        project = new DefangProject("shop", { composeFile: SHOP });
        first = [...(await recorder.settle())];
    });

    it("serves every public HTTP endpoint over https:// by default", async function () {
        assert.deepEqual(plainHttpEndpoints(await valueOf(project.endpoints)), []);
    });

    it("never registers a secret config value outside a Pulumi secret, in inputs or outputs", function () {
        const values = SHOP_SECRETS.map((k) => SHOP_CONFIG[k as keyof typeof SHOP_CONFIG]);
        assert.deepEqual(stackLeaks(first, values), []);
        // The check itself finds a leak when there is one.
        assert.equal(plaintext({ a: ["x pg-secret-value y"] }, values, "probe", []).length, 1);
    });

    it('grants no IAM action "*", and Resource "*" only for the commented allow-list', function () {
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

    itRegistersIdentically(
        () => recorder,
        () => first,
    );
});

describe("security of a whole stack (examples/shop on DigitalOcean)", function () {
    // Local contexts are built in the account (the default builder), with the stack's API token.
    const DO_CONFIG = { ...SHOP_CONFIG, "defang:provider": "digitalocean", DIGITALOCEAN_MODEL_ACCESS_KEY: "do-model-key-value", ...DO_BUILDER_CONFIG };
    const DO_SECRETS = [...SHOP_SECRETS, "DIGITALOCEAN_MODEL_ACCESS_KEY", ...DO_BUILDER_SECRETS];
    let recorder: MockRecorder;
    let first: Registration[];
    let project: DefangProject;

    before(async function () {
        recorder = await useMocks(DO_CONFIG, DO_SECRETS);
        project = new DefangProject("shop", { composeFile: SHOP });
        first = [...(await recorder.settle())];
    });

    it("serves every public HTTP endpoint over https:// by default", async function () {
        assert.deepEqual(plainHttpEndpoints(await valueOf(project.endpoints)), []);
    });

    it("never registers a secret config value or a generated database password outside a Pulumi secret, in inputs or outputs", function () {
        const values = [...DO_SECRETS.map((k) => DO_CONFIG[k as keyof typeof DO_CONFIG]), "AVNS_"];
        assert.deepEqual(stackLeaks(first, values), []);
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

    it("keeps the clusters private: one VPC holds every cluster and the App, and services use the clusters' private hosts", function () {
        const vpcs = first.filter((r) => r.type === "digitalocean:index/vpc:Vpc");
        assert.equal(vpcs.length, 1);
        const vpcId = `${vpcs[0].name}-id`;
        const clusters = first.filter((r) => r.type === "digitalocean:index/databaseCluster:DatabaseCluster");
        for (const c of clusters) assert.equal(c.inputs.privateNetworkUuid, vpcId, `${c.name} is in the VPC`);
        const app = first.find((r) => r.type === "digitalocean:index/app:App")!;
        const spec = unwrapSecrets(app.inputs.spec) as { vpcs?: Array<{ id: string }>; services: Array<{ envs?: Array<{ key: string; value: string }> }> };
        assert.deepEqual(spec.vpcs, [{ id: vpcId }]);
        const values = spec.services.flatMap((s) => s.envs ?? []).map((e) => String(e.value));
        const clusterHosts = values.filter((v) => v.includes(".db.ondigitalocean.com"));
        assert.ok(clusterHosts.length >= 2, "services reference the clusters");
        for (const v of clusterHosts) assert.match(v, /@private-[\w.-]+\.db\.ondigitalocean\.com:/, "a cluster is referenced at its private host");
    });

    it("with defang:privateNetworking false, creates no VPC and services use the clusters' public hosts", async function () {
        recorder = await useMocks({ ...DO_CONFIG, "defang:privateNetworking": "false" }, DO_SECRETS);
        new DefangProject("shop", { composeFile: SHOP });
        const registrations = await recorder.settle();
        assert.equal(registrations.filter((r) => r.type === "digitalocean:index/vpc:Vpc").length, 0);
        for (const c of registrations.filter((r) => r.type === "digitalocean:index/databaseCluster:DatabaseCluster")) assert.equal(c.inputs.privateNetworkUuid, undefined);
        const app = registrations.find((r) => r.type === "digitalocean:index/app:App")!;
        const spec = unwrapSecrets(app.inputs.spec) as { vpcs?: unknown; services: Array<{ envs?: Array<{ value: string }> }> };
        assert.equal(spec.vpcs, undefined);
        const clusterHosts = spec.services
            .flatMap((s) => s.envs ?? [])
            .map((e) => String(e.value))
            .filter((v) => v.includes(".db.ondigitalocean.com"));
        assert.ok(clusterHosts.length >= 2);
        for (const v of clusterHosts) assert.match(v, /@shop-[\w.-]+\.db\.ondigitalocean\.com:/, "a cluster is referenced at its public host");
        assert.deepEqual(stackLeaks(registrations, [...DO_SECRETS.map((k) => DO_CONFIG[k as keyof typeof DO_CONFIG]), "AVNS_"]), []);
        // Back to the default config for the next test.
        recorder = await useMocks(DO_CONFIG, DO_SECRETS);
    });

    itRegistersIdentically(
        () => recorder,
        () => first,
        { inAnyOrder: true },
    );
});

describe("security of a whole stack (examples/shop on Google Cloud)", function () {
    const config = { ...SHOP_CONFIG, "defang:provider": "gcp", "gcp:project": "shop-project", "gcp:region": "us-central1" };
    let recorder: MockRecorder;
    let first: Registration[];
    let project: DefangProject;

    before(async function () {
        recorder = await useMocks(config, SHOP_SECRETS);
        project = new DefangProject("shop", { composeFile: SHOP });
        first = [...(await recorder.settle())];
    });

    it("serves every public HTTP endpoint over https:// by default", async function () {
        assert.deepEqual(plainHttpEndpoints(await valueOf(project.endpoints)), []);
    });

    it("never registers a secret config value outside a Pulumi secret, in inputs or outputs", function () {
        const values = SHOP_SECRETS.map((k) => SHOP_CONFIG[k as keyof typeof SHOP_CONFIG]);
        assert.deepEqual(stackLeaks(first, values), []);
        assert.ok(first.filter((r) => r.type === "gcp:secretmanager/secretVersion:SecretVersion").every((r) => isSecretValue(r.inputs.secretData)));
    });

    it("grants roles to single service accounts, on the named resource, or on the project only from the commented list", function () {
        const grants = first.filter((r) => /(Iam|IAM)(Member|Binding|Policy)$/.test(r.type));
        assert.ok(grants.length >= 8, `found ${grants.length} grants`);
        const problems: string[] = [];
        for (const g of grants) {
            const where = `${g.type} ${g.name}`;
            if (!/Member$/.test(g.type)) problems.push(`${where}: authoritative binding or policy`);
            if (!/^serviceAccount:[a-z][a-z0-9-]+@shop-project\.iam\.gserviceaccount\.com$/.test(String(g.inputs.member))) problems.push(`${where}: member ${g.inputs.member}`);
            const role = String(g.inputs.role);
            if (/roles\/(owner|editor|viewer)$|admin$/i.test(role)) problems.push(`${where}: broad role ${role}`);
            if (g.type === "gcp:projects/iAMMember:IAMMember" && !PROJECT_ROLES.has(role)) problems.push(`${where}: project-wide ${role}`);
        }
        assert.deepEqual(problems, []);
        // Each secret is readable by its own service's account only.
        for (const reader of first.filter((r) => r.type === "gcp:secretmanager/secretIamMember:SecretIamMember")) {
            const owner = reader.name.replace(/-env-.*$/, "");
            assert.equal(reader.inputs.secretId, reader.name.replace(/-reader$/, ""), `${reader.name} is on its own secret`);
            const account = first.find((r) => r.type === "gcp:serviceaccount/account:Account" && r.name === `${owner}-account`);
            assert.ok(account, `${owner} has its own account`);
            assert.equal(reader.inputs.member, `serviceAccount:${account!.inputs.accountId}@shop-project.iam.gserviceaccount.com`);
        }
        assert.equal(first.filter((r) => r.type === "gcp:serviceaccount/account:Account" && r.name.endsWith("-account")).length, 4, "one account per service");
        // Vertex AI only for the model-using service.
        const vertex = first.filter((r) => r.inputs.role === "roles/aiplatform.user");
        assert.deepEqual(
            vertex.map((r) => r.name),
            ["shop-assistant-vertex-ai"],
        );
    });

    it("makes only ingress services public, and keeps data stores private, encrypted and authenticated", function () {
        const services = first.filter((r) => r.type === "gcp:cloudrunv2/service:Service");
        assert.deepEqual(Object.fromEntries(services.map((r) => [r.name, r.inputs.ingress])), {
            "shop-assistant-service": "INGRESS_TRAFFIC_INTERNAL_ONLY",
            "shop-api-service": "INGRESS_TRAFFIC_ALL",
            "shop-web-service": "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER",
        });
        assert.ok(!first.some((r) => /allUsers|allAuthenticatedUsers/.test(JSON.stringify(r.inputs))), "no grant to everyone");
        const sql = unwrapSecrets(first.find((r) => r.type === "gcp:sql/databaseInstance:DatabaseInstance")!.inputs.settings) as { ipConfiguration: { ipv4Enabled: boolean; sslMode: string } };
        assert.equal(sql.ipConfiguration.ipv4Enabled, false);
        assert.equal(sql.ipConfiguration.sslMode, "ENCRYPTED_ONLY");
        const cache = first.find((r) => r.type === "gcp:redis/instance:Instance")!;
        assert.equal(cache.inputs.authEnabled, true);
        assert.equal(cache.inputs.transitEncryptionMode, "SERVER_AUTHENTICATION");
        const bucket = first.find((r) => r.type === "gcp:storage/bucket:Bucket")!;
        assert.equal(bucket.inputs.publicAccessPrevention, "enforced");
    });

    itRegistersIdentically(
        () => recorder,
        () => first,
    );
});

describe("security of a whole stack with managed MongoDB (tests/fixtures/mongo on each cloud)", function () {
    const clouds: Array<{ cloud: string; config: Record<string, string>; generated: string }> = [
        // AWS takes the configured password; the others generate one, which must stay secret too.
        { cloud: "aws", config: { "defang:provider": "aws" }, generated: "generated-password-0123456789" },
        { cloud: "gcp", config: { "defang:provider": "gcp", "gcp:project": "notes-project", "gcp:region": "us-central1" }, generated: cannedFirestorePassword("notes-mongo-user") },
        { cloud: "digitalocean", config: { "defang:provider": "digitalocean" }, generated: cannedClusterPassword("notes-mongo-cluster") },
    ];
    for (const { cloud, config, generated } of clouds) {
        it(`on ${cloud}: never registers the database password (configured or generated) outside a Pulumi secret, in inputs or outputs`, async function () {
            const recorder = await useMocks({ ...NOTES_CONFIG, ...config }, NOTES_SECRETS);
            new DefangProject("notes", { composeFile: NOTES });
            const registrations = await recorder.settle();
            assert.ok(
                registrations.some((r) => /docdb|firestore|databaseCluster/.test(r.type)),
                "the managed database is registered",
            );
            assert.deepEqual(stackLeaks(registrations, [NOTES_CONFIG.MONGO_INITDB_ROOT_PASSWORD, generated]), []);
        });
    }
});

describe("security of a whole stack with secret and config files (tests/fixtures/file-mounts)", function () {
    const FILES_PROJECT = path.join(REPO_ROOT, "tests/fixtures/file-mounts/compose.yaml");
    const FILE_SECRETS = { db_password: "db-file-secret-value", API_KEY: "api-file-secret-value" };
    // The opted-in local file's content (tls.key) is a secret too.
    const VALUES = [...Object.values(FILE_SECRETS), "local-file-secret-value"];
    const clouds = {
        aws: { "defang:provider": "aws" },
        gcp: { "defang:provider": "gcp", "gcp:project": "shop-project", "gcp:region": "us-central1" },
    };
    for (const [cloud, settings] of Object.entries(clouds)) {
        it(`on ${cloud}: never registers a secret file's content outside a Pulumi secret, in inputs or outputs`, async function () {
            const recorder = await useMocks({ ...settings, ...FILE_SECRETS }, Object.keys(FILE_SECRETS));
            new DefangProject("files", { composeFile: FILES_PROJECT });
            const registrations = await recorder.settle();
            assert.ok(registrations.length > 10, `${registrations.length} registrations`);
            assert.deepEqual(stackLeaks(registrations, VALUES), []);
            // The contents did reach the stack: as secrets.
            const holders = registrations.filter((r) => r.type === "aws:ssm/parameter:Parameter" || r.type === "gcp:secretmanager/secretVersion:SecretVersion");
            const held = holders.map((r) => JSON.stringify(unwrapSecrets(r.inputs)));
            for (const v of VALUES)
                assert.ok(
                    held.some((h) => h.includes(v)),
                    `${v} is stored`,
                );
        });
    }
});

describe("security of a whole stack with build arguments read from config (tests/fixtures/build-args on each cloud)", function () {
    const clouds: Array<{ cloud: string; config: Record<string, string> }> = [
        { cloud: "aws", config: { "defang:provider": "aws" } },
        { cloud: "gcp", config: { "defang:provider": "gcp", "gcp:project": "shop-project", "gcp:region": "us-central1" } },
        { cloud: "digitalocean", config: { "defang:provider": "digitalocean", ...DO_BUILDER_CONFIG } },
    ];
    for (const { cloud, config } of clouds) {
        it(`on ${cloud}: never registers a build argument's value outside a Pulumi secret, in inputs or outputs`, async function () {
            const recorder = await useMocks({ ...BUILD_ARGS_CONFIG, ...config }, BUILD_ARGS_SECRETS);
            new DefangProject("shop", { composeFile: BUILD_ARGS });
            const registrations = await recorder.settle();
            assert.ok(
                registrations.some((r) => r.name.endsWith("-image")),
                "the image build is registered",
            );
            assert.deepEqual(stackLeaks(registrations, Object.values(BUILD_ARGS_CONFIG)), []);
        });
    }
});
