import * as assert from "assert";
import { itemAt, lastItem } from "../../provider/src/util/checked-index";
import { matchGroup } from "../../provider/src/util/regex-group";
import { zip } from "../../provider/src/util/zip";
import { closest, editDistance } from "../../provider/src/util/closest-match";

describe("checked access to lists and matches", function () {
    it("itemAt reads an index in range, an undefined item included", function () {
        assert.strictEqual(itemAt(["a", "b"], 1, "letters"), "b");
        assert.strictEqual(itemAt([undefined, 1], 0, "sparse"), undefined);
    });
    it("itemAt refuses an index out of range, negative or fractional, naming the list", function () {
        assert.throws(() => itemAt(["a"], 1, "letters"), { name: "RangeError", message: "letters: no item at index 1 (it has 1)" });
        assert.throws(() => itemAt(["a"], -1, "letters"), { name: "RangeError", message: "letters: no item at index -1 (it has 1)" });
        assert.throws(() => itemAt(["a", "b"], 0.5, "letters"), { name: "RangeError", message: "letters: no item at index 0.5 (it has 2)" });
    });
    it("lastItem reads the last item, and refuses an empty list", function () {
        assert.strictEqual(lastItem([1, 2, 3], "numbers"), 3);
        assert.throws(() => lastItem([], "numbers"), { name: "RangeError", message: "numbers: no item at index -1 (it has 0)" });
    });
    it("zip pairs lists in step, and refuses lists of different lengths", function () {
        assert.deepStrictEqual(zip(["a", "b"], [1, 2]), [
            ["a", 1],
            ["b", 2],
        ]);
        assert.deepStrictEqual(zip([], []), []);
        assert.throws(() => zip(["a"], [1, 2]), { name: "RangeError", message: "zip: lists of 1 and 2 items do not run in step" });
    });
    it("matchGroup gives a group that took part (an empty one too), and refuses one that did not", function () {
        const m = /^(a)(b*)(c)?$/.exec("a");
        assert.ok(m);
        assert.strictEqual(matchGroup(m, 1), "a");
        assert.strictEqual(matchGroup(m, 2), "");
        assert.throws(() => matchGroup(m, 3), { message: 'group 3 of a pattern did not take part in matching "a"' });
    });
});

describe("edit distance", function () {
    it("counts insertions, deletions, substitutions and adjacent swaps", function () {
        assert.strictEqual(editDistance("", ""), 0);
        assert.strictEqual(editDistance("", "abc"), 3);
        assert.strictEqual(editDistance("abc", ""), 3);
        assert.strictEqual(editDistance("kitten", "sitting"), 3);
        assert.strictEqual(editDistance("ab", "ba"), 1);
        assert.strictEqual(editDistance("imgae", "image"), 1);
        // Optimal string alignment: a swapped pair is not edited again.
        assert.strictEqual(editDistance("ca", "abc"), 3);
    });
    it("suggests the closest candidate within a third of the word", function () {
        assert.strictEqual(closest("imgae", ["image", "build", "ports"]), "image");
        assert.strictEqual(closest("xyz", ["image", "build"]), undefined);
    });
});
