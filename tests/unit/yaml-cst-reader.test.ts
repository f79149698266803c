/**
 * The fast reader over the parser's tokens must give what the composed path gives (values and
 * positions), and must decline every file the composer would find something to say about.
 */
import * as YAML from "yaml";
import { PositionTable } from "../../provider/src/compose/position-table";
import { composeFileShape } from "../../provider/src/compose/scalar-shapes";
import { readSimpleYaml } from "../../provider/src/compose/yaml-cst-reader";
import { YAML_LIMITS } from "../../provider/src/compose/yaml-source";
import { assertAgreesOnMutants, assertDeclines, assertReadsAsComposed, dumpTable, ReadResult, YAML_PIECES } from "../support/yaml-readers";

function fast(text: string): ReadResult | undefined {
    const lines = new YAML.LineCounter();
    const table = new PositionTable(lines);
    const value = readSimpleYaml(text, lines.addNewLine, table, composeFileShape(), YAML_LIMITS.maxDepth);
    return value === undefined ? undefined : { value, positions: dumpTable(table) };
}

const SIMPLE = [
    "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - 80:80\n      - target: 8080\n        published: '8080'\n",
    "# a comment\nname: app # trailing\nservices:\n  db:\n    image: postgres\n    environment:\n      POSTGRES_PASSWORD:\n      EMPTY: ''\n      N: 5432\n      F: 1.50\n      B: true\n      Z: ~\n",
    'services:\n  web:\n    healthcheck:\n      test: ["CMD", "curl", "-f", http://localhost]\n      interval: 30s\n    command: []\n    labels: {}\n',
    "services:\n  web:\n    command: |\n      echo one\n      echo two\n    entrypoint: >-\n      folded\n      text\n    x-n: 0x1F\n    x-v: 1.10\n    secrets:\n      - source: s\n        mode: 0440\n",
    "services:\n  web:\n    volumes:\n    -\n    - ./a:/a\n    depends_on:\n      - db\n      # last\n  db:\n    image: redis\n",
    "services:\n  \"quoted key\":\n    image: \"a\\tb\"\n  'single':\n    image: 'it''s'\n  1.10:\n    image: x\n",
];

const DECLINED = [
    "x-base: &base\n  image: a\nservices:\n  web:\n    <<: *base\n",
    "services:\n  web:\n    image: !reset\n",
    "services:\n\tweb:\n    image: a\n",
    "services:\n  web:\n    image: a\n---\nservices: {}\n",
    "services:\n  web:\n    image: a\n    image: b\n",
    "services:\n  web:\n   image: a\n    ports: []\n",
    "services:\n  web:\n    command: [a,\n      b]\n",
    "services:\n  web: { image: a }\n",
    "services:\n  web:\n    command: [a]#no space before the comment\n",
    "? services\n: {}\n",
    "services:\n  web:\n    image: a#not a comment\n    x: 'unterminated\n",
    "- a\n- b\n",
    "",
];

describe("reading YAML from the parser's tokens", function () {
    it("gives the composed path's values and positions for the usual constructs", function () {
        assertReadsAsComposed(fast, SIMPLE);
    });

    it("declines anchors, merge keys, tags, tabs, several documents, duplicates, bad indentation, multi-line flow, flow maps, explicit keys, errors and non-mappings", function () {
        assertDeclines(fast, DECLINED);
    });

    it("never accepts a file the composer reports on, and agrees with it on the rest (mutated compose files, fixed seed)", function () {
        assertAgreesOnMutants(fast, SIMPLE, YAML_PIECES, 600, 42, 50);
    });
});
