/**
 * The one-pass scanner must give what the composed path gives (values and positions), and must
 * decline every text the composer would find something to say about, or that it does not read.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as YAML from "yaml";
import { childKey } from "../../provider/src/compose/paths";
import { PositionTree } from "../../provider/src/compose/position-tree";
import { composeFileShape } from "../../provider/src/compose/scalar-shapes";
import { TextLines } from "../../provider/src/compose/text-lines";
import { scanComposeYaml } from "../../provider/src/compose/yaml-scanner";
import { YAML_LIMITS } from "../../provider/src/compose/yaml-source";
import { CORPUS_DIR, findFiles, requireCorpus } from "../support/corpus";
import { assertAgreesOnMutants, assertDeclines, assertReadsAsComposed, composed, ReadResult, YAML_PIECES } from "../support/yaml-readers";

/** Every path the tree recorded, by path key, with its position. */
function dumpTree(tree: PositionTree): Record<string, unknown> {
    const { parts, firstChild, nextSibling } = tree as unknown as { parts: Array<string | number>; firstChild: number[]; nextSibling: number[] };
    const out: Record<string, unknown> = {};
    const walk = (node: number, key: string, length: number): void => {
        const at = tree.get(key);
        if (at) out[key] = at;
        for (let c = firstChild[node] ?? -1; c !== -1; c = nextSibling[c] ?? -1) walk(c, childKey(key, length, parts[c] ?? ""), length + 1);
    };
    walk(PositionTree.ROOT, "", 0);
    return out;
}

function scanned(text: string): ReadResult | undefined {
    const tree = new PositionTree(new TextLines(text));
    const value = scanComposeYaml(text, tree, composeFileShape(), YAML_LIMITS.maxDepth);
    return value === undefined ? undefined : { value, positions: dumpTree(tree) };
}

const READ = [
    "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - 80:80\n      - target: 8080\n        published: '8080'\n",
    "# a comment\nname: app # trailing\nservices:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD:\n      EMPTY: ''\n      N: 5432\n      F: 1.50\n      B: true\n      Z: ~\n",
    'services:\n  web:\n    healthcheck:\n      test: ["CMD", "curl", "-f", http://localhost]\n      interval: 30s\n    command: []\n    labels: {}\n',
    "services:\n  web:\n    command: |\n      echo one\n      echo two\n    entrypoint: >-\n      folded\n      text\n\n      para\n    x-n: 0x1F\n    x-v: 1.10\n    secrets:\n      - source: s\n        mode: 0440\n",
    "services:\n  web:\n    volumes:\n    -\n    - ./a:/a\n    depends_on:\n      - db\n      # last\n  db:\n    image: redis\n",
    "services:\n  'single':\n    image: 'it''s'\n  \"double\":\n    image: \"a b\"\n  1.10:\n    image: x\n  k :\n    image: y\n",
    "x-a: |-\n  t\n\n\ny: >\n  a\n  b\n  # text, not a comment\n# a comment\nz: 1\nw: |\n  no final break",
    "a:\n- b: 1\n  c: [x, 'y', \"z\", 1, true, ~]\n-\n  e: 2\n- \n- 'f'\n- -1\n- ?x\n- :y\n",
    "services:\n  w:\n    command:\n      - python manage.py migrate &&\n        gunicorn app --bind 0.0.0.0:8000\n\n        - [x] {y} & *z === 200\n      - x\n    entrypoint: a b\n      c   \n      -d\n    # ends it\n    image: i\n",
    "a:\n- b\n  c\n-  d: e\n    f\n    g\n  # c\nh: i j\n  k\n\n\n  l\n",
];

const DECLINED = [
    "x-base: &base\n  image: a\nservices:\n  web:\n    <<: *base\n",
    "services:\n  web:\n    image: !reset\n",
    "<<: {}\n",
    "services:\n\tweb:\n    image: a\n",
    "services:\r\n  web: {}\r\n",
    "\ufeffservices: {}\n",
    "services:\n  web:\n    image: a\n---\nservices: {}\n",
    "services:\n  web:\n    image: a\n    image: b\n",
    "services:\n  web:\n   image: a\n    ports: []\n",
    "services:\n  web:\n    command: [a,\n      b]\n",
    "services:\n  web: { image: a }\n",
    "services:\n  web:\n    command: [a]#no space before the comment\n",
    "services:\n  web:\n    command: [a, b,]\n",
    'services:\n  web:\n    image: "a\\tb"\n',
    "services:\n  web:\n    image: a\n      : continued\n",
    "services:\n  web:\n    image: a\n    # a comment ends it\n      continued\n",
    "services:\n  web:\n    image: 'two\n      lines'\n",
    "services:\n  web:\n    command:\n      - - nested\n",
    "services:\n  web:\n    command: |+\n      kept\n\n",
    "services:\n  web:\n    command: |2\n        indented\n",
    "services:\n  web:\n    command: >\n      a\n        more indented\n",
    "services:\n  web:\n    image: a: b\n",
    "? services\n: {}\n",
    '"": x\n',
    "%YAML 1.2\n---\nservices: {}\n",
    "- a\n- b\n",
    "  services: {}\n",
];

