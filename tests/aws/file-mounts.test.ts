/**
 * Secret and config files of a service on Fargate, under mocks: one SecureString parameter per
 * file (content a secret), the execution role reading exactly those, an init container pinned by
 * digest that writes them into task volumes with their modes and owners, and the service's
 * container mounting the volumes read-only once it has succeeded. Nothing in the task definition
 * holds a secret; a missing config key refuses before anything is created.
 */
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { fileMountProblems, FILE_WRITER_IMAGE, MAX_FILE_BYTES, writerScript, fileMountPlan } from "../../provider/src/clouds/aws/storage/file-mount-plan";
import { deployAwsService } from "../../provider/src/clouds/aws/compute/service";
import { ConfigValues } from "../../provider/src/clouds/config-values";
import { MissingConfigError } from "../../provider/src/model/errors";
import { FileMountModel, ServiceModel } from "../../provider/src/model/types";
import { fakeAwsInfrastructure } from "../support/fake-aws-infrastructure";
import { isSecretValue, MockRecorder, Registration, setConfig, unwrapSecrets, useMocks } from "../support/pulumi-mocks";
import { serviceModel } from "../support/service-model";

const CONFIG = { db_password: "db-file-secret-value", API_KEY: "api-file-secret-value" };
const SECRET_KEYS = Object.keys(CONFIG);

class TestService extends pulumi.ComponentResource {
    constructor(name: string, opts: pulumi.ComponentResourceOptions) {
        super("test:index:Service", name, {}, opts);
    }
}

const FILES: FileMountModel[] = [
    { kind: "secret", name: "db_password", target: "/run/secrets/db_password", mode: 0o444, content: { kind: "config", key: "db_password" }, field: ["secrets", 0] },
    { kind: "secret", name: "api_key", target: "/run/secrets/api.key", mode: 0o400, uid: "101", gid: "102", content: { kind: "config", key: "API_KEY" }, field: ["secrets", 1] },
    { kind: "config", name: "site", target: "/etc/nginx/conf.d/default.conf", mode: 0o444, content: { kind: "literal", value: "server { listen 8080; }" }, field: ["configs", 0] },
];

function service(extra: Partial<ServiceModel> = {}): ServiceModel {
    return serviceModel({ ports: [{ target: 8080, mode: "host", protocol: "tcp" }], files: FILES, ...extra });
}

const T = { taskDefinition: "aws:ecs/taskDefinition:TaskDefinition", parameter: "aws:ssm/parameter:Parameter", rolePolicy: "aws:iam/rolePolicy:RolePolicy", service: "aws:ecs/service:Service" };
const arnOf = (name: string) => `arn:aws:mock:us-west-2:123456789012:parameter/${name}`;

