import * as assert from "assert";
import { mergeValues, stripMarkers, MergeError } from "../../provider/src/compose/merge";
import { normalizeModel } from "../../provider/src/compose/normalize";
import { enforceUnicity } from "../../provider/src/compose/unicity";
import { Override, RESET } from "../../provider/src/compose/yaml-source";

const merge = (base: unknown, override: unknown) => enforceUnicity(stripMarkers(mergeValues(base, override, [])));
const svc = (attrs: Record<string, unknown>) => ({ services: { s: attrs } });

describe("override merge", function () {
    it("merges mappings key by key and replaces scalars", function () {
        assert.deepStrictEqual(merge(svc({ image: "a", restart: "always" }), svc({ image: "b" })), svc({ image: "b", restart: "always" }));
    });
    it("merges environment written as a map in one file and a list in the other, later values winning", function () {
        assert.deepStrictEqual(merge(svc({ environment: { A: "1", B: "2" } }), svc({ environment: ["B=3", "C"] })), svc({ environment: ["A=1", "B=3", "C"] }));
    });
    it("replaces command and entrypoint instead of appending", function () {
        assert.deepStrictEqual(merge(svc({ command: ["a", "b"] }), svc({ command: ["c"] })), svc({ command: ["c"] }));
    });
    it("appends ports and volumes, one per target", function () {
        const got = merge(svc({ ports: ["80:80"], volumes: ["a:/data"] }), svc({ ports: ["443:443"], volumes: ["b:/data"] }));
        assert.deepStrictEqual(got, svc({ ports: ["80:80", "443:443"], volumes: ["b:/data"] }));
    });
    it("turns a build path into a context before merging", function () {
        assert.deepStrictEqual(merge(svc({ build: "./app" }), svc({ build: { target: "prod" } })), svc({ build: { context: "./app", target: "prod" } }));
    });
    it("applies !reset and !override", function () {
        assert.deepStrictEqual(merge(svc({ image: "a", ports: ["80"] }), svc({ ports: RESET })), svc({ image: "a" }));
        assert.deepStrictEqual(merge(svc({ ports: ["80"] }), svc({ ports: new Override(["81"]) })), svc({ ports: ["81"] }));
        assert.deepStrictEqual(merge(svc({ environment: { A: "1", B: "2" } }), svc({ environment: { B: RESET } })), svc({ environment: ["A=1"] }));
    });
    it("keeps the base value when the override is empty", function () {
        assert.deepStrictEqual(merge(svc({ image: "a" }), svc({ image: null })), svc({ image: "a" }));
    });
    it("folds a list with a repeated key into a new list, leaving the model it was given as it was", function () {
        const model = svc({ image: "a", volumes: ["a:/data", "b:/data"], environment: ["A=1", "A=2"], x: { labels: ["k=1", "k=2"] } });
        const before = structuredClone(model);
        const folded = enforceUnicity(model) as ReturnType<typeof svc>;
        assert.deepStrictEqual(folded, svc({ image: "a", volumes: ["b:/data"], environment: ["A=2"], x: { labels: ["k=1", "k=2"] } }));
        assert.deepStrictEqual(model, before);
        assert.strictEqual((folded.services.s as Record<string, unknown>).x, model.services.s.x, "a part with nothing to fold is kept, not copied");
    });
    it("refuses to merge a list into a mapping, saying where", function () {
        assert.throws(
            () => mergeValues(svc({ deploy: { replicas: 1 } }), svc({ deploy: [1] }), []),
            (e: MergeError) => e instanceof MergeError && e.path.join(".") === "services.s.deploy" && /list into a mapping/.test(e.message),
        );
    });
});

describe("normalization", function () {
    const lookup = (env: Record<string, string>) => (n: string) => env[n];
    it("puts services on the default network and names networks and volumes after the project", function () {
        const got = normalizeModel({ services: { a: { image: "x" } }, volumes: { data: {}, ext: { external: true } } }, "shop", lookup({}));
        assert.deepStrictEqual(got, {
            services: { a: { image: "x", networks: { default: null } } },
            networks: { default: { name: "shop_default" } },
            volumes: { data: { name: "shop_data" }, ext: { name: "ext", external: true } },
        });
    });
    it("does not add the default network to a service with network_mode", function () {
        const got = normalizeModel({ services: { a: { network_mode: "none" } } }, "p", lookup({})) as { networks?: unknown };
        assert.strictEqual(got.networks, undefined);
    });
    it("makes implicit dependencies explicit without overriding explicit ones", function () {
        const got = normalizeModel({ services: { a: { links: ["db:database"], volumes_from: ["files"], depends_on: { db: { condition: "service_healthy" } } } } }, "p", lookup({})) as {
            services: { a: { depends_on: unknown } };
        };
        assert.deepStrictEqual(got.services.a.depends_on, {
            db: { condition: "service_healthy" },
            files: { condition: "service_started", restart: false, required: true },
        });
    });
    it("gives builds their default context and Dockerfile, and resolves value-less args and environment", function () {
        const got = normalizeModel({ services: { a: { build: { args: { SET: null, UNSET: null } }, environment: ["SET", "UNSET"] } } }, "p", lookup({ SET: "v" })) as {
            services: { a: Record<string, unknown> };
        };
        assert.deepStrictEqual(got.services.a.build, { context: ".", dockerfile: "Dockerfile", args: { SET: "v" } });
        assert.deepStrictEqual(got.services.a.environment, ["SET=v", "UNSET"]);
    });
});
