/**
 * Casting after interpolation: the strings at the paths the specification types become numbers or
 * booleans; every other string stays as written.
 */
import * as assert from "assert";
import { castTree } from "../../provider/src/compose/cast";
import { DiagnosticSink } from "../../provider/src/compose/diagnostics";

function cast(value: unknown) {
    const sink = new DiagnosticSink();
    return { value: castTree(value, { file: "compose.yaml", positions: new Map(), sink }), sink };
}

describe("casting typed attributes", function () {
    it("casts by the whole path, whether the pattern ends in a key or in any key", function () {
        const { value } = cast({
            services: {
                a: {
                    deploy: { replicas: "3", resources: { limits: { cpus: "0.5" } } },
                    ulimits: { nproc: "65535", nofile: { soft: "1024", hard: "2048" } },
                    secrets: [{ source: "s", mode: "0440" }],
                    init: "true",
                    environment: { replicas: "3", mode: "0440", cpus: "0.5" },
                    "x-replicas": "3",
                },
            },
            networks: { n: { external: "false" } },
            "x-external": "true",
        });
        assert.deepStrictEqual(value, {
            services: {
                a: {
                    deploy: { replicas: 3, resources: { limits: { cpus: 0.5 } } },
                    ulimits: { nproc: 65535, nofile: { soft: 1024, hard: 2048 } },
                    secrets: [{ source: "s", mode: 288 }],
                    init: true,
                    environment: { replicas: "3", mode: "0440", cpus: "0.5" },
                    "x-replicas": "3",
                },
            },
            networks: { n: { external: false } },
            "x-external": "true",
        });
    });

    it("reads a YAML 1.1 boolean with a warning naming the service and field", function () {
        const { value, sink } = cast({ services: { a: { tty: "yes" } } });
        assert.deepStrictEqual(value, { services: { a: { tty: true } } });
        assert.deepStrictEqual(
            sink.items.map((d) => [d.code, d.service, d.field]),
            [["yaml11-boolean", "a", "tty"]],
        );
    });
});
