/**
 * A compose project with volumes, end to end under mocks: on AWS its named volumes become the
 * project's EFS file system with an access point each; on Google Cloud, the project's volume
 * bucket; DigitalOcean refuses them by name, naming the alternative, and bind mounts are refused
 * everywhere with the fix, in both cases before any resource is registered.
 */
import { strict as assert } from "assert";
import * as path from "path";
import { DefangProject } from "../../provider/src/components/defang-project";
import { REPO_ROOT } from "../support/corpus";
import { MockRecorder, setConfig, useMocks } from "../support/pulumi-mocks";
import { refusal } from "../support/refusal";

const DIR = path.join(REPO_ROOT, "tests/fixtures/volumes");
const VOLUMES = path.join(DIR, "compose.yaml");
const BIND = path.join(DIR, "bind.yaml");

describe("a compose project with volumes", function () {
    this.timeout(60000);
    let recorder: MockRecorder;

    before(async function () {
        recorder = await useMocks();
    });
    beforeEach(() => recorder.reset());
    after(() => setConfig({}));

    it("AWS: one EFS file system, an access point per named volume, the anonymous one left to the container's file system", async function () {
        setConfig({ "defang:provider": "aws", "aws:region": "us-east-1" });
        new DefangProject("shop", { composeFile: VOLUMES });
        await recorder.settle();
        assert.equal(recorder.ofType("aws:efs/fileSystem:FileSystem").length, 1);
        assert.deepEqual(
            recorder
                .ofType("aws:efs/accessPoint:AccessPoint")
                .map((a) => (a.inputs.rootDirectory as { path: string }).path)
                .sort(),
            ["/cachedata", "/uploads"],
        );
        const web = recorder.ofType("aws:ecs/taskDefinition:TaskDefinition").find((t) => t.name.startsWith("shop-web"))!;
        assert.deepEqual(
            (web.inputs.volumes as Array<{ name: string; efsVolumeConfiguration?: unknown }>).map((v) => [v.name, !!v.efsVolumeConfiguration]),
            [["mount-0", true]],
        );
    });

    it("Google Cloud: one volume bucket, mounted by both services", async function () {
        setConfig({ "defang:provider": "gcp", "gcp:project": "volumes-project", "gcp:region": "us-central1" });
        new DefangProject("shop", { composeFile: VOLUMES });
        await recorder.settle();
        assert.equal(recorder.ofType("gcp:storage/bucket:Bucket").filter((b) => b.name.endsWith("-volumes")).length, 1);
        assert.equal(recorder.ofType("gcp:storage/bucketIAMMember:BucketIAMMember").length, 2);
    });

    it("DigitalOcean: refuses the named volumes by name with the alternative, and registers nothing", async function () {
        setConfig({ "defang:provider": "digitalocean" });
        const e = refusal(() => new DefangProject("shop", { composeFile: VOLUMES }));
        assert.deepEqual(
            e.features.map((f) => [f.service, f.field, f.location?.line, f.location?.column]),
            [
                ["web", "volumes[0]", 6, 9],
                ["cache", "volumes[0]", 11, 9],
            ].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
        );
        for (const f of e.features) {
            assert.match(f.message, /^App Platform has no volumes/);
            assert.match(f.hint, /DigitalOcean Spaces/);
        }
        await recorder.settle();
        assert.equal(recorder.registrations.length, 0, recorder.registrations.map((r) => r.type).join(", "));
    });

    for (const cloud of ["aws", "gcp", "digitalocean"] as const) {
        it(`${cloud}: refuses a bind mount with the fix, and registers nothing`, async function () {
            setConfig({ "defang:provider": cloud, "aws:region": "us-east-1", "gcp:project": "volumes-project" });
            const e = refusal(() => new DefangProject("shop", { composeFile: BIND }));
            const bind = e.features.find((f) => f.field === "volumes[0]")!;
            assert.equal(bind.message, `a bind mount shares a directory of the deploying machine, and the cloud's containers run on no host of yours (./html:/usr/share/nginx/html)`);
            assert.match(bind.hint, /COPY in the Dockerfile/);
            assert.equal(bind.location?.line, 6);
            // The named volume is refused on DigitalOcean only.
            assert.equal(e.features.length, cloud === "digitalocean" ? 2 : 1);
            await recorder.settle();
            assert.equal(recorder.registrations.length, 0);
        });
    }
});
