/**
 * Model access: which Bedrock models a service may invoke, as ARNs; inference profiles also reach
 * their foundation model in other Regions; nothing is ever granted on Action "*", and Resource "*"
 * only for the list actions of iam-wildcards.ts.
 */
import { strict as assert } from "assert";
import { allowedModels, BEDROCK_INVOKE_ACTIONS, bedrockPolicy, modelArns, modelsInEnvironment, parseBedrockModelId } from "../../provider/src/clouds/aws/models/model-access";
import { WILDCARD_RESOURCE_ACTIONS } from "../../provider/src/clouds/aws/iam/iam-wildcards";
import { EnvVar } from "../../provider/src/model/types";

const scope = { partition: "aws", region: "us-west-2", accountId: "123456789012" };
const literal = (name: string, value: string): EnvVar => ({ name, value: { kind: "literal", value } });
const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

describe("aws bedrock access", () => {
    it("tells foundation models from inference profiles and from other names", () => {
        assert.deepEqual(parseBedrockModelId("anthropic.claude-3-5-sonnet-20240620-v1:0"), { id: "anthropic.claude-3-5-sonnet-20240620-v1:0", foundationModelId: "anthropic.claude-3-5-sonnet-20240620-v1:0" });
        assert.deepEqual(parseBedrockModelId("us.anthropic.claude-3-7-sonnet-20250219-v1:0"), {
            id: "us.anthropic.claude-3-7-sonnet-20250219-v1:0",
            foundationModelId: "anthropic.claude-3-7-sonnet-20250219-v1:0",
            profilePrefix: "us",
        });
        assert.equal(parseBedrockModelId("eu.amazon.nova-pro-v1:0")?.profilePrefix, "eu");
        for (const notBedrock of ["ai/smollm2", "gpt-4o", "claude-3.5", "", "us.", "http://x.y"]) assert.equal(parseBedrockModelId(notBedrock), undefined, notBedrock);
    });

    it("finds models in the literal values of model variables only", () => {
        const env: EnvVar[] = [
            literal("MODEL", "anthropic.claude-v2"),
            literal("LLM_MODEL", "us.meta.llama3-2-1b-instruct-v1:0"),
            literal("EMBEDDING_MODEL_ID", "amazon.titan-embed-text-v2:0"),
            literal("CHAT_MODEL", "anthropic.claude-v2"),
            literal("MODEL_NAME", "cohere.command-r-v1:0"),
            literal("OTHER", "mistral.mistral-7b-instruct-v0:2"),
            literal("FALLBACK_MODEL", "gpt-4o"),
            { name: "SECRET_MODEL", value: { kind: "config", key: "SECRET_MODEL" } },
        ];
        assert.deepEqual(modelsInEnvironment(env), ["anthropic.claude-v2", "us.meta.llama3-2-1b-instruct-v1:0", "amazon.titan-embed-text-v2:0"]);
    });

    it("prefers named models, then the environment, then any foundation model of the region", () => {
        const env = [literal("MODEL", "anthropic.claude-v2")];
        assert.deepEqual(modelArns(allowedModels({ llm: { models: ["amazon.nova-lite-v1:0"] }, environment: env }), scope), ["arn:aws:bedrock:us-west-2::foundation-model/amazon.nova-lite-v1:0"]);
        assert.deepEqual(modelArns(allowedModels({ llm: { models: [] }, environment: env }), scope), ["arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-v2"]);
        assert.deepEqual(modelArns(allowedModels({ llm: { models: ["ai/smollm2"] }, environment: [] }), scope), ["arn:aws:bedrock:us-west-2::foundation-model/*"]);
    });

    it("lets an inference profile reach its foundation model in every region", () => {
        const arns = modelArns(allowedModels({ llm: { models: ["us.anthropic.claude-3-7-sonnet-20250219-v1:0"] }, environment: [] }), { ...scope, partition: "aws-us-gov" });
        assert.deepEqual(arns, [
            "arn:aws-us-gov:bedrock:us-west-2:123456789012:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0",
            "arn:aws-us-gov:bedrock:*::foundation-model/anthropic.claude-3-7-sonnet-20250219-v1:0",
        ]);
        const global = modelArns(allowedModels({ llm: { models: ["global.anthropic.claude-sonnet-4-5-20250929-v1:0"] }, environment: [] }), scope);
        assert.ok(global.includes("arn:aws:bedrock:::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0"));
    });

    it("keeps Bedrock ARNs as they are", () => {
        const arn = "arn:aws:bedrock:us-west-2:123456789012:application-inference-profile/abc";
        assert.deepEqual(modelArns(allowedModels({ llm: { models: [arn] }, environment: [] }), scope), [arn]);
    });

    it("invokes only the given ARNs, and uses Resource * only for allowed list actions", () => {
        const arns = ["arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-v2"];
        const policy = bedrockPolicy(arns);
        const invoke = policy.Statement.find((s) => list(s.Action).includes("bedrock:InvokeModel"));
        assert.deepEqual(list(invoke?.Action), [...BEDROCK_INVOKE_ACTIONS]);
        assert.deepEqual(list(invoke?.Action), ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]);
        assert.deepEqual(invoke?.Resource, arns);
        for (const s of policy.Statement) {
            for (const a of list(s.Action)) assert.ok(!a.includes("*"), a);
            if (list(s.Resource).includes("*")) for (const a of list(s.Action)) assert.ok(WILDCARD_RESOURCE_ACTIONS.has(a), `${a} on Resource "*"`);
        }
    });
});
