/**
 * `validate` and `plan` on compose models: both refuse a model a cloud cannot map at the same
 * service, field and position, and `plan` shows each model endpoint, the model it serves and the
 * variables each service gets, and says per-token model use is not priced.
 */
import * as assert from "assert";
import * as path from "path";
import { PlanReport } from "../../provider/src/plan/types";
import { CLI_FIXTURES, assertClean, cli } from "./run-cli";

const UNKNOWN = path.join(CLI_FIXTURES, "verdict", "unknown-model");
const MODELS = path.join(CLI_FIXTURES, "models");
const OWN_NAME = path.join(CLI_FIXTURES, "model-own-name");

describe("compose models in validate and plan", function () {
    this.timeout(180_000);

    for (const [provider, title, closest] of [
        ["aws", "AWS", "amazon.nova-micro-v1:0"],
        ["gcp", "Google Cloud", "google/gemini-2.5-flash-lite"],
        ["digitalocean", "DigitalOcean", "llama3-8b-instruct"],
    ]) {
        it(`an unknown model on ${title}: both exit 3 and name chat models.brain at 5:13 (the list entry) with the closest models`, () => {
            const v = cli(["validate", "--provider", provider, "--no-color"], { cwd: UNKNOWN });
            assertClean(v, 3);
            const line = v.stdout.split("\n").find((l) => l.includes(" error: "));
            assert.ok(line, v.stdout);
            assert.ok(line.startsWith(`compose.yaml:5:13: error: service "chat": models.brain: not supported on ${title}: model "brain" asks for "ai/phi4": `), line);
            assert.ok(line.includes(`"${closest}"`), line);
            const p = cli(["plan", "--provider", provider, "--format", "json"], { cwd: UNKNOWN });
            assertClean(p, 3);
            const problems = (JSON.parse(p.stdout) as PlanReport).clouds[0].problems ?? [];
            assert.deepStrictEqual(
                problems.map((f) => `${f.at} ${f.service} ${f.field}`),
                ["compose.yaml:5:13 chat models.brain"],
            );
            assert.ok(line.includes(`${problems[0].message} (${problems[0].hint})`), "the same message and fix");
        });
    }

    it("plan on AWS shows the model endpoints and the variables, and does not price model use", () => {
        const p = cli(["plan", "--provider", "aws", "--format", "json"], { cwd: MODELS });
        assertClean(p, 0);
        const cloud = (JSON.parse(p.stdout) as PlanReport).clouds[0];
        const notes = (name: string) => cloud.components.find((c) => c.name === name)?.notes ?? [];
        assert.ok(notes("llm").includes('model endpoint http://llm/api/v1/: "ai/llama3.3" served as Amazon Bedrock model meta.llama3-3-70b-instruct-v1:0; per-token model use is not priced'), notes("llm").join("\n"));
        assert.ok(
            notes("ai-runner").some((n) => n.startsWith('model endpoint http://ai-runner/api/v1/: "ai/smollm2" served as Amazon Bedrock model amazon.nova-micro-v1:0')),
            notes("ai-runner").join("\n"),
        );
        assert.deepStrictEqual(notes("chat"), ['uses model "ai/llama3.3" (Amazon Bedrock meta.llama3-3-70b-instruct-v1:0) at http://llm/api/v1/: LLM_URL, LLM_MODEL; per-token model use is not priced']);
        assert.deepStrictEqual(notes("app"), ['uses model "ai/smollm2" (Amazon Bedrock amazon.nova-micro-v1:0) at http://ai-runner/api/v1/: AI_RUNNER_URL, AI_RUNNER_MODEL; per-token model use is not priced']);
        assert.ok(cloud.assumptions.some((a) => /Bedrock model use is billed per token and is not included/.test(a)));
    });

    it("plan on DigitalOcean runs no gateway and names serverless inference", () => {
        const p = cli(["plan", "--provider", "digitalocean", "--format", "json"], { cwd: MODELS });
        assertClean(p, 0);
        const cloud = (JSON.parse(p.stdout) as PlanReport).clouds[0];
        assert.deepStrictEqual(
            cloud.components
                .map((c) => c.name)
                .filter((n) => n !== "(shared)")
                .sort(),
            ["app", "chat"],
        );
        const chat = cloud.components.find((c) => c.name === "chat")!;
        assert.ok(
            chat.notes.includes('uses model "ai/llama3.3" (DigitalOcean serverless inference llama3.3-70b-instruct) at https://inference.do-ai.run/v1/: LLM_URL, LLM_MODEL; per-token model use is not priced'),
            chat.notes.join("\n"),
        );
    });

    it("a service's own model name is kept and warned of: `default` on DigitalOcean (no gateway serves it), any other name on every cloud", () => {
        const onDo = cli(["validate", "--provider", "digitalocean", "--no-color"], { cwd: OWN_NAME });
        assertClean(onDo, 0);
        assert.ok(
            onDo.stdout.includes(
                'compose.yaml:9:18: warning: service "app": environment.LLM_MODEL: the service sets its own model name `default`, which is kept: DigitalOcean serverless inference has no model by that name',
            ),
            onDo.stdout,
        );
        const onAws = cli(["validate", "--provider", "aws", "--no-color"], { cwd: OWN_NAME });
        assertClean(onAws, 0);
        assert.ok(!onAws.stdout.includes("environment.LLM_MODEL"), "the AWS gateway serves its model as `default`");
        assert.ok(
            onAws.stdout.includes(
                'compose.yaml:10:19: warning: service "app": environment.CHAT_MODEL: the service sets its own model name, which is kept: the endpoint serves the mapped model id, and may refuse another name (CHAT_MODEL=gpt-4o)',
            ),
            onAws.stdout,
        );
    });
});
