/**
 * Compose `models` and model provider services on the three clouds, under mocks: each model is an
 * OpenAI-compatible endpoint (AWS: a private Bedrock gateway whose task role may invoke only the
 * mapped model; Google Cloud: a Vertex AI gateway whose service account may only predict;
 * DigitalOcean: serverless inference, no gateway), the services that use it get the variables
 * Compose gives them, and a model a cloud cannot map is refused by name with nothing registered.
 */
import { strict as assert } from "assert";
import { UnsupportedFeaturesError } from "../../provider/src/model/errors";
import { composeStack } from "../support/compose-stack";
import { MockRecorder, Registration, unwrapSecrets, useMocks } from "../support/pulumi-mocks";

/** Top-level models: `chat` lists `llm` (short form), `worker` lists `embed` (long form), `other` uses none. */
const TOP_LEVEL = `name: ai
services:
  chat:
    image: my/chat:1
    ports: ["8080:8080"]
    models: [llm]
  worker:
    image: my/worker:1
    models:
      embed:
        endpoint_var: EMBED_BASE
        model_var: EMBED_ID
  other:
    image: my/other:1
models:
  llm:
    model: ai/llama3.3
  embed:
    model: ai/qwen3:8B-Q4_K_M
    context_size: 8192
`;

/** The older spelling: a provider service, reached by name, and a dependent that writes a placeholder key. */
const PROVIDER = `name: ai
services:
  app:
    image: my/app:1
    ports: ["8000:8000"]
    environment:
      LLM_URL: http://ai-runner/api/v1/
      OPENAI_API_KEY: FAKE_TOKEN
    depends_on: [ai-runner]
  ai-runner:
    provider:
      type: model
      options:
        model: ai/smollm2
`;

/** A model no cloud serves. */
const UNKNOWN = `name: ai
services:
  chat:
    image: my/chat:1
    models: [brain]
models:
  brain:
    model: ai/phi4
`;

type Env = Record<string, string>;

/** The plain environment of an ECS task definition's container. */
function ecsEnvironment(r: Registration): Env {
    const [container] = JSON.parse(String(r.inputs.containerDefinitions)) as Array<{ image: string; environment?: Array<{ name: string; value: string }> }>;
    return Object.fromEntries((container.environment ?? []).map((e) => [e.name, e.value]));
}

/** The plain environment of a Cloud Run service's container. */
function runEnvironment(r: Registration): Env {
    const containers = (r.inputs.template as { containers: Array<{ envs?: Array<{ name: string; value?: string }> }> }).containers;
    return Object.fromEntries((containers[0].envs ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value!]));
}

interface AppEnv {
    key: string;
    value?: string;
    type?: string;
}

function appSpec(recorder: MockRecorder): Record<string, unknown> {
    return unwrapSecrets(recorder.one("digitalocean:index/app:App").inputs.spec) as Record<string, unknown>;
}

/** An App Platform component's env vars, by name. */
function appEnvironment(recorder: MockRecorder, component: string): Record<string, AppEnv> {
    const spec = appSpec(recorder) as Record<string, Array<{ name: string; envs?: AppEnv[] }> | undefined>;
    const all = [...(spec.services ?? []), ...(spec.workers ?? [])];
    const c = all.find((s) => s.name === component);
    assert.ok(c, `App component ${component} (have ${all.map((s) => s.name).join(", ")})`);
    return Object.fromEntries((c.envs ?? []).map((e) => [e.key, e]));
}

function refusal(stack: { error?: Error; registrations: Registration[] }): UnsupportedFeaturesError {
    assert.ok(stack.error instanceof UnsupportedFeaturesError, String(stack.error));
    assert.equal(stack.registrations.length, 0, "nothing registered");
    return stack.error;
}

