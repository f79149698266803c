/**
 * The program of the design guide, verbatim (examples/aws-typescript/index.ts), run under mocks.
 */
import { strict as assert } from "assert";
import * as path from "path";
import { REPO_ROOT } from "../support/corpus";
import { MockRecorder, unwrapSecrets, useMocks, valueOf } from "../support/pulumi-mocks";

describe("the design guide's program (examples/aws-typescript)", function () {
    let recorder: MockRecorder;
    let exported: { endpoint: unknown };

    before(async function () {
        recorder = await useMocks({ "defang:provider": "aws", API_KEY: "api-key-value", POSTGRES_PASSWORD: "db-password-value" }, ["API_KEY", "POSTGRES_PASSWORD"]);
        const cwd = process.cwd();
        process.chdir(path.join(REPO_ROOT, "examples/aws-typescript"));
        try {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            exported = require(path.join(REPO_ROOT, "dist/examples/aws-typescript/index.js"));
            await recorder.settle();
        } finally {
            process.chdir(cwd);
        }
    });

    it("creates the two components and the shared infrastructure, with children parented to them", function () {
        assert.equal(recorder.one("defang:index:DefangPostgres").name, "database");
        assert.equal(recorder.one("defang:index:DefangService").name, "app");
        assert.equal(recorder.one("defang:index:SharedInfrastructure").name, "defang");
        for (const r of recorder.registrations) {
            if (r.type.startsWith("defang:index:")) continue;
            assert.ok(/^(database|app|defang)-/.test(r.name), `${r.type} ${r.name} is named after its component`);
            assert.ok(r.parentType, `${r.type} ${r.name} has a parent`);
        }
        assert.equal(recorder.one("aws:rds/instance:Instance").parentType, "defang:index:DefangPostgres");
        assert.equal(recorder.one("aws:ecs/service:Service").parentType, "defang:index:DefangService");
    });

    it("deploys PostgreSQL 18 with the password from config, as a secret", function () {
        const db = recorder.one("aws:rds/instance:Instance");
        assert.match(String(db.inputs.engineVersion), /^18/);
        assert.equal(unwrapSecrets(db.inputs.password), "db-password-value");
        assert.notEqual(db.inputs.password, "db-password-value", "the password reaches the provider as a secret");
    });

    it("builds the app from ./app and runs 2 replicas of 0.5 vCPU with API_KEY from the secret store", function () {
        const service = recorder.one("aws:ecs/service:Service");
        assert.equal(service.inputs.desiredCount, 2);
        const task = recorder.one("aws:ecs/taskDefinition:TaskDefinition");
        assert.equal(task.inputs.cpu, "512");
        const containers = JSON.parse(String(unwrapSecrets(task.inputs.containerDefinitions))) as Array<{
            environment: Array<{ name: string; value: string }>;
            secrets: Array<{ name: string }>;
            portMappings: Array<{ containerPort: number }>;
        }>;
        assert.deepEqual(
            containers[0].environment.find((e) => e.name === "NODE_ENV"),
            { name: "NODE_ENV", value: "production" },
        );
        assert.deepEqual(
            containers[0].secrets.map((s) => s.name),
            ["API_KEY"],
        );
        assert.equal(containers[0].portMappings[0].containerPort, 8080);
        assert.ok(recorder.ofType("aws:codebuild/project:Project").length === 1, "a CodeBuild project builds the image");
    });

    it("exports the endpoint of the ingress port: https:// at its CloudFront distribution", async function () {
        const endpoint = await valueOf(exported.endpoint as string);
        assert.match(endpoint, /^https:\/\/d[0-9a-f]+\.cloudfront\.net$/);
    });
});
