/**
 * The inputs of a Construct request as they came over the wire. The SDK turns them into objects by
 * assignment, and assigning a key `__proto__` sets the object's prototype instead of adding a field:
 * such a key would never reach the argument checks (`inputs.ts`), and would silently lend its own
 * fields to the object. So the plugin reads the request's inputs before the SDK does, and refuses
 * a `__proto__` key at any depth, like any argument that is not in the schema.
 */
import { ConstructRequest } from "@pulumi/pulumi/proto/provider_pb";
import { Struct, Value } from "google-protobuf/google/protobuf/struct_pb";
import { componentTitle, InputProblem, inputPropertiesError, reservedKeyProblem } from "./input-problems";

/** The key that marks a secret, an output or a resource reference on the wire; its `value` is the value. */
const SPECIAL_SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";

/** The key that plain objects cannot hold. */
const PROTOTYPE_KEY = "__proto__";

let installed = false;

/**
 * Makes every Construct request check its inputs for `__proto__` keys when the SDK reads them (the
 * first thing it does), so that such a request is refused as an input error before anything else.
 */
export function refusePrototypeKeysOnConstruct(): void {
    if (installed) return;
    installed = true;
    const read = ConstructRequest.prototype.getInputs;
    ConstructRequest.prototype.getInputs = function (this: ConstructRequest): Struct | undefined {
        const inputs = read.call(this);
        const problems = inputs ? prototypeKeys(inputs, "") : [];
        if (problems.length > 0) throw inputPropertiesError(componentTitle(this.getType(), this.getName()), problems);
        return inputs;
    };
}

/** The `__proto__` keys under `struct`, as problems at their paths (`build.args.__proto__`). */
export function prototypeKeys(struct: Struct, path: string): InputProblem[] {
    const fields = struct.getFieldsMap();
    const wrapped = fields.get(SPECIAL_SIGNATURE_KEY) !== undefined ? fields.get("value") : undefined;
    if (wrapped) return valuePrototypeKeys(wrapped, path);
    const problems: InputProblem[] = [];
    fields.forEach((value, key) => {
        const at = path ? `${path}.${key}` : key;
        if (key === PROTOTYPE_KEY) problems.push(reservedKeyProblem(key, at)!);
        else problems.push(...valuePrototypeKeys(value, at));
    });
    return problems;
}

function valuePrototypeKeys(value: Value, path: string): InputProblem[] {
    switch (value.getKindCase()) {
        case Value.KindCase.STRUCT_VALUE:
            return prototypeKeys(value.getStructValue()!, path);
        case Value.KindCase.LIST_VALUE:
            return value.getListValue()!.getValuesList().flatMap((v, i) => valuePrototypeKeys(v, `${path}[${i}]`));
        default:
            return [];
    }
}
