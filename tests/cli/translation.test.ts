/**
 * `plan` and `validate` give the translation table's verdicts: the same refusal (message, fix,
 * file:line:column) from both, exit 3; the approximations in the text and, per service and
 * attribute, every disposition in the JSON report.
 */
import { strict as assert } from "assert";
import * as path from "path";
import { PlanReport } from "../../provider/src/plan/types";
import { ROOT, assertClean, cli } from "./run-cli";

const FIXTURES = path.join(ROOT, "tests/fixtures");
const env = { NO_COLOR: "1" };

describe("the translation table in plan and validate", function () {
    it("a refusal is the same in plan (exit 3) and validate --provider (exit 3): message, fix and position", () => {
        const plan = cli(["plan", "translation/compose.yaml", "-p", "digitalocean"], { cwd: FIXTURES, env });
        assertClean(plan, 3);
        const line = 'translation/compose.yaml:7:14: service "web", cap_add: Linux capabilities cannot be added to a container on a managed runtime';
        assert.ok(plan.stdout.includes(`  ${line}\n    fix: remove \`cap_add\`; a process that needs NET_ADMIN or SYS_ADMIN cannot run on a managed runtime`), plan.stdout);

        const validate = cli(["validate", "translation/compose.yaml", "-p", "digitalocean"], { cwd: FIXTURES, env });
        assertClean(validate, 3);
        assert.ok(
            validate.stdout.includes(
                'translation/compose.yaml:7:14: error: service "web": cap_add: not supported on DigitalOcean: Linux capabilities cannot be added to a container on a managed runtime (remove `cap_add`; a process that needs NET_ADMIN or SYS_ADMIN cannot run on a managed runtime)',
            ),
            validate.stdout,
        );
        assert.match(validate.stdout, /^translation\/compose\.yaml \(1 service, \d+ warnings\): not supported on DigitalOcean \(1 feature\)$/m);
    });

    it("validate --help names --provider and exit code 3", () => {
        const r = cli(["validate", "--help"]);
        assertClean(r, 0);
        assert.match(r.stdout, /--provider/);
        assert.match(r.stdout, /^ {2}3 {3}validate, plan: a cloud asked for cannot run a feature the project uses/m);
    });

    it("validate without a cloud checks all three: a refusal they share is one error naming them, approximations warnings naming the clouds, exit 3", () => {
        const r = cli(["validate", "translation/compose.yaml"], { cwd: FIXTURES, env });
        assertClean(r, 3);
        assert.match(r.stdout, /compose\.yaml:7:14: error: service "web": cap_add: not supported on AWS, Google Cloud and DigitalOcean: Linux capabilities cannot be added to a container on a managed runtime/);
        assert.match(r.stdout, /compose\.yaml:5:10: warning: service "web": tty: `tty` is not applied: [^\n]* \(on every cloud\)$/m);
        assert.equal(r.stdout.split("\n").filter((l) => /: tty: /.test(l)).length, 1, "once per service and attribute");
    });

    it("an unknown x-defang-* extension is a warning naming the known ones, the closest first; other x-* stay silent", () => {
        const r = cli(["validate", "translation/compose.yaml"], { cwd: FIXTURES, env });
        assert.match(
            r.stdout,
            /compose\.yaml:18:25: warning: service "web": x-defang-autoscale: x-defang-autoscale is not a Defang extension; it is not applied \(did you mean x-defang-autoscaling\? the known ones are x-defang-autoscaling, x-defang-postgres, /,
        );
        assert.doesNotMatch(r.stdout, /x-traefik/);
        const plan = cli(["plan", "translation/compose.yaml", "-p", "aws", "--format", "json"], { cwd: FIXTURES });
        const report = JSON.parse(plan.stdout) as PlanReport;
        assert.ok(
            report.warnings.some((w) => /x-defang-autoscale is not a Defang extension/.test(w)),
            report.warnings.join("\n"),
        );
    });

    it("plan --format json gives, per cloud and service, each attribute mapped, approximated or refused", () => {
        const r = cli(["plan", "translation-ok/compose.yaml", "-p", "all", "--format", "json"], { cwd: FIXTURES });
        assertClean(r, 3);
        const report = JSON.parse(r.stdout) as PlanReport;
        const attrs = (cloud: string) => report.clouds.find((c) => c.cloud === cloud)!.attributes!.find((s) => s.service === "web")!.attributes;
        const aws = attrs("aws");
        assert.deepEqual(
            aws.find((a) => a.attribute === "user"),
            { attribute: "user", field: "user", disposition: "mapped", mappedTo: "container definition `user`" },
        );
        assert.deepEqual(
            aws.find((a) => a.attribute === "tty"),
            {
                attribute: "tty",
                field: "tty",
                disposition: "approximated",
                warning: "`tty` is not applied: nobody attaches a terminal to a cloud container; output goes to the cloud's logs",
                at: "translation-ok/compose.yaml:5:10",
            },
        );
        assert.ok(aws.some((a) => a.attribute === "deploy.resources.reservations.cpus" && a.disposition === "mapped"));
        assert.ok(aws.some((a) => a.attribute === "ports[].target" && a.disposition === "mapped"));
        assert.equal(attrs("gcp").find((a) => a.attribute === "user")?.disposition, "approximated");
        const refused = attrs("digitalocean").find((a) => a.attribute === "user");
        assert.deepEqual(refused, {
            attribute: "user",
            field: "user",
            disposition: "refused",
            feature: "container-user",
            message: "the user a container runs as cannot be chosen (101)",
            hint: "set USER in the image's Dockerfile and remove `user`",
            at: "translation-ok/compose.yaml:7:11",
        });
        assert.equal(report.clouds.find((c) => c.cloud === "digitalocean")!.status, "unsupported");
        assert.equal(report.clouds.find((c) => c.cloud === "gcp")!.status, "planned");
    });

    it("plan --format text lists each approximation of a cloud once, with its position", () => {
        const r = cli(["plan", "translation-ok/compose.yaml", "-p", "gcp"], { cwd: FIXTURES, env });
        assertClean(r, 0);
        assert.match(r.stdout, /^ {2}3 attributes approximated on Google Cloud:$/m);
        assert.match(r.stdout, /^ {4}translation-ok\/compose\.yaml:7:11: service "web", user: `user` is not applied on Cloud Run: the container runs as the image's USER$/m);
        assert.match(r.stdout, /^ {4}translation-ok\/compose\.yaml:6:18: service "web", stop_signal: /m);
        assert.equal(r.stdout.split("\n").filter((l) => /service "web", tty: /.test(l)).length, 1);
    });
});
