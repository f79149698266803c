/**
 * Mutations of compose text the way people get files wrong (a value of the wrong kind, a key removed
 * or added where it may not belong, a line deleted, indented or duplicated), for property-based tests.
 */
import * as fc from "fast-check";
import * as YAML from "yaml";

/** Values people write in the wrong place, and values that sit on the edges of every parser. */
const ODD_VALUES: unknown[] = [
    "",
    "0",
    "-1",
    "1.10",
    "0x1F",
    "01234",
    "65e1234",
    "99999999999999999999",
    "12Q",
    "-0.5",
    "all",
    "no",
    "True",
    "127.0.0.1:9000:80",
    "0:0",
    "80:80/udp",
    "a:b",
    "with space",
    "${UNSET}",
    "${X:?is required}",
    "$$",
    "${",
    "../../etc/passwd",
    "x".repeat(5000),
    "名前",
    null,
    true,
    false,
    0,
    -1,
    1e300,
    2 ** 53 + 1,
    [],
    {},
    ["a", 1, null],
    { a: { b: { c: [1, { d: null }] } } },
];

/** Keys worth adding where they may not belong. */
const KEYS = [
    "image",
    "build",
    "ports",
    "expose",
    "environment",
    "depends_on",
    "deploy",
    "gpus",
    "restart",
    "volumes",
    "secrets",
    "configs",
    "networks",
    "healthcheck",
    "command",
    "x-defang-postgres",
    "x-defang-redis",
    "x-defang-llm",
    "x-defang-unknown",
    "platform",
    "provider",
    "models",
    "extends",
    "profiles",
    "scale",
    "cpus",
    "mem_limit",
    "user",
    "domainname",
    "network_mode",
    "privileged",
];

export type Mutation =
    | { kind: "set"; at: number; value: number }
    | { kind: "delete"; at: number }
    | { kind: "add"; at: number; key: number; value: number }
    | { kind: "line"; at: number; how: "delete" | "indent" | "outdent" | "tab" | "duplicate" };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant("set" as const), at: fc.nat(), value: fc.nat() }),
    fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
    fc.record({ kind: fc.constant("add" as const), at: fc.nat(), key: fc.nat(), value: fc.nat() }),
    fc.record({ kind: fc.constant("line" as const), at: fc.nat(), how: fc.constantFrom("delete", "indent", "outdent", "tab", "duplicate" as const) }),
);

/** Applies `mutations` to compose text: structural edits on the YAML document, then line edits on the text. */
export function mutate(text: string, mutations: Mutation[]): string {
    const doc = YAML.parseDocument(text, { merge: true });
    const nodes = (): Array<{ parent: YAML.YAMLMap | YAML.YAMLSeq; key: unknown }> => {
        const out: Array<{ parent: YAML.YAMLMap | YAML.YAMLSeq; key: unknown }> = [];
        YAML.visit(doc, {
            Map(_k, map) {
                for (const pair of map.items) out.push({ parent: map, key: YAML.isScalar(pair.key) ? pair.key.value : pair.key });
            },
            Seq(_k, seq) {
                seq.items.forEach((_i, index) => out.push({ parent: seq, key: index }));
            },
        });
        return out;
    };
    let body = text;
    const structural = mutations.filter((m) => m.kind !== "line");
    if (structural.length > 0 && doc.errors.length === 0) {
        for (const m of structural) {
            const all = nodes();
            if (all.length === 0) break;
            const target = all[m.at % all.length];
            if (m.kind === "set") target.parent.set(target.key, doc.createNode(ODD_VALUES[m.value % ODD_VALUES.length]));
            else if (m.kind === "delete") target.parent.delete(target.key);
            else if (m.kind === "add") {
                const value = target.parent.get(target.key, true);
                const map = YAML.isMap(value) ? value : YAML.isMap(target.parent) ? target.parent : undefined;
                if (map) map.set(KEYS[m.key % KEYS.length], doc.createNode(ODD_VALUES[m.value % ODD_VALUES.length]));
            }
        }
        body = doc.toString({ lineWidth: 0 });
    }
    const lines = body.split("\n");
    for (const m of mutations) {
        if (m.kind !== "line" || lines.length === 0) continue;
        const i = m.at % lines.length;
        if (m.how === "delete") lines.splice(i, 1);
        else if (m.how === "indent") lines[i] = "   " + lines[i];
        else if (m.how === "outdent") lines[i] = lines[i].replace(/^ {1,2}/, "");
        else if (m.how === "tab") lines[i] = "\t" + lines[i];
        else lines.splice(i, 0, lines[i]);
    }
    return lines.join("\n");
}
