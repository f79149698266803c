/**
 * Compose models in the cloud-neutral model, and the model table: the endpoints a project gets,
 * the variables Compose names for each use, and what each cloud maps a model name to.
 */
import { strict as assert } from "assert";
import { loadProject } from "../../provider/src/compose/load";
import { projectFromCompose } from "../../provider/src/model/from-compose";
import { dockerModelRepository, MODEL_CATALOG, resolveModel } from "../../provider/src/model/model-catalog";
import { modelVariablePrefix } from "../../provider/src/model/model-endpoints";
import { ServiceModel } from "../../provider/src/model/types";
import { memFiles, memPath } from "../support/memfs";

function model(yaml: string) {
    const r = loadProject({ ...memFiles({ "compose.yaml": yaml }), files: [memPath("compose.yaml")], validate: false });
    return projectFromCompose(r.project, { workingDir: r.workingDir, locator: r.locator });
}
const service = (m: ReturnType<typeof model>, n: string) => m.components.find((c) => c.name === n) as ServiceModel;

describe("compose models in the model", function () {
    it("a used top-level model is an endpoint named after its key; the services get Compose's variables and depend on it", function () {
        const m = model(`
services:
  web: { image: web, models: [ai-model] }
  llm: { image: other }
  api:
    image: api
    models:
      llm: { endpoint_var: BASE, model_var: NAME }
models:
  ai-model: { model: ai/gemma3 }
  llm: { model: ai/llama3.3 }
  unused: { model: ai/phi4 }
`);
        assert.deepEqual(m.components.map((c) => c.name).sort(), ["ai-model", "api", "llm", "llm-model", "web"]);
        assert.deepEqual(service(m, "ai-model").modelEndpoint?.model, "ai/gemma3");
        assert.deepEqual(service(m, "ai-model").ports, [{ target: 80, mode: "host", protocol: "tcp", appProtocol: "http" }]);
        assert.deepEqual(service(m, "web").modelUses, [{ endpoint: "ai-model", model: "ai/gemma3", urlVariable: "AI_MODEL_URL", modelVariable: "AI_MODEL_MODEL" }]);
        assert.deepEqual(service(m, "api").modelUses, [{ endpoint: "llm-model", model: "ai/llama3.3", urlVariable: "BASE", modelVariable: "NAME" }]);
        assert.deepEqual(service(m, "api").dependsOn, ["llm-model"]);
        assert.equal(service(m, "llm").modelEndpoint, undefined, "the service named llm stays a service");
        const names = m.components.map((c) => c.name);
        assert.ok(names.indexOf("ai-model") < names.indexOf("web"), "an endpoint before its users");
    });

    it("a provider service is an endpoint under its name; its dependents get <SERVICE>_URL and <SERVICE>_MODEL; another provider type is refused", function () {
        const m = model(`
services:
  app: { image: app, depends_on: [ai_runner], environment: { OPENAI_API_KEY: placeholder } }
  ai_runner:
    provider: { type: model, options: { model: ai/smollm2 } }
  tunnel:
    provider: { type: awesomecloud, options: { type: mysql } }
`);
        assert.equal(service(m, "ai_runner").modelEndpoint?.model, "ai/smollm2");
        assert.deepEqual(service(m, "ai_runner").features, []);
        assert.deepEqual(service(m, "ai_runner").resources, { cpus: 0.25, memoryMiB: 512 }, "the gateway's size when the service gives none");
        assert.deepEqual(service(m, "app").modelUses, [{ endpoint: "ai_runner", model: "ai/smollm2", urlVariable: "AI_RUNNER_URL", modelVariable: "AI_RUNNER_MODEL" }]);
        assert.deepEqual(service(m, "app").features, [{ feature: "model-client-key", field: ["environment", "OPENAI_API_KEY"] }]);
        assert.deepEqual(
            service(m, "tunnel").features.map((f) => [f.feature, f.field.join("."), f.detail]),
            [["model-provider", "provider.type", "type awesomecloud"]],
        );
    });

    it("names variables after the key as Compose does", function () {
        assert.equal(modelVariablePrefix("my-model"), "MY_MODEL");
        assert.equal(modelVariablePrefix("llm"), "LLM");
    });
});

describe("the model table", function () {
    it("reads Docker model names with or without tag, registry or digest", function () {
        assert.equal(dockerModelRepository("ai/llama3.3"), "ai/llama3.3");
        assert.equal(dockerModelRepository("ai/qwen3:8B-Q4_K_M"), "ai/qwen3");
        assert.equal(dockerModelRepository("docker.io/ai/smollm2:latest"), "ai/smollm2");
        assert.equal(dockerModelRepository("hf.co/bartowski/model"), undefined);
        assert.equal(dockerModelRepository("google/gemini-2.5-flash"), undefined);
    });

    it("maps the table's models on each cloud, Bedrock's profile-only ones flagged", function () {
        assert.deepEqual(resolveModel("ai/llama3.3:70B-Q4_K_M", "aws"), { kind: "mapped", id: "meta.llama3-3-70b-instruct-v1:0", bedrockProfile: true, row: MODEL_CATALOG[1] });
        assert.equal((resolveModel("ai/mistral", "aws") as { id: string }).id, "mistral.mistral-7b-instruct-v0:2");
        assert.equal((resolveModel("ai/smollm2", "gcp") as { id: string }).id, "google/gemini-2.5-flash-lite");
        assert.equal((resolveModel("ai/deepseek-r1-distill-llama", "digitalocean") as { id: string }).id, "deepseek-r1-distill-llama-70b");
    });

    it("takes a cloud's own model id verbatim, and refuses another cloud's", function () {
        assert.deepEqual(resolveModel("anthropic.claude-3-haiku-20240307-v1:0", "aws"), { kind: "mapped", id: "anthropic.claude-3-haiku-20240307-v1:0" });
        assert.deepEqual(resolveModel("google/gemini-2.5-flash", "gcp"), { kind: "mapped", id: "google/gemini-2.5-flash" });
        assert.deepEqual(resolveModel("llama3.3-70b-instruct", "digitalocean"), { kind: "mapped", id: "llama3.3-70b-instruct" });
        assert.equal(resolveModel("google/gemini-2.5-flash", "aws").kind, "refused");
    });

    it("refuses a model with no managed equivalent, naming the closest the cloud offers", function () {
        assert.deepEqual(resolveModel("ai/mistral", "gcp"), {
            kind: "refused",
            reason: 'Vertex AI serves no model of the "ai/mistral" family',
            closest: ["meta/llama-3.1-8b-instruct-maas", "google/gemini-2.5-flash-lite"],
        });
        const unknown = resolveModel("ai/not-a-model", "digitalocean");
        assert.equal(unknown.kind, "refused");
        assert.equal((unknown as { reason: string }).reason, 'the Docker model "ai/not-a-model" has no managed equivalent in the model table');
        assert.equal((unknown as { closest: string[] }).closest[0], "llama3-8b-instruct");
    });

    it("maps every row somewhere or says what is closest on each cloud", function () {
        for (const row of MODEL_CATALOG) {
            for (const cloud of ["aws", "gcp", "digitalocean"] as const) {
                const r = resolveModel(row.docker, cloud);
                if (r.kind === "refused") assert.ok(row.closest?.[cloud]?.length, `${row.docker} on ${cloud} names its closest models`);
            }
        }
    });
});
