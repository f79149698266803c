/**
 * The small documents of a service: where its parameters live, who may read them (exactly those,
 * no KMS grant), and who may assume its task role (ECS tasks of this account and Region).
 */
import { strict as assert } from "assert";
import { PARAMETER_TIER, parameterName, parameterReadPolicy } from "../../provider/src/clouds/aws/secrets/secret-store";
import { taskTrustPolicy } from "../../provider/src/clouds/aws/iam/task-trust-policy";

describe("aws service policies", () => {
    it("names parameters <prefix><service>/<variable>, with only the characters SSM accepts", () => {
        assert.equal(parameterName("/defang/shop/", "web", "API_KEY"), "/defang/shop/web/API_KEY");
        assert.equal(parameterName("/defang/shop", "web", "my var$"), "/defang/shop/web/my_var_");
        assert.equal(PARAMETER_TIER, "Intelligent-Tiering");
    });

    it("lets the execution role read exactly the given parameters, and nothing else", () => {
        const arns = ["arn:aws:ssm:us-west-2:1:parameter/defang/shop/web/A", "arn:aws:ssm:us-west-2:1:parameter/defang/shop/web/B"];
        assert.deepEqual(parameterReadPolicy(arns), {
            Version: "2012-10-17",
            Statement: [{ Sid: "ReadServiceParameters", Effect: "Allow", Action: ["ssm:GetParameters"], Resource: arns }],
        });
    });

    it("trusts ECS tasks of this account and region only", () => {
        const trust = taskTrustPolicy({ partition: "aws-cn", region: "cn-north-1", accountId: "111122223333" });
        assert.equal(trust.Statement.length, 1);
        const [s] = trust.Statement;
        assert.deepEqual(s.Principal, { Service: "ecs-tasks.amazonaws.com" });
        assert.equal(s.Action, "sts:AssumeRole");
        assert.deepEqual(s.Condition, { ArnLike: { "aws:SourceArn": "arn:aws-cn:ecs:cn-north-1:111122223333:*" }, StringEquals: { "aws:SourceAccount": "111122223333" } });
    });
});
