// Mocha's spec reporter, plus closing lines that any CI can read: which suites skipped for want of
// the shared corpus (and where it was looked for), then "tests: N passed, N failed, N skipped".
"use strict";
const fs = require("fs");
const path = require("path");
const Mocha = require("mocha");
const { EVENT_RUN_END, EVENT_TEST_PENDING } = Mocha.Runner.constants;

/** Where the tests look for the corpus (as tests/support/corpus.ts does). */
function corpusDir() {
    return process.env.DEFANG_CORPUS ? path.resolve(process.env.DEFANG_CORPUS) : path.resolve(__dirname, "..", "..", "..", "shared", "corpus");
}

class SummaryReporter extends Mocha.reporters.Spec {
    constructor(runner, options) {
        super(runner, options);
        const skippedSuites = new Set();
        runner.on(EVENT_TEST_PENDING, (test) => {
            const suite = test.parent && typeof test.parent.fullTitle === "function" ? test.parent.fullTitle() : "";
            skippedSuites.add(suite || test.title);
        });
        runner.once(EVENT_RUN_END, () => {
            const s = runner.stats || {};
            if (skippedSuites.size > 0 && !fs.existsSync(corpusDir())) {
                process.stdout.write(`\nno corpus at ${corpusDir()} (clone it there, or set DEFANG_CORPUS): these suites skipped tests:\n`);
                for (const suite of [...skippedSuites].sort()) process.stdout.write(`  - ${suite}\n`);
            }
            process.stdout.write(`tests: ${s.passes || 0} passed, ${s.failures || 0} failed, ${s.pending || 0} skipped\n`);
        });
    }
}
module.exports = SummaryReporter;
