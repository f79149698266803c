/** A cloud SDK for a dynamic provider: resolved from this package's copy, loaded only when first used. */
import { strict as assert } from "assert";
import * as path from "path";
import { lazyModule, packageModulePath } from "../../provider/src/clouds/common/module-path";

describe("the module path of a lazily loaded SDK", function () {
    it("resolves an installed module to its file, and leaves a name it cannot resolve as it is", function () {
        assert.equal(packageModulePath("@aws-sdk/client-ecs"), require.resolve("@aws-sdk/client-ecs"));
        assert.equal(packageModulePath("@no-such/module"), "@no-such/module");
    });

    it("requires the module when the loader is called, not when it is made", function () {
        const load = lazyModule<{ sep: string }>("path");
        assert.equal(load().sep, path.sep);
        const missing = lazyModule("@no-such/module"); // made without error: nothing is loaded yet
        assert.throws(() => missing(), /Cannot find module '@no-such\/module'/);
    });
});
