import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { DefangPostgres } from "../../provider/src/components/defang-postgres";
import { DefangProject } from "../../provider/src/components/defang-project";
import { DefangService } from "../../provider/src/components/defang-service";
import { CloudSelectionError, InvalidArgumentError } from "../../provider/src/model/errors";
import { MockRecorder, setConfig, useMocks } from "../support/pulumi-mocks";

describe("cloud selection", function () {
    let recorder: MockRecorder;
    const saved = process.env.DEFANG_PROVIDER;
    before(async function () {
        recorder = await useMocks();
    });
    afterEach(function () {
        if (saved === undefined) delete process.env.DEFANG_PROVIDER;
        else process.env.DEFANG_PROVIDER = saved;
        setConfig({});
    });

    it("without a cloud argument, stack config or DEFANG_PROVIDER, fails naming the three ways to choose, and creates nothing", async function () {
        delete process.env.DEFANG_PROVIDER;
        recorder.reset();
        assert.throws(
            () => new DefangService("web", { image: "nginx" }),
            (e: unknown) =>
                e instanceof CloudSelectionError &&
                /DefangService "web": no cloud chosen; set the component's `cloud` argument, or run `pulumi config set defang:provider aws`, or set DEFANG_PROVIDER=aws/.test(e.message),
        );
        await recorder.settle();
        assert.equal(recorder.registrations.length, 0);
    });

    it("refuses an unknown cloud, naming where it came from", function () {
        process.env.DEFANG_PROVIDER = "azure";
        assert.throws(() => new DefangService("web", { image: "nginx" }), /unknown cloud "azure" in DEFANG_PROVIDER; use one of aws, gcp, digitalocean/);
        setConfig({ "defang:provider": "Azure" });
        assert.throws(() => new DefangService("web", { image: "nginx" }), /unknown cloud "Azure" in stack config defang:provider/);
    });

    it("takes the argument over stack config over the environment", function () {
        process.env.DEFANG_PROVIDER = "nope";
        setConfig({ "defang:provider": "also-nope" });
        assert.throws(() => new DefangService("web", { image: "nginx", cloud: "wrong" as never }), /unknown cloud "wrong" in the `cloud` argument/);
        assert.throws(() => new DefangService("web", { image: "nginx" }), /in stack config defang:provider/);
    });

    describe("the deprecated `provider` argument", function () {
        let warnings: string[];
        const warn = pulumi.log.warn;
        beforeEach(function () {
            delete process.env.DEFANG_PROVIDER;
            warnings = [];
            pulumi.log.warn = async (message: string) => void warnings.push(message);
        });
        afterEach(function () {
            pulumi.log.warn = warn;
        });

        it("chooses the cloud as `cloud` does, with one warning per component that names `cloud`", async function () {
            setConfig({ "gcp:project": "shop-1" });
            recorder.reset();
            new DefangService("web", { image: "nginx", ports: [{ target: 80 }], provider: "gcp" });
            new DefangPostgres("db", { provider: "gcp" });
            await recorder.settle();
            assert.ok(
                recorder.registrations.some((r) => r.type === "gcp:cloudrunv2/service:Service"),
                "the service is on Cloud Run",
            );
            assert.ok(
                recorder.registrations.some((r) => r.type === "gcp:sql/databaseInstance:DatabaseInstance"),
                "the database is on Cloud SQL",
            );
            assert.deepEqual(warnings, [
                'DefangService "web": the `provider` argument is deprecated, as it collides with Pulumi\'s `provider` resource option; name the cloud with `cloud: "gcp"` instead',
                'DefangPostgres "db": the `provider` argument is deprecated, as it collides with Pulumi\'s `provider` resource option; name the cloud with `cloud: "gcp"` instead',
            ]);
        });

        it("is taken over stack config and the environment, like `cloud`", function () {
            process.env.DEFANG_PROVIDER = "nope";
            setConfig({ "defang:provider": "also-nope" });
            assert.throws(() => new DefangService("web", { image: "nginx", provider: "wrong" as never }), /unknown cloud "wrong" in the `cloud` argument/);
        });

        it("with `cloud` naming the same cloud, is accepted (with the warning); naming another, is refused before anything is registered", async function () {
            recorder.reset();
            assert.throws(
                () => new DefangService("web", { image: "nginx", cloud: "aws", provider: "gcp" }),
                (e: unknown) =>
                    e instanceof InvalidArgumentError && e.message === 'DefangService "web": argument `provider` ("gcp") names another cloud than `cloud` ("aws"); remove `provider`: it is the deprecated name of `cloud`',
            );
            assert.throws(
                () => new DefangProject("shop", { project: { name: "shop", services: {} } as never, cloud: "digitalocean", provider: "aws" }),
                /DefangProject "shop": argument `provider` \("aws"\) names another cloud than `cloud` \("digitalocean"\)/,
            );
            await recorder.settle();
            assert.equal(recorder.registrations.length, 0);
            new DefangService("same", { image: "nginx", cloud: "aws", provider: "AWS" as never });
            await recorder.settle();
            assert.ok(recorder.registrations.some((r) => r.type === "aws:ecs/service:Service"));
            assert.equal(warnings.length, 1);
        });
    });
});
