/**
 * One joined test for many patterns gives the answer testing each pattern would give, flags kept.
 */
import * as assert from "assert";
import { AnyPattern } from "../../provider/src/util/any-pattern";

describe("AnyPattern", function () {
    it("matches where one of the patterns matches, each with its own flags", function () {
        const any = new AnyPattern([/\bsk_live_[a-z]{4}/, /BEGIN KEY/i, /^x+$/m]);
        for (const [text, expected] of [
            ["a sk_live_abcd b", true],
            ["-- begin key --", true],
            ["y\nxxx\nz", true],
            ["sk_live_ab", false],
            ["BEGIN", false],
            ["y xxx z", false],
        ] as const) {
            assert.strictEqual(any.test(text), expected, text);
        }
    });

    it("tries anchored patterns at the start of the text only, as each would", function () {
        const any = new AnyPattern([/^(?:~|null)?$/, /^[0-9]+$/], true);
        assert.deepStrictEqual(
            ["", "~", "null", "42", "a42", "42a", "x null"].map((t) => any.test(t)),
            [true, true, true, true, false, false, false],
        );
    });
});