describe("reading YAML in one pass over the text", function () {
    it("gives the composed path's values and positions for the usual constructs", function () {
        assertReadsAsComposed(scanned, READ);
    });

    it("declines anchors, merge keys, tags, tabs, CR, a byte-order mark, several documents, duplicates, bad indentation, multi-line quoted scalars and flows, escapes, kept or indented block scalars, explicit keys, directives and non-mappings", function () {
        assertDeclines(scanned, DECLINED);
    });

    it("reads every compose file of the corpus as the composer does, and declines only what it leaves to the full reader", function () {
        requireCorpus(this);
        const files = findFiles(CORPUS_DIR, (name) => /\.ya?ml$/.test(name));
        let read = 0;
        for (const file of files) {
            const text = fs.readFileSync(file, "utf8");
            const got = scanned(text);
            if (got === undefined) continue;
            read++;
            assert.deepStrictEqual(got, composed(text), file);
        }
        // Nearly every real file takes the quick path (408 of 415 when this was written).
        assert.ok(read >= files.length * 0.95, `only ${read} of ${files.length} corpus files read`);
    });

    it("never accepts a text the composer reports on, and agrees with it on the rest (mutated files, fixed seeds)", function () {
        const blockPieces = [" ", "\n", "  ", "#", "|", "|-", "|+", ">", ">-", "|2", "-", " - ", ": ", "'", '"', "\n  ", "\n\n", "x", "  # c\n", "[", "]", ",", "{}", "~"];
        assertAgreesOnMutants(scanned, READ, YAML_PIECES, 1500, 42, 250);
        assertAgreesOnMutants(scanned, READ, blockPieces, 1500, 7, 250);
    });

    it("reads a file of comments and blank lines only, or an empty one, as null, as the composer does", function () {
        for (const text of ["# only a comment\n\n  # another\n", ""]) {
            const tree = new PositionTree(new TextLines(text));
            assert.strictEqual(scanComposeYaml(text, tree, composeFileShape(), YAML_LIMITS.maxDepth), null);
            assert.strictEqual(tree.has(""), false);
        }
    });

    it("finds positions by path key, names with escaped characters and indexes included", function () {
        const text = "a:\n  'b\\c': 1\n  '#0': 2\n  l:\n    - x\n    - y\n";
        const tree = new PositionTree(new TextLines(text));
        assert.ok(scanComposeYaml(text, tree, composeFileShape(), YAML_LIMITS.maxDepth));
        assert.deepStrictEqual(tree.get(childKey("a", 1, "b\\c")), { line: 2, column: 10, keyLine: 2, keyColumn: 3 });
        assert.deepStrictEqual(tree.get(childKey("a", 1, "#0")), { line: 3, column: 9, keyLine: 3, keyColumn: 3 });
        assert.deepStrictEqual(tree.get(childKey(childKey("a", 1, "l"), 2, 1)), { line: 6, column: 7 });
        assert.strictEqual(tree.get(childKey(childKey("a", 1, "l"), 2, 2)), undefined);
        assert.strictEqual(tree.has(childKey("a", 1, "missing")), false);
        assert.strictEqual(tree.has(""), true);
    });

    it("finds positions among many entries of one map or list as among few (the lookup indexes them)", function () {
        const names = Array.from({ length: 60 }, (_, i) => (i === 45 ? "b\\c" : `k${i}`));
        const text = `m:\n${names.map((n, i) => `  '${n}': ${i}\n`).join("")}l:\n${names.map((_, i) => `  - ${i}\n`).join("")}`;
        const tree = new PositionTree(new TextLines(text));
        assert.ok(scanComposeYaml(text, tree, composeFileShape(), YAML_LIMITS.maxDepth));
        const expected = composed(text)?.positions ?? {};
        for (const i of [59, 0, 45, 33, 1]) {
            const mapKey = childKey("m", 1, names[i] ?? "");
            assert.deepStrictEqual(tree.get(mapKey), expected[mapKey], mapKey);
            const listKey = childKey("l", 1, i);
            assert.deepStrictEqual(tree.get(listKey), expected[listKey], listKey);
        }
        assert.strictEqual(tree.get(childKey("m", 1, "k60")), undefined);
        assert.strictEqual(tree.get(childKey("l", 1, 60)), undefined);
    });

    it("numbers lines as the yaml package's line counter does", function () {
        const text = "a: 1\n\nb:\n  - c\nd: e";
        const reference = new YAML.LineCounter();
        for (const _ of new YAML.Parser(reference.addNewLine).parse(text)) void _;
        const lines = new TextLines(text);
        for (let offset = 0; offset <= text.length; offset++) assert.deepStrictEqual(lines.linePos(offset), reference.linePos(offset), `offset ${offset}`);
    });
});
