/**
 * Secret and config files of a service on Cloud Run, under mocks: one Secret Manager secret per
 * directory with a version per file (content a secret), readable by the service's account alone,
 * mounted as a secret volume at the directory with each file's name and mode; the same volumes for
 * a job and a worker pool. A missing config key refuses before anything is created.
 */
import { strict as assert } from "assert";
import * as os from "os";
import * as fs from "fs";
import * as path from "path";
import { deployGcpService } from "../../provider/src/clouds/gcp/compute/service";
import { ConfigValues } from "../../provider/src/clouds/config-values";
import { MissingConfigError } from "../../provider/src/model/errors";
import { FileMountModel, ServiceModel } from "../../provider/src/model/types";
import { GCP_TEST_CONFIG, gcpTestInfrastructure, TestComponent } from "../support/fake-gcp-infrastructure";
import { isSecretValue, MockRecorder, Registration, setConfig, unwrapSecrets, useMocks } from "../support/pulumi-mocks";
import { serviceModel } from "../support/service-model";

const CONFIG = { ...GCP_TEST_CONFIG, db_password: "db-file-secret-value", API_KEY: "api-file-secret-value" };
const SECRET_KEYS = ["db_password", "API_KEY"];

const T = {
    service: "gcp:cloudrunv2/service:Service",
    job: "gcp:cloudrunv2/job:Job",
    pool: "gcp:cloudrunv2/workerPool:WorkerPool",
    secret: "gcp:secretmanager/secret:Secret",
    version: "gcp:secretmanager/secretVersion:SecretVersion",
    member: "gcp:secretmanager/secretIamMember:SecretIamMember",
};

const LOCAL = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "defang-files-")), "tls.key");
fs.writeFileSync(LOCAL, "local-file-secret-value\n");

const FILES: FileMountModel[] = [
    { kind: "secret", name: "db_password", target: "/run/secrets/db_password", mode: 0o444, content: { kind: "config", key: "db_password" }, field: ["secrets", 0] },
    { kind: "secret", name: "api_key", target: "/run/secrets/api.key", mode: 0o400, content: { kind: "config", key: "API_KEY" }, field: ["secrets", 1] },
    { kind: "secret", name: "tls_key", target: "/etc/certs/tls.key", mode: 0o440, content: { kind: "local-file", path: LOCAL }, field: ["secrets", 2] },
    { kind: "config", name: "banner", target: "/config/banner.txt", mode: 0o444, content: { kind: "literal", value: "hello" }, field: ["configs", 0] },
];

function service(extra: Partial<ServiceModel> = {}): ServiceModel {
    return serviceModel({ ports: [{ target: 8080, mode: "ingress", protocol: "tcp" }], resources: { cpus: 1, memoryMiB: 512 }, files: FILES, ...extra });
}

interface Template {
    serviceAccount: string;
    volumes: Array<{ name: string; secret: { secret: string; items: Array<{ version: string; path: string; mode: number }> } }>;
    containers: Array<{ volumeMounts?: Array<{ name: string; mountPath: string }> }>;
}