describe("compose models", function () {
    this.timeout(60000);
    let recorder: MockRecorder;
    before(async function () {
        recorder = await useMocks();
    });

    describe("on AWS", function () {
        it("top-level models: one private Bedrock gateway per model, the short and long variables, the mapped model ids", async function () {
            const stack = await composeStack(recorder, "aws", TOP_LEVEL);
            assert.equal(stack.error, undefined, String(stack.error));
            const tasks = recorder
                .ofType("aws:ecs/taskDefinition:TaskDefinition")
                .map((r) => r.name)
                .sort();
            assert.deepEqual(tasks, ["ports-chat-task", "ports-embed-task", "ports-llm-task", "ports-other-task", "ports-worker-task"]);
            const gateway = recorder.one("aws:ecs/taskDefinition:TaskDefinition", "ports-llm-task");
            assert.equal(JSON.parse(String(gateway.inputs.containerDefinitions))[0].image, "defangio/openai-access-gateway");
            const gatewayEnv = ecsEnvironment(gateway);
            assert.equal(gatewayEnv.DEFAULT_MODEL, "meta.llama3-3-70b-instruct-v1:0");
            assert.equal(gatewayEnv.OPENAI_API_KEY, "");
            assert.deepEqual(
                Object.entries(ecsEnvironment(recorder.one("aws:ecs/taskDefinition:TaskDefinition", "ports-chat-task"))).filter(([k]) => k.startsWith("LLM_")),
                [
                    ["LLM_URL", "http://llm/api/v1/"],
                    ["LLM_MODEL", "meta.llama3-3-70b-instruct-v1:0"],
                ],
            );
            const workerEnv = ecsEnvironment(recorder.one("aws:ecs/taskDefinition:TaskDefinition", "ports-worker-task"));
            assert.equal(workerEnv.EMBED_BASE, "http://embed/api/v1/");
            assert.equal(workerEnv.EMBED_ID, "qwen.qwen3-32b-v1:0");
            assert.equal(workerEnv.EMBED_URL, undefined);
            assert.equal(ecsEnvironment(recorder.one("aws:ecs/taskDefinition:TaskDefinition", "ports-other-task")).LLM_URL, undefined);
        });

        it("the gateway's task role may invoke only the mapped model (through its inference profiles), and the services' roles none", async function () {
            await composeStack(recorder, "aws", TOP_LEVEL);
            const policy = JSON.parse(String(recorder.one("aws:iam/rolePolicy:RolePolicy", "ports-llm-model-access").inputs.policy));
            const invoke = policy.Statement.find((s: { Sid: string }) => s.Sid === "InvokeModels");
            assert.deepEqual(invoke.Resource, ["arn:aws:bedrock:us-west-2:123456789012:inference-profile/*.meta.llama3-3-70b-instruct-v1:0", "arn:aws:bedrock:*::foundation-model/meta.llama3-3-70b-instruct-v1:0"]);
            const embed = JSON.parse(String(recorder.one("aws:iam/rolePolicy:RolePolicy", "ports-embed-model-access").inputs.policy));
            assert.deepEqual(embed.Statement[0].Resource, ["arn:aws:bedrock:us-west-2::foundation-model/qwen.qwen3-32b-v1:0"]);
            assert.deepEqual(
                recorder
                    .ofType("aws:iam/rolePolicy:RolePolicy")
                    .filter((r) => r.name.endsWith("-model-access"))
                    .map((r) => r.name)
                    .sort(),
                ["ports-embed-model-access", "ports-llm-model-access"],
            );
        });

        it("the gateway admits only the services that use its model", async function () {
            await composeStack(recorder, "aws", TOP_LEVEL);
            recorder.one("aws:ec2/securityGroup:SecurityGroup", "ports-llm-model-clients-sg");
            const clients = "ports-llm-model-clients-sg-id";
            const rule = recorder.one("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "ports-llm-sg-host-80");
            assert.equal(rule.inputs.referencedSecurityGroupId, clients);
            assert.equal(recorder.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((r) => r.name.startsWith("ports-llm-sg-")).length, 1, "no other way in");
            const groups = (service: string) => (recorder.one("aws:ecs/service:Service", `ports-${service}-service`).inputs.networkConfiguration as { securityGroups: string[] }).securityGroups;
            assert.ok(groups("chat").includes(clients), "chat joins the llm clients");
            assert.ok(!groups("other").includes(clients), "other does not");
            assert.ok(!groups("worker").includes(clients), "worker uses embed only");
            assert.ok(groups("worker").includes("ports-embed-model-clients-sg-id"), "worker joins the embed clients");
        });

        it("a provider service: the gateway under the service's name, its dependents get <SERVICE>_URL and <SERVICE>_MODEL, their own values kept", async function () {
            const stack = await composeStack(recorder, "aws", PROVIDER);
            assert.equal(stack.error, undefined, String(stack.error));
            assert.equal(ecsEnvironment(recorder.one("aws:ecs/taskDefinition:TaskDefinition", "ports-ai-runner-task")).DEFAULT_MODEL, "amazon.nova-micro-v1:0");
            const env = ecsEnvironment(recorder.one("aws:ecs/taskDefinition:TaskDefinition", "ports-app-task"));
            assert.equal(env.AI_RUNNER_URL, "http://ai-runner/api/v1/");
            assert.equal(env.AI_RUNNER_MODEL, "amazon.nova-micro-v1:0");
            assert.equal(env.LLM_URL, "http://ai-runner/api/v1/");
            assert.equal(env.OPENAI_API_KEY, "FAKE_TOKEN");
        });

        it("an unknown model: refused by name at the service's models entry, with the closest Bedrock models", async function () {
            const error = refusal(await composeStack(recorder, "aws", UNKNOWN));
            assert.deepEqual(
                error.features.map((f) => [f.service, f.field, f.location?.line]),
                [["chat", "models.brain", 5]],
            );
            assert.equal(error.features[0].message, 'model "brain" asks for "ai/phi4": Amazon Bedrock serves no model of the "ai/phi4" family');
            assert.match(error.features[0].hint, /"amazon\.nova-micro-v1:0", "mistral\.mistral-7b-instruct-v0:2"/);
        });
    });

    describe("on Google Cloud", function () {
        it("top-level models: an internal Vertex AI gateway per model; the services get its Cloud Run URL and the Vertex model id", async function () {
            const stack = await composeStack(recorder, "gcp", TOP_LEVEL);
            assert.equal(stack.error, undefined, String(stack.error));
            const gateway = recorder.one("gcp:cloudrunv2/service:Service", "ports-llm-service");
            assert.equal(gateway.inputs.ingress, "INGRESS_TRAFFIC_INTERNAL_ONLY");
            const env = runEnvironment(gateway);
            assert.equal(env.DEFAULT_MODEL, "meta/llama-3.3-70b-instruct-maas");
            assert.equal(env.GCP_PROJECT_ID, "ports-project");
            assert.equal(env.GCP_REGION, "us-central1");
            const chat = runEnvironment(recorder.one("gcp:cloudrunv2/service:Service", "ports-chat-service"));
            assert.match(chat.LLM_URL, /^https:\/\/[a-z0-9-]+\.us-central1\.run\.app\/api\/v1\/$/);
            assert.equal(chat.LLM_MODEL, "meta/llama-3.3-70b-instruct-maas");
            const worker = runEnvironment(recorder.one("gcp:cloudrunv2/workerPool:WorkerPool", "ports-worker-pool"));
            assert.equal(worker.EMBED_ID, "qwen/qwen3-235b-a22b-instruct-2507-maas");
        });

        it("the gateway's service account gets a custom role that may only predict; the services get no Vertex AI role", async function () {
            await composeStack(recorder, "gcp", TOP_LEVEL);
            const role = recorder.one("gcp:projects/iAMCustomRole:IAMCustomRole", "ports-llm-predict-role");
            assert.deepEqual(role.inputs.permissions, ["aiplatform.endpoints.predict"]);
            const members = recorder.ofType("gcp:projects/iAMMember:IAMMember").filter((r) => r.name.endsWith("-vertex-ai"));
            assert.deepEqual(members.map((r) => r.name).sort(), ["ports-embed-vertex-ai", "ports-llm-vertex-ai"]);
            assert.ok(
                members.every((m) => m.inputs.role !== "roles/aiplatform.user"),
                "never the broad aiplatform.user role",
            );
        });

        it("an unknown model: refused with the closest Vertex AI models, nothing registered", async function () {
            const error = refusal(await composeStack(recorder, "gcp", UNKNOWN));
            assert.equal(error.features.length, 1);
            assert.match(error.features[0].hint, /"google\/gemini-2\.5-flash-lite"/);
        });
    });

    describe("on DigitalOcean", function () {
        const KEY = { DIGITALOCEAN_MODEL_ACCESS_KEY: "do-model-key-secret" };

        it("top-level models: no gateway; the services call serverless inference with the model id and the access key as a SECRET", async function () {
            const stack = await composeStack(recorder, "digitalocean", TOP_LEVEL, KEY);
            assert.equal(stack.error, undefined, String(stack.error));
            const spec = appSpec(recorder) as Record<string, Array<{ name: string }> | undefined>;
            assert.deepEqual([...(spec.services ?? []), ...(spec.workers ?? [])].map((s) => s.name).sort(), ["chat", "other", "worker"]);
            const chat = appEnvironment(recorder, "chat");
            assert.equal(chat.LLM_URL.value, "https://inference.do-ai.run/v1/");
            assert.equal(chat.LLM_MODEL.value, "llama3.3-70b-instruct");
            assert.equal(chat.OPENAI_API_KEY.type, "SECRET");
            assert.equal(chat.DIGITALOCEAN_MODEL_ACCESS_KEY.type, "SECRET");
            const worker = appEnvironment(recorder, "worker");
            assert.equal(worker.EMBED_BASE.value, "https://inference.do-ai.run/v1/");
            assert.equal(worker.EMBED_ID.value, "alibaba-qwen3-32b");
            assert.equal(appEnvironment(recorder, "other").DIGITALOCEAN_MODEL_ACCESS_KEY, undefined, "a service that uses no model gets no key");
        });

        it("a provider service: its URL in a dependent's environment becomes serverless inference, and the placeholder key gives way, with a warning", async function () {
            const stack = await composeStack(recorder, "digitalocean", PROVIDER, KEY);
            assert.equal(stack.error, undefined, String(stack.error));
            const app = appEnvironment(recorder, "app");
            assert.equal(app.LLM_URL.value, "https://inference.do-ai.run/v1/");
            assert.equal(app.AI_RUNNER_URL.value, "https://inference.do-ai.run/v1/");
            assert.equal(app.AI_RUNNER_MODEL.value, "llama3-8b-instruct");
            assert.equal(app.OPENAI_API_KEY.type, "SECRET");
            assert.ok(
                stack.warnings.some((w) => /OPENAI_API_KEY the service sets is replaced/.test(w)),
                stack.warnings.join("\n"),
            );
        });

        it("the model access key is required before anything is created", async function () {
            const stack = await composeStack(recorder, "digitalocean", TOP_LEVEL);
            assert.match(String(stack.error), /DIGITALOCEAN_MODEL_ACCESS_KEY/);
            assert.equal(stack.registrations.length, 0);
        });

        it("an unknown model: refused with the closest serverless inference models", async function () {
            const error = refusal(await composeStack(recorder, "digitalocean", UNKNOWN, KEY));
            assert.match(error.features[0].message, /DigitalOcean serverless inference serves no model of the "ai\/phi4" family/);
        });
    });
});
