/**
 * The Google Cloud example program (examples/gcp-typescript/index.ts), run under mocks.
 */
import { strict as assert } from "assert";
import * as path from "path";
import { REPO_ROOT } from "../support/corpus";
import { isSecretValue, MockRecorder, unwrapSecrets, useMocks, valueOf } from "../support/pulumi-mocks";

describe("the Google Cloud example program (examples/gcp-typescript)", function () {
    let recorder: MockRecorder;
    let exported: { endpoint: unknown };

    before(async function () {
        recorder = await useMocks({ "defang:provider": "gcp", "gcp:project": "example-project", "gcp:region": "us-central1", API_KEY: "api-key-value", POSTGRES_PASSWORD: "db-password-value" }, [
            "API_KEY",
            "POSTGRES_PASSWORD",
        ]);
        const cwd = process.cwd();
        process.chdir(path.join(REPO_ROOT, "examples/gcp-typescript"));
        try {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            exported = require(path.join(REPO_ROOT, "dist/examples/gcp-typescript/index.js"));
            await recorder.settle();
        } finally {
            process.chdir(cwd);
        }
    });

    it("creates the three components and the shared infrastructure, each resource under its component", function () {
        assert.equal(recorder.one("defang:index:DefangPostgres").name, "database");
        assert.equal(recorder.one("defang:index:DefangRedis").name, "cache");
        assert.equal(recorder.one("defang:index:DefangService").name, "app");
        assert.equal(recorder.one("defang:index:SharedInfrastructure").name, "defang");
        for (const r of recorder.registrations) {
            if (r.type.startsWith("defang:index:")) continue;
            assert.ok(/^(database|cache|app|defang)-/.test(r.name), `${r.type} ${r.name} is named after its component`);
            assert.ok(r.parentType, `${r.type} ${r.name} has a parent`);
        }
        assert.equal(recorder.one("gcp:sql/databaseInstance:DatabaseInstance").parentType, "defang:index:DefangPostgres");
        assert.equal(recorder.one("gcp:redis/instance:Instance").parentType, "defang:index:DefangRedis");
        assert.equal(recorder.one("gcp:cloudrunv2/service:Service").parentType, "defang:index:DefangService");
    });

    it("deploys PostgreSQL 17 on Cloud SQL with the password from config, as a secret", function () {
        const db = recorder.one("gcp:sql/databaseInstance:DatabaseInstance");
        assert.equal(db.inputs.databaseVersion, "POSTGRES_17");
        assert.ok(isSecretValue(db.inputs.rootPassword));
        assert.equal(unwrapSecrets(db.inputs.rootPassword), "db-password-value");
    });

    it("builds the app on Cloud Build and runs 2 instances with its URLs and API_KEY from Secret Manager", function () {
        const service = recorder.one("gcp:cloudrunv2/service:Service");
        const template = unwrapSecrets(service.inputs.template) as { scaling: unknown; containers: Array<{ image: string; envs: Array<{ name: string; value?: string; valueSource?: unknown }> }> };
        assert.deepEqual(template.scaling, { minInstanceCount: 2, maxInstanceCount: 2 });
        const c = template.containers[0];
        assert.match(c.image, /^us-central1-docker\.pkg\.dev\/example-project\/images-[0-9a-f]{6}\/app:[0-9a-f]+$/);
        assert.deepEqual(
            c.envs.find((e) => e.name === "NODE_ENV"),
            { name: "NODE_ENV", value: "production" },
        );
        assert.deepEqual(
            c.envs
                .filter((e) => e.valueSource)
                .map((e) => e.name)
                .sort(),
            ["API_KEY", "DATABASE_URL", "REDIS_URL"],
        );
        const url = recorder.ofType("gcp:secretmanager/secretVersion:SecretVersion").find((r) => r.name === "app-env-DATABASE_URL-value")!;
        assert.equal(unwrapSecrets(url.inputs.secretData), "postgres://postgres:db-password-value@10.20.0.3:5432/postgres?sslmode=require");
        assert.equal(recorder.ofType("pulumi-nodejs:dynamic:Resource").length, 1, "one Cloud Build run");
    });

    it("exports the service's HTTPS URL", async function () {
        assert.match(await valueOf(exported.endpoint as string), /^https:\/\/app-[0-9a-f]{6}-123456789012\.us-central1\.run\.app$/);
    });
});
