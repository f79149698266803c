/**
 * `.dockerignore` with Docker's semantics: comments, trimming, cleaning, a leading `/`, `*`, `?`,
 * classes, escapes, `**`, directories excluding what is below them, and `!` exceptions where the
 * last matching pattern wins.
 */
import { strict as assert } from "assert";
import { cleanPattern, DockerignoreMatcher, DockerignoreSyntaxError, parseDockerignore } from "../../provider/src/build/dockerignore";

/** [ignore file text, path, ignored?] */
const CASES: Array<[string, string, boolean]> = [
    // `*` stays within one path segment: `*.log` is the top level only.
    ["*.log", "a.log", true],
    ["*.log", "dir/a.log", false],
    ["*.log", "a.log.txt", false],
    // `**` is any number of directories, including none.
    ["**/*.log", "a.log", true],
    ["**/*.log", "x/y/a.log", true],
    ["**/*.log", "x/a.txt", false],
    ["a/**/c", "a/c", true],
    ["a/**/c", "a/b/d/c", true],
    ["a/**/c", "b/a/c", false],
    ["foo/**", "foo/x", true],
    ["foo/**", "foo/a/b", true],
    ["foo/**", "foobar", false],
    ["**", "anything/at/all", true],
    // An exception re-includes; the last matching pattern wins.
    ["**/*.log\n!keep.log", "keep.log", false],
    ["**/*.log\n!keep.log", "x/keep.log", true],
    ["**/*.log\n!**/keep.log", "x/keep.log", false],
    ["!a.txt\n*.txt", "a.txt", true],
    ["*\n!src", "src/index.ts", false],
    ["*\n!src", "README.md", true],
    ["docs\n!docs/keep.md", "docs/a.md", true],
    ["docs\n!docs/keep.md", "docs/keep.md", false],
    // A directory pattern excludes everything below it.
    ["node_modules", "node_modules", true],
    ["node_modules", "node_modules/a/b.js", true],
    ["node_modules", "src/node_modules/x.js", false],
    ["**/node_modules", "src/node_modules/x.js", true],
    ["build/", "build/out.js", true],
    // A leading `/` is the context's root, like no slash at all.
    ["/root-only", "root-only", true],
    ["/root-only", "sub/root-only", false],
    ["/root-only", "root-only/inner.txt", true],
    // Patterns are cleaned like Go's filepath.Clean.
    ["./build/../dist", "dist/x", true],
    ["a//b/./c", "a/b/c", true],
    // Comments, blank lines and surrounding whitespace.
    ["# comment", "# comment", false],
    ["#*.txt\n\n   \n", "a.txt", false],
    ["  spaced.txt  ", "spaced.txt", true],
    ["a.txt\r\nb.txt\r\n", "b.txt", true],
    ["\uFEFFbom.txt", "bom.txt", true],
    // `?`, classes and escapes.
    ["?.txt", "a.txt", true],
    ["?.txt", "ab.txt", false],
    ["?.txt", "/.txt", false],
    ["[a-c].md", "b.md", true],
    ["[a-c].md", "d.md", false],
    ["[^a-c].md", "d.md", true],
    ["[^a-c].md", "a.md", false],
    ["\\*.txt", "*.txt", true],
    ["\\*.txt", "a.txt", false],
    // Characters that mean something in regular expressions are literal.
    ["file(1).txt", "file(1).txt", true],
    ["file(1).txt", "file1.txt", false],
    ["a+b", "a+b", true],
    ["a+b", "aab", false],
    ["v1.0", "v1x0", false],
    ["$HOME", "$HOME", true],
    ["a{b,c}", "a{b,c}", true],
    ["a{b,c}", "ab", false],
    ["a|b", "a", false],
    ["x^y", "x^y", true],
    // Case-sensitive, as Docker is on Linux.
    ["README.md", "readme.md", false],
    ["README.md", "README.md", true],
];

describe("dockerignore", () => {
    describe("matching", () => {
        for (const [text, path, ignored] of CASES) {
            it(`${JSON.stringify(text)} ${ignored ? "ignores" : "keeps"} ${path}`, () => {
                assert.equal(DockerignoreMatcher.fromText(text).ignores(path), ignored);
            });
        }
    });

    it("parses patterns in order, with exceptions marked and comments dropped", () => {
        const patterns = parseDockerignore("# deps\nnode_modules\n!node_modules/keep\n/build/\n");
        assert.deepEqual(
            patterns.map((p) => [p.pattern, p.negate]),
            [
                ["node_modules", false],
                ["node_modules/keep", true],
                ["build", false],
            ],
        );
    });

    it("cleans patterns like filepath.Clean", () => {
        assert.equal(cleanPattern("/a/b/"), "a/b");
        assert.equal(cleanPattern("a/../../b"), "../b");
        assert.equal(cleanPattern("./"), ".");
        assert.equal(cleanPattern("/"), "/");
    });

    it("rejects a lone `!` and an unterminated class, naming the line", () => {
        assert.throws(
            () => parseDockerignore("a\n!\n", "ctx/.dockerignore"),
            (e: Error) => e instanceof DockerignoreSyntaxError && /ctx\/\.dockerignore:2/.test(e.message),
        );
        assert.throws(() => parseDockerignore("[abc"), DockerignoreSyntaxError);
    });

    it("says whether an exception may re-include something below an excluded directory", () => {
        const m = DockerignoreMatcher.fromText("node_modules\nvendor\n!node_modules/keep/**\n");
        assert.equal(m.mayReincludeBelow("node_modules"), true);
        assert.equal(m.mayReincludeBelow("vendor"), false);
        assert.equal(DockerignoreMatcher.fromText("node_modules").mayReincludeBelow("node_modules"), false);
        assert.equal(DockerignoreMatcher.fromText("*\n!**/*.go").mayReincludeBelow("anything"), true);
        assert.equal(DockerignoreMatcher.fromText("*\n!src").mayReincludeBelow("src"), true);
        assert.equal(DockerignoreMatcher.fromText("*\n!src/a").mayReincludeBelow("lib"), false);
    });
});
