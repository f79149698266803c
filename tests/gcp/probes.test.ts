/**
 * Compose health checks as Cloud Run probes: HTTP checks give HTTP startup and liveness probes of
 * their path; other checks a TCP startup probe; timings clamped to Cloud Run's limits.
 */
import { strict as assert } from "assert";
import { cloudRunProbes } from "../../provider/src/clouds/gcp/compute/health-check";
import { HealthcheckModel } from "../../provider/src/model/types";

const check = (extra: Partial<HealthcheckModel> = {}): HealthcheckModel => ({
    test: ["CMD", "curl", "-f", "http://localhost:8080/health"],
    intervalSeconds: 15,
    timeoutSeconds: 3,
    retries: 3,
    startPeriodSeconds: 10,
    http: { path: "/health", port: 8080 },
    ...extra,
});

describe("Cloud Run probes", function () {
    it("probes the path of an HTTP check on the service's port, at start and while it runs", function () {
        const { startup, liveness } = cloudRunProbes(check(), 8080);
        assert.deepEqual(startup, { initialDelaySeconds: 10, periodSeconds: 15, timeoutSeconds: 3, failureThreshold: 3, httpGet: { path: "/health", port: 8080 } });
        assert.deepEqual(liveness, { periodSeconds: 15, timeoutSeconds: 3, failureThreshold: 3, httpGet: { path: "/health", port: 8080 } });
    });

    it("turns a command check into a TCP startup probe and no liveness probe (Cloud Run runs no commands)", function () {
        const probes = cloudRunProbes(check({ test: ["CMD-SHELL", "pg_isready"], http: undefined }), 5000);
        assert.deepEqual(probes.startup?.tcpSocket, { port: 5000 });
        assert.equal(probes.liveness, undefined);
    });

    it("clamps timings: the period to 240 s at start, the timeout to the period", function () {
        const { startup } = cloudRunProbes(check({ intervalSeconds: 600, timeoutSeconds: 900, startPeriodSeconds: 1000 }), 80);
        assert.equal(startup?.periodSeconds, 240);
        assert.equal(startup?.timeoutSeconds, 240);
        assert.equal(startup?.initialDelaySeconds, 240);
    });

    it("gives no probe without a check, with NONE, or without a port", function () {
        assert.deepEqual(cloudRunProbes(undefined, 80), {});
        assert.deepEqual(cloudRunProbes(check({ test: ["NONE"] }), 80), {});
        assert.deepEqual(cloudRunProbes(check(), undefined), {});
    });
});
