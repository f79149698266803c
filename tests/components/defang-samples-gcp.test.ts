/**
 * `DefangProject` on Google Cloud over the main compose.yaml of every Defang sample in the shared
 * corpus: each builds a stack of Google Cloud resources only, with no secret in plain text, or fails
 * with the named unsupported-features error before creating anything. Prints resource counts.
 */
import { strict as assert } from "assert";
import { describeDefangSamples } from "../support/defang-samples";
import { isSecretValue } from "../support/pulumi-mocks";

/** Every string under `v` outside a secret wrapper. */
function plainStrings(v: unknown, out: string[] = []): string[] {
    if (isSecretValue(v)) return out;
    if (typeof v === "string") out.push(v);
    else if (Array.isArray(v)) v.forEach((x) => plainStrings(x, out));
    else if (v && typeof v === "object") Object.values(v).forEach((x) => plainStrings(x, out));
    return out;
}

describeDefangSamples({
    cloud: "gcp",
    title: "Google Cloud",
    config: { "gcp:project": "sample-project", "gcp:region": "us-central1" },
    check({ registrations, secretValues }) {
        const runtimes = registrations.filter((r) => r.type === "gcp:cloudrunv2/service:Service" || r.type === "gcp:cloudrunv2/workerPool:WorkerPool");
        assert.ok(runtimes.length > 0 || registrations.some((r) => r.type === "gcp:sql/databaseInstance:DatabaseInstance"), "a stack with at least one service");
        for (const r of registrations) {
            assert.ok(r.type.startsWith("defang:") || r.type.startsWith("gcp:") || r.type.startsWith("random:") || r.type === "pulumi-nodejs:dynamic:Resource", `${r.type} is a Google Cloud resource`);
            const leaked = plainStrings(r.inputs).filter((s) => secretValues.some((v) => s.includes(v)));
            assert.deepEqual(leaked, [], `${r.type} ${r.name} has no secret in plain text`);
        }
        return `${registrations.length} resources, ${runtimes.length} Cloud Run services/worker pools`;
    },
});
