/**
 * Every compose file of the shared corpus loads, or is rejected with a ComposeError that names a
 * file; none crashes. Prints how many loaded and how many were rejected.
 */
import * as assert from "assert";
import * as path from "path";
import { ComposeError } from "../../provider/src/compose/diagnostics";
import { loadProject } from "../../provider/src/compose/load";
import { corpusAvailable, CORPUS_DIR, findFiles, isComposeFileName } from "../support/corpus";

/** Corpus files expected to be rejected, with the reason. Any other rejection fails the test. */
const EXPECTED_REJECTIONS: Record<string, RegExp> = {
    // `foo: bar` and no services: the schema does not allow unknown top-level attributes.
    "defang-cli-testdata/invalid-no-services/compose.yaml": /unknown attribute|additional/i,
    // A blank file that another file includes; loaded on its own it is an empty compose file.
    "defang-cli-testdata/interpolate/compose.dev.yaml": /empty/,
    // The sample's dev overlay extends a service "app" that its compose.yaml does not define.
    "defang-samples/ollama/compose.dev.yaml": /extends service "app", which is not defined/,
};

describe("corpus sweep: every compose file loads or is rejected cleanly", function () {
    if (!corpusAvailable()) {
        it("needs ../shared/corpus (skipped: not on this machine)", function () {
            this.skip();
        });
        return;
    }
    const files = findFiles(CORPUS_DIR, isComposeFileName).filter((f) => !f.includes(`${path.sep}override-merge${path.sep}`) && !f.includes(`${path.sep}normalize${path.sep}`));
    const counts = { loaded: 0, rejected: 0 };

    it(`finds the corpus files (${files.length})`, function () {
        assert.ok(files.length > 100, `only ${files.length} compose files found under ${CORPUS_DIR}`);
    });

    for (const file of files) {
        const rel = path.relative(CORPUS_DIR, file);
        it(rel, function () {
            try {
                loadProject({ files: [file] });
                counts.loaded++;
                assert.ok(!EXPECTED_REJECTIONS[rel], `${rel} loaded, but it should be rejected (${EXPECTED_REJECTIONS[rel]})`);
            } catch (e) {
                if (!(e instanceof ComposeError)) throw new Error(`${rel} crashed the loader: ${(e as Error).stack}`, { cause: e });
                counts.rejected++;
                for (const d of e.diagnostics) assert.ok(d.message.length > 0, "a diagnostic has a message");
                assert.ok(
                    e.diagnostics.some((d) => d.file),
                    `no diagnostic names a file: ${e.message}`,
                );
                const expected = EXPECTED_REJECTIONS[rel];
                if (expected) assert.match(e.message, expected);
                else if (/compose-go-conformance/.test(rel))
                    return; // raw fixtures include deliberately broken inputs
                else assert.fail(`${rel} was rejected:\n${e.message}`);
            }
        });
    }

    after(function () {
        console.log(`    corpus: ${counts.loaded} loaded, ${counts.rejected} rejected with a ComposeError, 0 crashed (of ${files.length})`);
    });
});
