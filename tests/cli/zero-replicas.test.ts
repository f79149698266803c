/**
 * `deploy.replicas: 0` means what `docker compose up` does with it (no container) or the cloud says
 * why not: AWS keeps the service at zero tasks; Cloud Run keeps one instance (a warning); App
 * Platform runs at least one (a refusal), and validate and plan agree.
 */
import * as assert from "assert";
import * as path from "path";
import { PlanReport } from "../../provider/src/plan/types";
import { CLI_FIXTURES, assertClean, cli } from "./run-cli";

const ZERO = path.join(CLI_FIXTURES, "zero-replicas");

describe("0 replicas on every cloud", function () {
    it("AWS: valid, with the loader's warning only", () => {
        const v = cli(["validate", "--provider", "aws", "--no-color"], { cwd: ZERO });
        assertClean(v, 0);
        assert.ok(!v.stdout.includes("Cloud Run") && !v.stdout.includes("App Platform"), v.stdout);
    });

    it("Google Cloud: valid, and warned that Cloud Run keeps one instance", () => {
        const v = cli(["validate", "--provider", "gcp", "--no-color"], { cwd: ZERO });
        assertClean(v, 0);
        assert.ok(v.stdout.includes('compose.yaml:7:17: warning: service "worker": deploy.replicas: 0 replicas: `docker compose up` runs no container of the service, but Cloud Run keeps one instance'), v.stdout);
    });

    it("DigitalOcean: refused by name and position, by validate and plan alike", () => {
        const v = cli(["validate", "--provider", "digitalocean", "--no-color"], { cwd: ZERO });
        assertClean(v, 3);
        assert.ok(v.stdout.includes('compose.yaml:7:17: error: service "worker": deploy.replicas: not supported on DigitalOcean: 0 replicas:'), v.stdout);
        const p = cli(["plan", "--provider", "digitalocean", "--format", "json"], { cwd: ZERO });
        assertClean(p, 3);
        const problems = (JSON.parse(p.stdout) as PlanReport).clouds[0].problems ?? [];
        assert.deepStrictEqual(
            problems.map((f) => `${f.at} ${f.service} ${f.field}`),
            ["compose.yaml:7:17 worker deploy.replicas"],
        );
    });
});