describe("gcp: secret and config files", function () {
    this.timeout(20000);
    let recorder: MockRecorder;
    before(async function () {
        recorder = await useMocks(CONFIG, SECRET_KEYS);
    });
    beforeEach(function () {
        recorder.reset();
        setConfig(CONFIG, SECRET_KEYS);
    });

    function deploy(model: ServiceModel, name = "shop-web") {
        const parent = new TestComponent(name, recorder.opts());
        return deployGcpService({ name, model, parent, infra: gcpTestInfrastructure({ components: [model] }), config: new ConfigValues(), dependsOn: [] });
    }
    const inputs = (r: Registration) => unwrapSecrets(r.inputs) as Record<string, any>;

    it("keeps the files of each directory in one secret of the service, a version per file, each content a secret", async function () {
        deploy(service());
        await recorder.settle();
        const secrets = recorder.ofType(T.secret).filter((r) => r.name.startsWith("shop-web-files-"));
        assert.deepEqual(secrets.map((s) => s.name).sort(), ["shop-web-files-0", "shop-web-files-1", "shop-web-files-2"]);
        for (const s of secrets) assert.deepEqual(inputs(s).replication, { userManaged: { replicas: [{ location: "europe-west1" }] } });
        const versions = ["shop-web-secret-db_password", "shop-web-secret-api_key", "shop-web-secret-tls_key", "shop-web-config-banner"].map((n) => recorder.one(T.version, n));
        assert.deepEqual(
            versions.map((v) => inputs(v).secret),
            ["shop-web-files-0-id", "shop-web-files-0-id", "shop-web-files-1-id", "shop-web-files-2-id"],
        );
        assert.deepEqual(
            versions.map((v) => inputs(v).secretData),
            ["db-file-secret-value", "api-file-secret-value", "local-file-secret-value\n", "hello"],
        );
        for (const v of versions.slice(0, 3)) assert.ok(isSecretValue(v.inputs.secretData), `${v.name}: a secret's content is a Pulumi secret`);
    });

    it("lets the service's own account read those secrets, and nothing else", async function () {
        deploy(service());
        await recorder.settle();
        const members = recorder.ofType(T.member).filter((r) => r.name.startsWith("shop-web-files-"));
        assert.deepEqual(members.map((m) => m.name).sort(), ["shop-web-files-0-reader", "shop-web-files-1-reader", "shop-web-files-2-reader"]);
        const account = inputs(recorder.one("gcp:serviceaccount/account:Account", "shop-web-account"));
        for (const m of members) {
            const i = inputs(m);
            assert.equal(i.role, "roles/secretmanager.secretAccessor");
            assert.equal(i.member, `serviceAccount:${account.accountId}@my-project.iam.gserviceaccount.com`);
        }
        // Each grant is on the secret of its directory (the mock's secretId is the secret's logical name).
        for (const m of members) assert.equal(inputs(m).secretId, m.name.replace(/-reader$/, ""));
    });

    it("mounts a secret volume at each directory, with the files' names and modes", async function () {
        deploy(service());
        await recorder.settle();
        const template = unwrapSecrets(recorder.one(T.service).inputs.template) as Template;
        assert.deepEqual(
            template.volumes.map((v) => [v.name, v.secret.items.map((i) => [i.path, i.mode.toString(8)])]),
            [
                [
                    "files-0",
                    [
                        ["db_password", "444"],
                        ["api.key", "400"],
                    ],
                ],
                ["files-1", [["tls.key", "440"]]],
                ["files-2", [["banner.txt", "444"]]],
            ],
        );
        for (const v of template.volumes) for (const item of v.secret.items) assert.ok(item.version, "each item names its version");
        assert.deepEqual(template.containers[0].volumeMounts, [
            { name: "files-0", mountPath: "/run/secrets" },
            { name: "files-1", mountPath: "/etc/certs" },
            { name: "files-2", mountPath: "/config" },
        ]);
        const text = JSON.stringify(template);
        for (const value of ["db-file-secret-value", "api-file-secret-value", "local-file-secret-value"]) assert.ok(!text.includes(value), "no content in the service");
    });

    it("gives a job and a worker pool the same volumes", async function () {
        deploy(service({ lifecycle: "job", ports: [] }), "shop-migrate");
        deploy(service({ ports: [] }), "shop-worker");
        await recorder.settle();
        const job = unwrapSecrets(recorder.one(T.job).inputs.template) as { template: Template };
        assert.deepEqual(
            job.template.volumes.map((v) => v.name),
            ["files-0", "files-1", "files-2"],
        );
        assert.equal(job.template.containers[0].volumeMounts?.length, 3);
        const pool = unwrapSecrets(recorder.one(T.pool).inputs.template) as Template;
        assert.deepEqual(
            pool.volumes.map((v) => v.name),
            ["files-0", "files-1", "files-2"],
        );
        assert.equal(pool.containers[0].volumeMounts?.length, 3);
    });

    it("refuses a missing config key before creating anything, naming the command that sets it", async function () {
        setConfig({ ...GCP_TEST_CONFIG, db_password: "x" }, ["db_password"]);
        assert.throws(
            () => deploy(service()),
            (e: unknown) => e instanceof MissingConfigError && /pulumi config set --secret API_KEY <value>/.test(e.message),
        );
        await recorder.settle();
        assert.deepEqual(
            recorder.registrations.filter((r) => r.custom && r.name.startsWith("shop-web-")),
            [],
        );
    });
});
