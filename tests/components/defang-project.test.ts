/**
 * `DefangProject` over the bundled shop example (examples/shop/compose.yaml) on AWS, under mocks.
 */
import { strict as assert } from "assert";
import * as path from "path";
import { DefangProject } from "../../provider/src/components/defang-project";
import { MissingConfigError, UnsupportedFeaturesError } from "../../provider/src/model/errors";
import { REPO_ROOT } from "../support/corpus";
import { MockRecorder, setConfig, useMocks, valueOf } from "../support/pulumi-mocks";
import { SHOP, SHOP_CONFIG, SHOP_SECRETS } from "../support/fixture-projects";

describe("DefangProject on AWS (examples/shop)", function () {
    let recorder: MockRecorder;
    let project: DefangProject;

    before(async function () {
        recorder = await useMocks(SHOP_CONFIG, SHOP_SECRETS);
        project = new DefangProject("shop", { composeFile: SHOP }, recorder.opts());
        await recorder.settle();
    });

    it("creates one component per compose service, of the kind its extensions say, named <project>-<service>", function () {
        const members = recorder.registrations.filter((r) => r.type.startsWith("defang:index:") && r.type !== "defang:index:DefangProject");
        assert.deepEqual(members.map((r) => `${r.type.replace("defang:index:", "")} ${r.name}`).sort(), [
            "DefangLLM shop-assistant",
            "DefangPostgres shop-db",
            "DefangRedis shop-cache",
            "DefangService shop-api",
            "DefangService shop-web",
            "DefangService shop-worker",
        ]);
        for (const m of members) assert.equal(m.parent, "shop");
    });

    it("parents every resource to the project or one of its components, named after its parent", function () {
        const names = new Set(recorder.registrations.map((r) => r.name));
        for (const r of recorder.registrations) {
            if (r.name === "shop") continue;
            assert.ok(r.parent && names.has(r.parent), `${r.type} ${r.name} has a registered parent (got ${r.parent})`);
            assert.ok(r.name.startsWith(`${r.parent}-`), `${r.type} ${r.name} is named ${r.parent}-<role>`);
        }
    });

    it("creates the shared infrastructure once, and the managed services before the services that depend on them", function () {
        assert.equal(recorder.ofType("aws:ec2/vpc:Vpc").length, 1);
        assert.equal(recorder.ofType("aws:ecs/cluster:Cluster").length, 1);
        assert.equal(recorder.ofType("aws:lb/loadBalancer:LoadBalancer").length, 1);
        const index = (name: string) => recorder.registrations.findIndex((r) => r.name === name);
        assert.ok(index("shop-db") < index("shop-api") && index("shop-cache") < index("shop-api") && index("shop-api") < index("shop-web"));
        assert.equal(recorder.ofType("aws:ecs/service:Service").length, 4);
        assert.equal(recorder.ofType("aws:rds/instance:Instance").length, 1);
        assert.equal(recorder.ofType("aws:elasticache/replicationGroup:ReplicationGroup").length, 1);
        assert.equal(recorder.ofType("aws:codebuild/project:Project").length, 3);
    });

    it("gives the endpoints of every service: the domain, CloudFront's https:// name, or the private name", async function () {
        const endpoints = await valueOf(project.endpoints);
        assert.deepEqual(endpoints.web, ["https://shop.example.com"]);
        assert.match(endpoints.api[0], /^https:\/\/d[0-9a-f]+\.cloudfront\.net$/);
        assert.deepEqual(endpoints.assistant, ["assistant:8000"]);
        assert.deepEqual(endpoints.db, ["db:5432"]);
        assert.deepEqual(endpoints.cache, ["cache:6379"]);
        assert.deepEqual(endpoints.worker, []);
    });
});

describe("DefangProject refuses before creating anything", function () {
    let recorder: MockRecorder;
    before(async function () {
        recorder = await useMocks();
    });
    beforeEach(function () {
        recorder.reset();
    });

    it("lists every missing secret with the command that sets it", async function () {
        setConfig({ "defang:provider": "aws", POSTGRES_PASSWORD: "x" }, ["POSTGRES_PASSWORD"]);
        assert.throws(
            () => new DefangProject("shop", { composeFile: SHOP }),
            (e: unknown) =>
                e instanceof MissingConfigError &&
                e.keys.map((k) => k.key).join() === "OPENAI_API_KEY,STRIPE_API_KEY" &&
                /^ {2}pulumi config set --secret OPENAI_API_KEY <value> {3}# used by "assistant"$/m.test(e.message),
        );
        await recorder.settle();
        assert.equal(recorder.registrations.length, 0);
    });

    it("lists every feature AWS cannot run, with file and line", async function () {
        setConfig({ "defang:provider": "aws" });
        const dir = path.join(REPO_ROOT, "tests/fixtures/unsupported");
        assert.throws(
            () => new DefangProject("bad", { composeFile: path.join(dir, "compose.yaml") }),
            (e: unknown) => e instanceof UnsupportedFeaturesError && e.features.length === 3 && /compose\.yaml:\d+:\d+: service "agent", privileged/.test(e.message),
        );
        await recorder.settle();
        assert.equal(recorder.registrations.length, 0);
    });
});