describe("aws: secret and config files", function () {
    let recorder: MockRecorder;
    before(async () => {
        recorder = await useMocks(CONFIG, SECRET_KEYS);
    });
    beforeEach(() => {
        setConfig(CONFIG, SECRET_KEYS);
        recorder.reset();
    });

    function deploy(model: ServiceModel) {
        const parent = new TestService(model.name, recorder.opts());
        return deployAwsService({ name: model.name, model, parent, infra: fakeAwsInfrastructure(), config: new ConfigValues(new pulumi.Config()), dependsOn: [] });
    }
    const inputs = (r: Registration) => unwrapSecrets(r.inputs) as Record<string, any>;

    it("keeps each file's content in its own SecureString parameter, as a secret, read by the execution role and nothing else", async () => {
        deploy(service());
        await recorder.settle();
        const names = ["web-secret-db_password", "web-secret-api_key", "web-config-site"];
        assert.deepEqual(
            recorder
                .ofType(T.parameter)
                .map((p) => p.name)
                .sort(),
            [...names].sort(),
        );
        const parameters = names.map((n) => recorder.one(T.parameter, n));
        assert.deepEqual(
            parameters.map((p) => inputs(p).name),
            ["/defang/shop/stack/web/files_secret-db_password", "/defang/shop/stack/web/files_secret-api_key", "/defang/shop/stack/web/files_config-site"],
        );
        for (const p of parameters) {
            assert.equal(p.inputs.type, "SecureString");
            assert.equal(p.inputs.tier, "Intelligent-Tiering");
        }
        assert.ok(isSecretValue(parameters[0].inputs.value) && isSecretValue(parameters[1].inputs.value), "secret contents are Pulumi secrets");
        assert.deepEqual(
            parameters.map((p) => inputs(p).value),
            ["db-file-secret-value", "api-file-secret-value", "server { listen 8080; }"],
        );

        const policy = recorder.one(T.rolePolicy, "web-read-files");
        assert.equal(inputs(policy).role, "infra-execution-role-id");
        const doc = JSON.parse(inputs(policy).policy as string);
        assert.deepEqual(doc.Statement, [{ Sid: "ReadServiceParameters", Effect: "Allow", Action: ["ssm:GetParameters"], Resource: parameters.map((p) => arnOf(p.name)) }]);
    });

    it("writes the files with an init container into one task volume per directory, mounted read-only in the service's container once written", async () => {
        deploy(service());
        await recorder.settle();
        const task = inputs(recorder.one(T.taskDefinition, "web-task"));
        assert.deepEqual(task.volumes, [{ name: "defang-files-0" }, { name: "defang-files-1" }]);
        const [app, writer, ...rest] = JSON.parse(task.containerDefinitions as string) as Array<Record<string, any>>;
        assert.deepEqual(rest, []);
        assert.equal(app.name, "web");
        assert.deepEqual(app.mountPoints, [
            { sourceVolume: "defang-files-0", containerPath: "/run/secrets", readOnly: true },
            { sourceVolume: "defang-files-1", containerPath: "/etc/nginx/conf.d", readOnly: true },
        ]);
        assert.deepEqual(app.dependsOn, [{ containerName: "defang-files", condition: "SUCCESS" }]);

        assert.equal(writer.name, "defang-files");
        assert.equal(writer.image, FILE_WRITER_IMAGE);
        assert.match(writer.image, /^public\.ecr\.aws\/docker\/library\/busybox:[\d.]+@sha256:[0-9a-f]{64}$/);
        assert.equal(writer.essential, false);
        assert.deepEqual(writer.secrets, [
            { name: "DEFANG_FILE_0", valueFrom: arnOf("web-secret-db_password") },
            { name: "DEFANG_FILE_1", valueFrom: arnOf("web-secret-api_key") },
            { name: "DEFANG_FILE_2", valueFrom: arnOf("web-config-site") },
        ]);
        assert.deepEqual(writer.mountPoints, [
            { sourceVolume: "defang-files-0", containerPath: "/defang-files/0", readOnly: false },
            { sourceVolume: "defang-files-1", containerPath: "/defang-files/1", readOnly: false },
        ]);
        assert.deepEqual(writer.entryPoint, ["sh", "-c"]);
        assert.equal(
            writer.command[0],
            [
                "set -eu",
                "umask 077",
                "chmod 0755 /defang-files/0",
                "chmod 0755 /defang-files/1",
                `printf '%s' "$DEFANG_FILE_0" > /defang-files/0/db_password`,
                "chmod 0444 /defang-files/0/db_password",
                `printf '%s' "$DEFANG_FILE_1" > /defang-files/0/api.key`,
                "chown 101:102 /defang-files/0/api.key",
                "chmod 0400 /defang-files/0/api.key",
                `printf '%s' "$DEFANG_FILE_2" > /defang-files/1/default.conf`,
                "chmod 0444 /defang-files/1/default.conf",
            ].join("\n"),
        );
        for (const plain of Object.values(CONFIG)) assert.ok(!(task.containerDefinitions as string).includes(plain), "no secret in the task definition");
        // The service's tasks start only once the execution role may read the parameters.
        assert.ok(recorder.dependsOnUrns(T.service, "web-service").some((u) => u.endsWith("::web-read-files")));
    });

    it("quotes file names in the script", () => {
        const plan = fileMountPlan([{ ...FILES[0], target: "/run/secrets/it's here" }]);
        assert.match(writerScript(plan), /> '\/defang-files\/0\/it'\\''s here'$/m);
    });

    it("refuses a missing config key before creating anything, naming the command that sets it", async () => {
        setConfig({ API_KEY: "x" }, ["API_KEY"]);
        assert.throws(
            () => deploy(service()),
            (e: unknown) => e instanceof MissingConfigError && /pulumi config set --secret db_password <value>/.test(e.message) && /used by "web"/.test(e.message),
        );
        await recorder.settle();
        assert.deepEqual(
            recorder.registrations.filter((r) => r.custom && r.name.startsWith("web-")),
            [],
        );
    });

    it("preflight: refuses content larger than a parameter, and files of a service without internet access", () => {
        const big = service({ files: [{ ...FILES[2], content: { kind: "literal", value: "x".repeat(MAX_FILE_BYTES + 1) } }] });
        assert.deepEqual(
            fileMountProblems(big).map((p) => [p.field, p.message]),
            [["configs[0]", `config "site" is ${MAX_FILE_BYTES + 1} bytes, more than the ${MAX_FILE_BYTES} bytes an SSM parameter holds`]],
        );
        const isolated = service({ internalNetworks: ["back"] });
        assert.match(fileMountProblems(isolated)[0].message, /only on internal networks \(back\).*ECR Public/);
        assert.deepEqual(fileMountProblems(service()), []);
    });
});
