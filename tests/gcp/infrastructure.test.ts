/**
 * The shared Google Cloud infrastructure, under mocks: APIs, network and subnet, Cloud NAT and
 * all-traffic egress only when some service is internal, private services access only with a
 * database or cache, build resources only with builds and their grants scoped to them.
 */
import { strict as assert } from "assert";
import { vpcEgress } from "../../provider/src/clouds/gcp/infrastructure";
import { DEFAULT_INFRASTRUCTURE_OPTIONS } from "../../provider/src/clouds/backend";
import { InvalidArgumentError } from "../../provider/src/model/errors";
import { GCP_TEST_CONFIG, gcpTestInfrastructure } from "../support/fake-gcp-infrastructure";
import { MockRecorder, setConfig, unwrapSecrets, useMocks } from "../support/pulumi-mocks";

const needs = { ingress: true, domains: [], builds: false };
const hostService = { name: "api", kind: "service" as const, aliases: [], ports: [{ target: 80, mode: "host" as const, protocol: "tcp" as const }] };

describe("the shared Google Cloud infrastructure", function () {
    let recorder: MockRecorder;
    before(async function () {
        recorder = await useMocks(GCP_TEST_CONFIG);
    });
    beforeEach(function () {
        recorder.reset();
        setConfig(GCP_TEST_CONFIG);
    });

    it("enables the base APIs and creates a custom-mode network with one subnet with Private Google Access", async function () {
        gcpTestInfrastructure(needs);
        await recorder.settle();
        const apis = recorder.ofType("gcp:projects/service:Service").map((r) => r.inputs.service);
        assert.deepEqual(apis, ["compute.googleapis.com", "run.googleapis.com", "iam.googleapis.com", "secretmanager.googleapis.com"]);
        for (const api of recorder.ofType("gcp:projects/service:Service")) assert.equal(api.inputs.disableOnDestroy, false);
        const network = recorder.one("gcp:compute/network:Network");
        assert.equal(network.inputs.autoCreateSubnetworks, false);
        const subnet = recorder.one("gcp:compute/subnetwork:Subnetwork");
        assert.equal(subnet.inputs.region, "europe-west1");
        assert.equal(subnet.inputs.ipCidrRange, "10.128.0.0/20");
        assert.equal(subnet.inputs.privateIpGoogleAccess, true);
        assert.equal(recorder.ofType("gcp:compute/routerNat:RouterNat").length, 0, "no NAT without internal services");
        assert.equal(recorder.ofType("gcp:servicenetworking/connection:Connection").length, 0, "no peering without data stores");
        assert.equal(recorder.ofType("gcp:artifactregistry/repository:Repository").length, 0, "no registry without builds");
    });

    it("routes all traffic through the VPC and Cloud NAT when some service is internal (or defang:nat asks)", async function () {
        assert.equal(vpcEgress({ ...needs, components: [hostService] }, DEFAULT_INFRASTRUCTURE_OPTIONS), "ALL_TRAFFIC");
        assert.equal(vpcEgress({ ...needs, domains: ["a.example.com"] }, DEFAULT_INFRASTRUCTURE_OPTIONS), "ALL_TRAFFIC");
        assert.equal(vpcEgress(needs, { ...DEFAULT_INFRASTRUCTURE_OPTIONS, nat: "single" }), "ALL_TRAFFIC");
        assert.equal(vpcEgress(needs, DEFAULT_INFRASTRUCTURE_OPTIONS), "PRIVATE_RANGES_ONLY");
        gcpTestInfrastructure({ ...needs, components: [hostService] });
        await recorder.settle();
        const nat = recorder.one("gcp:compute/routerNat:RouterNat");
        assert.equal(nat.inputs.sourceSubnetworkIpRangesToNat, "LIST_OF_SUBNETWORKS");
        assert.deepEqual(unwrapSecrets(nat.inputs.subnetworks), [{ name: "infra-subnet-id", sourceIpRangesToNats: ["ALL_IP_RANGES"] }]);
    });

    it("creates private services access up front when the project has a database or cache", async function () {
        gcpTestInfrastructure({ ...needs, components: [{ name: "db", kind: "postgres", aliases: [], ports: [] }] });
        await recorder.settle();
        const peering = recorder.one("gcp:servicenetworking/connection:Connection");
        assert.equal(peering.inputs.service, "servicenetworking.googleapis.com");
        assert.deepEqual(peering.inputs.reservedPeeringRanges, ["infra-services-range"]);
    });

    it("creates the build resources with builds, and grants the builder only what a build needs", async function () {
        gcpTestInfrastructure({ ...needs, builds: true });
        await recorder.settle();
        const repository = recorder.one("gcp:artifactregistry/repository:Repository");
        assert.equal(repository.inputs.format, "DOCKER");
        assert.deepEqual(repository.inputs.dockerConfig, { immutableTags: true });
        const bucket = recorder.one("gcp:storage/bucket:Bucket");
        assert.equal(bucket.inputs.uniformBucketLevelAccess, true);
        assert.equal(bucket.inputs.publicAccessPrevention, "enforced");
        const builder = recorder.one("gcp:serviceaccount/account:Account");
        const member = `serviceAccount:${builder.inputs.accountId}@my-project.iam.gserviceaccount.com`;
        const push = recorder.one("gcp:artifactregistry/repositoryIamMember:RepositoryIamMember");
        assert.deepEqual([push.inputs.role, push.inputs.repository, push.inputs.member], ["roles/artifactregistry.writer", repository.inputs.repositoryId, member]);
        const read = recorder.one("gcp:storage/bucketIAMMember:BucketIAMMember");
        assert.deepEqual([read.inputs.role, read.inputs.member], ["roles/storage.objectViewer", member]);
        const logs = recorder.one("gcp:projects/iAMMember:IAMMember");
        assert.deepEqual([logs.inputs.role, logs.inputs.member], ["roles/logging.logWriter", member]);
    });

    it("refuses to start without gcp:project, with the command that sets it", async function () {
        setConfig({ "gcp:region": "europe-west1" });
        const saved = [process.env.GOOGLE_CLOUD_PROJECT, process.env.GOOGLE_PROJECT];
        delete process.env.GOOGLE_CLOUD_PROJECT;
        delete process.env.GOOGLE_PROJECT;
        try {
            assert.throws(
                () => gcpTestInfrastructure(needs),
                (e: unknown) => e instanceof InvalidArgumentError && /pulumi config set gcp:project/.test(e.message),
            );
        } finally {
            if (saved[0] !== undefined) process.env.GOOGLE_CLOUD_PROJECT = saved[0];
            if (saved[1] !== undefined) process.env.GOOGLE_PROJECT = saved[1];
        }
    });
});
