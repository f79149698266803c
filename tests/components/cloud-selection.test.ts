import { strict as assert } from "assert";
import { DefangService } from "../../provider/src/components/defang-service";
import { CloudSelectionError } from "../../provider/src/model/errors";
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

    it("without a provider argument, stack config or DEFANG_PROVIDER, fails naming the three ways to choose, and creates nothing", async function () {
        delete process.env.DEFANG_PROVIDER;
        recorder.reset();
        assert.throws(
            () => new DefangService("web", { image: "nginx" }),
            (e: unknown) => e instanceof CloudSelectionError && /DefangService "web": no cloud chosen; set the component's `provider` argument, or run `pulumi config set defang:provider aws`, or set DEFANG_PROVIDER=aws/.test(e.message),
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
        assert.throws(() => new DefangService("web", { image: "nginx", provider: "wrong" as never }), /unknown cloud "wrong" in the `provider` argument/);
        assert.throws(() => new DefangService("web", { image: "nginx" }), /in stack config defang:provider/);
    });
});
