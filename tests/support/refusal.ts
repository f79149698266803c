/**
 * The refusal a component raises before it registers anything: runs `build` and returns its
 * `UnsupportedFeaturesError`; fails the test when `build` is accepted, and rethrows any other error.
 */
import { strict as assert } from "assert";
import { UnsupportedFeaturesError } from "../../provider/src/model/errors";

export function refusal(build: () => unknown): UnsupportedFeaturesError {
    try {
        build();
    } catch (e) {
        if (e instanceof UnsupportedFeaturesError) return e;
        throw e;
    }
    assert.fail("nothing was refused: the project was accepted");
}
