/**
 * The plugin's reading of a Construct request's encoded inputs, in process: every `__proto__` key
 * is found at its path (in maps, lists, typed objects and inside secrets), other keys are not, and
 * bytes that are not a well-formed message give no false alarm (the SDK's decoding reports them).
 */
import * as assert from "assert";
import { prototypeKeysOfRequest } from "../../provider/src/plugin/wire-inputs";
import { replaceKeys, wireSecret } from "./plugin-process";

/* eslint-disable @typescript-eslint/no-require-imports */
const provproto = require("@pulumi/pulumi/proto/provider_pb");
const structproto = require("google-protobuf/google/protobuf/struct_pb");

/** An encoded ConstructRequest with `inputs`, where `__PROTO__` stands for `__proto__`. */
function encoded(inputs: Record<string, unknown>): Uint8Array {
    const req = new provproto.ConstructRequest();
    req.setType("defang:index:DefangService");
    req.setName("app");
    req.setInputs(structproto.Struct.fromJavaScript(inputs));
    return replaceKeys(req.serializeBinary() as Uint8Array, { __PROTO__: "__proto__" });
}

describe("plugin: __proto__ keys on the wire", function () {
    it("finds each at its path, at any depth and inside a secret", function () {
        const bytes = encoded({
            image: "nginx",
            __PROTO__: { user: "root" },
            ports: [{ target: 80 }, { target: 81, __PROTO__: 1 }],
            build: { context: ".", args: { A: "__PROTO__ in a value is text", __PROTO__: "x" } },
            environment: wireSecret([{ name: "A", __PROTO__: null }]),
        });
        assert.deepStrictEqual(
            prototypeKeysOfRequest(bytes)
                .map((p) => p.propertyPath)
                .sort(),
            ["__proto__", "build.args.__proto__", "environment[0].__proto__", "ports[1].__proto__"],
        );
    });

    it("finds none in ordinary inputs, nor in a string that spells it", function () {
        assert.deepStrictEqual(prototypeKeysOfRequest(encoded({ image: "nginx", command: ["__PROTO__"], environment: [{ name: "PROTO", value: "__PROTO__" }] })), []);
    });

    it("gives no false alarm on bytes that are not a well-formed message", function () {
        const bytes = encoded({ image: "nginx", __PROTO__: "x" });
        for (let cut = 0; cut < bytes.length; cut++) {
            const found = prototypeKeysOfRequest(bytes.subarray(0, cut));
            assert.ok(
                found.every((p) => p.propertyPath === "__proto__"),
                `cut at ${cut}`,
            );
        }
        assert.deepStrictEqual(prototypeKeysOfRequest(new Uint8Array([0xff, 0xff, 0xff])), []);
    });
});
