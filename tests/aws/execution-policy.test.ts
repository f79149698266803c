/**
 * The task execution role's documents: trusted by ECS tasks only; registry login the only wildcard;
 * pulls scoped to the account's repositories in the region; logs scoped to the project's log group.
 */
import { strict as assert } from "assert";
import { ECR_PULL_ACTIONS, ecrRepositoryArnOf, executionPolicy, executionTrustPolicy, imagePullPolicy } from "../../provider/src/clouds/aws/iam/execution-policy";
import { WILDCARD_RESOURCE_ACTIONS } from "../../provider/src/clouds/aws/iam/iam-wildcards";

const scope = { partition: "aws-us-gov", region: "us-gov-west-1", accountId: "111122223333", logGroupArn: "arn:aws-us-gov:logs:us-gov-west-1:111122223333:log-group:shop-logs" };
const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

describe("aws execution role policy", () => {
    it("is assumable by ECS tasks only", () => {
        const trust = executionTrustPolicy();
        assert.equal(trust.Statement.length, 1);
        assert.deepEqual(trust.Statement[0], { Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" });
    });

    it("grants no action wildcard and Resource * only to allowed actions", () => {
        const policy = executionPolicy(scope);
        for (const s of policy.Statement) {
            assert.equal(s.Effect, "Allow");
            for (const a of list(s.Action)) assert.ok(!a.includes("*"), `action ${a} is not a wildcard`);
            if (list(s.Resource).includes("*")) for (const a of list(s.Action)) assert.ok(WILDCARD_RESOURCE_ACTIONS.has(a), `${a} on Resource "*"`);
        }
        assert.ok(policy.Statement.some((s) => list(s.Action).includes("ecr:GetAuthorizationToken") && s.Resource === "*"));
    });

    it("grants no image pull of its own: services are granted their own repository only", () => {
        assert.ok(!executionPolicy(scope).Statement.some((s) => list(s.Action).some((a) => (ECR_PULL_ACTIONS as readonly string[]).includes(a))));
        const pull = imagePullPolicy(["arn:aws:ecr:us-west-2:111122223333:repository/shop-web-repository-1a2b"]).Statement;
        assert.equal(pull.length, 1);
        assert.deepEqual(list(pull[0].Action).sort(), [...ECR_PULL_ACTIONS].sort());
        assert.equal(pull[0].Resource, "arn:aws:ecr:us-west-2:111122223333:repository/shop-web-repository-1a2b");
        for (const s of pull) for (const r of list(s.Resource)) assert.ok(!r.includes("*"), `no wildcard in ${r}`);
    });

    it("finds the repository of an ECR image, in its partition; another registry's image needs none", () => {
        assert.equal(ecrRepositoryArnOf("111122223333.dkr.ecr.eu-west-1.amazonaws.com/team/api:1.2"), "arn:aws:ecr:eu-west-1:111122223333:repository/team/api");
        assert.equal(ecrRepositoryArnOf("111122223333.dkr.ecr.us-gov-west-1.amazonaws.com/api@sha256:abc"), "arn:aws-us-gov:ecr:us-gov-west-1:111122223333:repository/api");
        assert.equal(ecrRepositoryArnOf("111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn/api"), "arn:aws-cn:ecr:cn-north-1:111122223333:repository/api");
        for (const other of ["nginx:1.27", "public.ecr.aws/nginx/nginx:latest", "ghcr.io/acme/api:1"]) assert.equal(ecrRepositoryArnOf(other), undefined, other);
    });

    it("scopes log writes to the streams of the project's log group", () => {
        for (const logGroupArn of [scope.logGroupArn, `${scope.logGroupArn}:*`]) {
            const logs = executionPolicy({ ...scope, logGroupArn }).Statement.find((s) => list(s.Action).includes("logs:PutLogEvents"));
            assert.ok(logs);
            assert.deepEqual(list(logs.Action).sort(), ["logs:CreateLogStream", "logs:PutLogEvents"]);
            assert.equal(logs.Resource, `${scope.logGroupArn}:*`);
        }
    });
});
