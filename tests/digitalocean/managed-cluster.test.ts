/**
 * DigitalOcean's managed cluster, written once for its three engines (`managed-cluster.ts`): the
 * same cluster settings for PostgreSQL, MongoDB and Valkey but for what each engine decides (its
 * engine, version, node count, Valkey's eviction policy), and the same password rule for the
 * engines whose image takes one (a given password is not used, with a warning on the component).
 */
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { DefangMongo } from "../../provider/src/components/defang-mongo";
import { DefangPostgres } from "../../provider/src/components/defang-postgres";
import { DefangRedis } from "../../provider/src/components/defang-redis";
import { MockRecorder, useMocks } from "../support/pulumi-mocks";

const CLUSTER = "digitalocean:index/databaseCluster:DatabaseCluster";

describe("DigitalOcean managed clusters of the three engines", function () {
    let recorder: MockRecorder;
    let warnings: Array<{ message: string; resource?: pulumi.Resource }>;
    const warn = pulumi.log.warn;

    beforeEach(async function () {
        recorder = await useMocks({ "defang:provider": "digitalocean", "defang:deletionProtection": "true" });
        warnings = [];
        pulumi.log.warn = async (message: string, resource?: pulumi.Resource) => void warnings.push({ message, resource });
    });
    afterEach(function () {
        pulumi.log.warn = warn;
    });

    it("gives each engine the same cluster settings but its engine, version, node count and Valkey's eviction policy", async function () {
        new DefangPostgres("pg", { image: "postgres:16" }, recorder.opts());
        new DefangMongo("docs", { image: "mongo:8", deploy: { replicas: 3 } }, recorder.opts());
        new DefangRedis("cache", { image: "valkey/valkey:8", deploy: { replicas: 2 } }, recorder.opts());
        await recorder.settle();
        const clusters = recorder.ofType(CLUSTER);
        assert.deepEqual(
            clusters.map((c) => [c.name, c.inputs.engine, c.inputs.version, c.inputs.nodeCount, c.inputs.evictionPolicy]),
            [
                ["pg-cluster", "pg", "16", 1, undefined],
                ["docs-cluster", "mongodb", "8", 3, undefined],
                ["cache-cluster", "valkey", "8", 2, "noeviction"],
            ],
        );
        const [first, ...others] = clusters;
        assert.ok(first);
        const shared = (c: typeof first) => [c.inputs.size, c.inputs.region, c.inputs.tags, c.inputs.privateNetworkUuid];
        for (const c of others) assert.deepEqual(shared(c), shared(first), c.name);
        assert.equal(first.inputs.size, "db-s-1vcpu-1gb");
        assert.ok(first.inputs.privateNetworkUuid, "in the project's VPC");
    });

    it("warns on the component that a given password is not used, for PostgreSQL and MongoDB alike", async function () {
        const pg = new DefangPostgres("pg", { image: "postgres:17", environment: [{ name: "POSTGRES_PASSWORD", value: pulumi.output("given") }] }, recorder.opts());
        const docs = new DefangMongo("docs", { image: "mongo:8", environment: [{ name: "MONGO_INITDB_ROOT_PASSWORD", value: pulumi.output("given") }] }, recorder.opts());
        await recorder.settle();
        const generated = (w: { message: string }) => w.message.includes("DigitalOcean generates database passwords");
        assert.deepEqual(
            warnings.filter(generated).map((w) => [w.message, w.resource]),
            [
                ['postgres "pg": DigitalOcean generates database passwords; the password given is not used (read it from the component\'s `password` output)', pg],
                ['mongo "docs": DigitalOcean generates database passwords; the password given is not used (read it from the component\'s `password` output)', docs],
            ],
        );
    });
});
