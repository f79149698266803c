/**
 * `pulumi-defang validate` (and `plan`) on files that reference services that do not exist, ask
 * for sizes no cloud can run, or read config under names Pulumi cannot hold: exit 2, and one line
 * per problem with its file, line, column, service and field.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { assertClean, cli, MAIN, ROOT } from "./run-cli";

const BAD = path.join(ROOT, "tests/fixtures/bad");

/** The error lines of a run: `references.yaml:6:9: error: service "web": depends_on.ghost: depends on "ghost", ... (hint)`. */
function errorLines(out: string): string[] {
    return out.split("\n").filter((l) => /^\S+:\d+:\d+: error: /.test(l));
}

describe("pulumi-defang validate: broken references, impossible sizes, invalid config keys", function () {
    before(function () {
        if (!fs.existsSync(MAIN)) throw new Error(`build first: ${MAIN} is missing`);
    });

    it("references to missing services, to the service itself and in a cycle: exit 2, each at its entry", function () {
        const r = cli(["validate", "-f", "references.yaml"], { cwd: BAD });
        assertClean(r, 2);
        assert.deepStrictEqual(errorLines(r.stdout), [
            'references.yaml:6:9: error: service "web": depends_on.ghost: depends on "ghost", which is not a service of this project (write one of api, loner, web, worker, or define a service "ghost")',
            'references.yaml:8:9: error: service "web": links[0]: links to "cache", which is not a service of this project (write one of api, loner, web, worker, or define a service "cache")',
            'references.yaml:10:9: error: service "web": volumes_from[0]: takes volumes from "files", which is not a service of this project (write one of api, loner, web, worker, or define a service "files")',
            'references.yaml:16:9: error: service "api": depends_on.worker: services depend on each other in a cycle: api -> worker -> api, so none of them can start first (remove one of the references that make the cycle: a `depends_on`, `links`, `volumes_from` or `service:` entry)',
            'references.yaml:22:18: error: service "loner": depends_on.loner: depends on itself: a service cannot wait for its own start (remove this entry)',
        ]);
        assert.match(r.stdout, /^5 errors, \d+ warnings?$/m);
    });

    it("plan refuses the same file with the same positions, and plans nothing", function () {
        const r = cli(["plan", "-p", "aws", "-f", "references.yaml"], { cwd: BAD });
        assertClean(r, 2);
        const out = r.stdout + r.stderr;
        assert.match(out, /references\.yaml:16:9: error: service "api": depends_on\.worker: services depend on each other in a cycle: api -> worker -> api/);
        assert.match(out, /references\.yaml:6:9: error: service "web": depends_on\.ghost/);
        assert.match(out, /nothing was planned/);
        assert.doesNotMatch(out, /ECS Fargate service/);
    });

    it("every impossible size or count is its own error line at its own position", function () {
        const r = cli(["validate", "-f", "sizes.yaml"], { cwd: BAD });
        assertClean(r, 2);
        assert.deepStrictEqual(errorLines(r.stdout), [
            'sizes.yaml:4:12: error: service "web": scale: -1 is negative; write 0 or more',
            'sizes.yaml:5:11: error: service "web": cpus: -2 is negative; write a number of CPUs, 0 or more (e.g. 0.5 or "2")',
            'sizes.yaml:6:16: error: service "web": mem_limit: "12Q" has an unknown unit "Q"; use b, k, m, g, t or p (e.g. "512M")',
            'sizes.yaml:7:22: error: service "web": mem_reservation: -5 is negative; a size is a number of bytes, 0 or more (e.g. "512M")',
            'sizes.yaml:8:15: error: service "web": shm_size: the number is too large for a size (at most 2^53 - 1 bytes, just under 8 PiB)',
            'sizes.yaml:10:17: error: service "web": deploy.replicas: the number is too large to be read exactly (more than 2^53 - 1)',
            'sizes.yaml:13:17: error: service "web": deploy.resources.limits.cpus: "NaN" is not a number of CPUs; write e.g. 0.5 or "2"',
            'sizes.yaml:14:19: error: service "web": deploy.resources.limits.memory: "12Q" has an unknown unit "Q"; use b, k, m, g, t or p (e.g. "512M")',
            'sizes.yaml:15:17: error: service "web": deploy.resources.limits.pids: -3 is negative; write 0 or more (or -1 for no limit)',
            'sizes.yaml:17:17: error: service "web": deploy.resources.reservations.cpus: the number is too large for a number of CPUs',
            'sizes.yaml:18:19: error: service "web": deploy.resources.reservations.memory: "-1" is negative; a size is a number of bytes, 0 or more (e.g. "512M")',
            'sizes.yaml:22:17: error: service "api": deploy.replicas: -1 is negative; write 0 or more',
            'sizes.yaml:26:17: error: service "worker": deploy.replicas: 10000 copies of one service is more than any of the clouds runs (at most 5000) (ask for at most 5000; for load that varies, use x-defang-autoscaling)',
        ]);
        assert.doesNotMatch(r.stdout, /service "web": deploy\.resources\.reservations\.memory: no memory reservation/);
    });

    it("an environment variable without a value under a name Pulumi config cannot hold is an error, with advice that works", function () {
        const r = cli(["validate", "-f", "config-keys.yaml"], { cwd: BAD });
        assertClean(r, 2);
        assert.deepStrictEqual(errorLines(r.stdout), [
            'config-keys.yaml:5:13: error: service "web": environment["a:b"]: "a:b" has no value, so it would be read from Pulumi config under that name, but it cannot be a config key: Pulumi reads the part before ":" as the namespace of another package, so the key can never be set for this project (give it a value in the compose file, or rename it to a valid key such as a_b and set that with `pulumi config set --secret a_b <value>`)',
            'config-keys.yaml:6:17: error: service "web": environment["has space"]: "has space" has no value, so it would be read from Pulumi config under that name, but it cannot be a config key: it contains white space (give it a value in the compose file, or rename it to a valid key such as has_space and set that with `pulumi config set --secret has_space <value>`)',
        ]);
        assert.doesNotMatch(r.stdout, /config set[^`]*(a:b|has space)/);
    });
});
