/**
 * The container definition of a service: the compose fields in ECS form, literal values only in the
 * environment, secrets as parameter references, health checks clamped to what ECS accepts, logs to
 * the project's log group under the service's name.
 */
import { strict as assert } from "assert";
import { containerDefinition, containerHealthCheck, HEALTHCHECK_LIMITS, MAX_STOP_TIMEOUT_SECONDS, plainEnvironment, portMappings } from "../../provider/src/clouds/aws/compute/container-definition";
import { serviceModel } from "../support/service-model";

const service = serviceModel;

const args = { image: "nginx:1.27", secrets: [], logGroupName: "/defang/shop", region: "us-west-2" };

describe("aws container definition", () => {
    it("carries the compose fields under their ECS names", () => {
        const def = containerDefinition({
            ...args,
            model: service({ command: ["serve", "--port", "8080"], entrypoint: ["/bin/app"], workingDir: "/srv", user: "1000:1000", stopGracePeriodSeconds: 20 }),
        });
        assert.equal(def.name, "web");
        assert.equal(def.image, "nginx:1.27");
        assert.equal(def.essential, true);
        assert.equal(def.readonlyRootFilesystem, false);
        assert.deepEqual(def.command, ["serve", "--port", "8080"]);
        assert.deepEqual(def.entryPoint, ["/bin/app"]);
        assert.equal(def.workingDirectory, "/srv");
        assert.equal(def.user, "1000:1000");
        assert.equal(def.stopTimeout, 20);
        assert.deepEqual(def.logConfiguration, { logDriver: "awslogs", options: { "awslogs-group": "/defang/shop", "awslogs-region": "us-west-2", "awslogs-stream-prefix": "web" } });
    });

    it("leaves out what the service does not set", () => {
        const def = containerDefinition({ ...args, model: service() });
        for (const key of ["command", "entryPoint", "workingDirectory", "user", "healthCheck", "stopTimeout"]) assert.ok(!(key in def), key);
    });

    it("cuts the stop grace period to what Fargate allows", () => {
        assert.equal(containerDefinition({ ...args, model: service({ stopGracePeriodSeconds: 600 }) }).stopTimeout, MAX_STOP_TIMEOUT_SECONDS);
        assert.equal(MAX_STOP_TIMEOUT_SECONDS, 120);
    });

    it("maps each target port and protocol once", () => {
        const model = service({
            ports: [
                { target: 8080, mode: "ingress", protocol: "tcp", published: 80 },
                { target: 8080, mode: "ingress", protocol: "tcp", published: 8443 },
                { target: 53, mode: "host", protocol: "udp" },
                { target: 53, mode: "host", protocol: "tcp" },
            ],
        });
        assert.deepEqual(portMappings(model), [
            { containerPort: 8080, protocol: "tcp" },
            { containerPort: 53, protocol: "udp" },
            { containerPort: 53, protocol: "tcp" },
        ]);
    });

    it("puts only literal values in the environment, and secrets as parameter references", () => {
        const model = service({
            environment: [
                { name: "LOG_LEVEL", value: { kind: "literal", value: "info" } },
                { name: "API_KEY", value: { kind: "config", key: "API_KEY" } },
                { name: "DB_URL", value: { kind: "template", template: "postgres://u:${DB_PASSWORD}@db/app", keys: ["DB_PASSWORD"] } },
                { name: "AWS_REGION", value: { kind: "literal", value: "eu-west-1" } },
            ],
        });
        const def = containerDefinition({
            ...args,
            model,
            secrets: [{ name: "API_KEY", valueFrom: "arn:aws:ssm:us-west-2:1:parameter/defang/shop/web/API_KEY" }],
            extraEnvironment: [
                { name: "AWS_REGION", value: "us-west-2" },
                { name: "EXTRA", value: "1" },
            ],
        });
        assert.deepEqual(def.environment, [
            { name: "LOG_LEVEL", value: "info" },
            { name: "AWS_REGION", value: "eu-west-1" },
            { name: "EXTRA", value: "1" },
        ]);
        assert.deepEqual(def.secrets, [{ name: "API_KEY", valueFrom: "arn:aws:ssm:us-west-2:1:parameter/defang/shop/web/API_KEY" }]);
        assert.ok(!JSON.stringify(def).includes("postgres://"));
        // A service that sets none of the extra names gets them all.
        assert.deepEqual(plainEnvironment(service(), [{ name: "AWS_REGION", value: "us-west-2" }]), [{ name: "AWS_REGION", value: "us-west-2" }]);
    });

    it("keeps the health check command and clamps its timings to the ECS limits", () => {
        const hc = containerHealthCheck({ test: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], intervalSeconds: 1, timeoutSeconds: 120, retries: 0, startPeriodSeconds: 1000 });
        assert.deepEqual(hc, {
            command: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"],
            interval: HEALTHCHECK_LIMITS.intervalSeconds.min,
            timeout: HEALTHCHECK_LIMITS.timeoutSeconds.max,
            retries: HEALTHCHECK_LIMITS.retries.min,
            startPeriod: HEALTHCHECK_LIMITS.startPeriodSeconds.max,
        });
        assert.deepEqual([hc?.interval, hc?.timeout, hc?.retries, hc?.startPeriod], [5, 60, 1, 300]);
        const within = containerHealthCheck({ test: ["CMD", "wget", "-q", "http://localhost:8080/health"], intervalSeconds: 30, timeoutSeconds: 5, retries: 3, startPeriodSeconds: 10 });
        assert.deepEqual(within, { command: ["CMD", "wget", "-q", "http://localhost:8080/health"], interval: 30, timeout: 5, retries: 3, startPeriod: 10 });
        const high = containerHealthCheck({ test: ["CMD", "true"], intervalSeconds: 1000, timeoutSeconds: 1, retries: 50, startPeriodSeconds: -5 });
        assert.deepEqual([high?.interval, high?.timeout, high?.retries, high?.startPeriod], [300, 2, 10, 0]);
    });

    it("has no health check for NONE or an empty test", () => {
        assert.equal(containerHealthCheck({ test: ["NONE"], intervalSeconds: 30, timeoutSeconds: 5, retries: 3, startPeriodSeconds: 0 }), undefined);
        assert.equal(containerHealthCheck({ test: [], intervalSeconds: 30, timeoutSeconds: 5, retries: 3, startPeriodSeconds: 0 }), undefined);
        assert.equal(containerHealthCheck(undefined), undefined);
    });
});
