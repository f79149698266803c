/**
 * The inputs of a Construct request as they came over the wire. Protobuf's JavaScript runtime keeps
 * a map's entries in a plain object, and the SDK builds the inputs by assignment: either way a key
 * `__proto__` sets an object's prototype instead of adding an entry, so it would never reach the
 * argument checks (`inputs.ts`) and would silently be dropped, or lend its fields to the object.
 * So the plugin reads the request's encoded inputs itself, and refuses a `__proto__` key at any
 * depth as an input error, like any argument that is not in the schema.
 */
import { ConstructRequest } from "@pulumi/pulumi/proto/provider_pb";
import type { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { componentTitle, InputProblem, inputPropertiesError, reservedKeyProblem } from "./input-problems";

/** Field numbers of the wire format (pulumi/proto/pulumi/provider.proto and google/protobuf/struct.proto). */
const CONSTRUCT_REQUEST_INPUTS = 10;
const STRUCT_FIELDS = 1;
const MAP_ENTRY_KEY = 1;
const MAP_ENTRY_VALUE = 2;
const VALUE_STRUCT = 5;
const VALUE_LIST = 6;
const LIST_VALUES = 1;
/** Wire types (https://protobuf.dev/programming-guides/encoding/). */
const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;
const FIXED32 = 5;

/** The key that marks a secret, an output or a resource reference on the wire; its `value` is the value. */
const SPECIAL_SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";

/** The key that JavaScript objects cannot hold as an entry. */
const PROTOTYPE_KEY = "__proto__";

const refused = new WeakMap<ConstructRequest, InputProblem[]>();
let installed = false;

/**
 * Makes every Construct request look for `__proto__` keys in its encoded inputs when it is decoded,
 * and refuse them when the SDK reads the inputs (the first thing it does with a request): an input
 * error naming each key's path, before any resource.
 */
export function refusePrototypeKeysOnConstruct(): void {
    if (installed) return;
    installed = true;
    const decode = ConstructRequest.deserializeBinary;
    ConstructRequest.deserializeBinary = function (bytes: Uint8Array): ConstructRequest {
        const request = decode.call(ConstructRequest, bytes);
        const problems = prototypeKeysOfRequest(bytes);
        if (problems.length > 0) refused.set(request, problems);
        return request;
    };
    const read = ConstructRequest.prototype.getInputs;
    ConstructRequest.prototype.getInputs = function (this: ConstructRequest): Struct | undefined {
        const problems = refused.get(this);
        if (problems) throw inputPropertiesError(componentTitle(this.getType(), this.getName()), problems);
        return read.call(this);
    };
}

/** The `__proto__` keys in the inputs of an encoded ConstructRequest, as problems at their paths (`build.args.__proto__`). */
export function prototypeKeysOfRequest(bytes: Uint8Array): InputProblem[] {
    const problems: InputProblem[] = [];
    for (const inputs of fieldsOf(bytes, CONSTRUCT_REQUEST_INPUTS)) structKeys(inputs, "", problems);
    return problems;
}

function structKeys(struct: Uint8Array, path: string, problems: InputProblem[]): void {
    const entries = fieldsOf(struct, STRUCT_FIELDS).map((entry) => ({ key: stringField(entry, MAP_ENTRY_KEY), value: fieldsOf(entry, MAP_ENTRY_VALUE)[0] }));
    if (entries.some((e) => e.key === SPECIAL_SIGNATURE_KEY)) {
        // A secret or an output: its `value` stands where the wrapper does.
        for (const e of entries) if (e.key === "value" && e.value) valueKeys(e.value, path, problems);
        return;
    }
    for (const { key, value } of entries) {
        const at = path ? `${path}.${key}` : key;
        if (key === PROTOTYPE_KEY) problems.push(reservedKeyProblem(key, at)!);
        else if (value) valueKeys(value, at, problems);
    }
}

function valueKeys(value: Uint8Array, path: string, problems: InputProblem[]): void {
    for (const struct of fieldsOf(value, VALUE_STRUCT)) structKeys(struct, path, problems);
    for (const list of fieldsOf(value, VALUE_LIST)) fieldsOf(list, LIST_VALUES).forEach((item, i) => valueKeys(item, `${path}[${i}]`, problems));
}

/**
 * The length-delimited values (messages, strings) of field `field` of the encoded message `bytes`,
 * in order. A message that is not well formed has none: the SDK's own decoding reports it.
 */
function fieldsOf(bytes: Uint8Array, field: number): Uint8Array[] {
    const found: Uint8Array[] = [];
    let at = 0;
    const varint = (): number => {
        let value = 0;
        for (let shift = 0; shift < 64; shift += 7) {
            const byte = bytes[at];
            if (byte === undefined) break;
            at++;
            value += (byte & 0x7f) * 2 ** shift;
            if ((byte & 0x80) === 0) return value;
        }
        throw new RangeError("truncated varint");
    };
    try {
        while (at < bytes.length) {
            const tag = varint();
            const wireType = tag % 8;
            const number = Math.floor(tag / 8);
            if (wireType === VARINT) varint();
            else if (wireType === FIXED64) at += 8;
            else if (wireType === FIXED32) at += 4;
            else if (wireType === LENGTH_DELIMITED) {
                const length = varint();
                if (at + length > bytes.length) throw new RangeError("truncated field");
                if (number === field) found.push(bytes.subarray(at, at + length));
                at += length;
            } else throw new RangeError(`wire type ${wireType}`);
        }
    } catch (e) {
        if (e instanceof RangeError) return found;
        throw e;
    }
    return found;
}

function stringField(bytes: Uint8Array, field: number): string {
    const [value] = fieldsOf(bytes, field);
    return value ? Buffer.from(value).toString("utf8") : "";
}
