/**
 * What the loader refuses before anything is planned: references to services that do not exist (or
 * to the service itself, or in a cycle), sizes and counts no cloud can run, and variables read from
 * Pulumi config under a name Pulumi cannot hold. Each error names the file, line, column, service
 * and field, and says what to do.
 */
import * as assert from "assert";
import { LoadOptions } from "../../provider/src/compose/api";
import { configKeyProblem, configSetCommand, isValidConfigKey, suggestConfigKey } from "../../provider/src/compose/config-key";
import { findDependencyCycles } from "../../provider/src/compose/dependency-cycles";
import { ComposeError, Diagnostic } from "../../provider/src/compose/diagnostics";
import { loadProject } from "../../provider/src/compose/load";
import { parseBytes, parseCount, parseCpus, UnitError } from "../../provider/src/compose/canonical/units";
import { MAX_REPLICAS } from "../../provider/src/compose/rules/resources";
import { dependencyOrder } from "../../provider/src/model/dependencies";
import { InvalidArgumentError, MissingConfigError } from "../../provider/src/model/errors";
import { serviceFromArgs } from "../../provider/src/components/model-from-args";
import { ServiceModel } from "../../provider/src/model/types";
import { memFiles, memPath } from "../support/memfs";

const FILE = memPath("compose.yaml");

function load(compose: string, options: LoadOptions = {}) {
    return loadProject({ ...memFiles({ "compose.yaml": compose }), files: [FILE], ...options });
}

/** The ComposeError loading `compose` ends in. */
function refused(compose: string, options: LoadOptions = {}): ComposeError {
    try {
        load(compose, options);
    } catch (e) {
        if (e instanceof ComposeError) return e;
        throw e;
    }
    return assert.fail("the project loaded; expected a ComposeError");
}

/** The errors of a refused load, as `line:column service field code`, in file order. */
function errorsOf(e: ComposeError): string[] {
    return e.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.line}:${d.column} ${d.service} ${d.field} ${d.code}`);
}

/** The only error with `code` at `field` of `service`; fails when there is none or several. */
function errorAt(e: ComposeError, service: string, field: string): Diagnostic {
    const found = e.diagnostics.filter((d) => d.severity === "error" && d.service === service && d.field === field);
    assert.strictEqual(found.length, 1, `one error at ${service} ${field}, got:\n${e.message}`);
    assert.strictEqual(found[0].file, FILE);
    return found[0];
}

describe("references between services", function () {
    it("depends_on naming a service that does not exist is an error at the entry, listing the services", function () {
        const e = refused("services:\n  web:\n    image: nginx\n    depends_on:\n      - api\n      - ghost\n  api:\n    image: nginx\n");
        assert.deepStrictEqual(errorsOf(e), ["6:9 web depends_on.ghost undefined-service"]);
        const d = errorAt(e, "web", "depends_on.ghost");
        assert.strictEqual(d.message, 'depends on "ghost", which is not a service of this project');
        assert.strictEqual(d.hint, 'write one of api, web, or define a service "ghost"');
        assert.match(e.message, /compose\.yaml:6:9: error: service "web": depends_on\.ghost: depends on "ghost"/);
    });

    it("a misspelt service name gets a suggestion", function () {
        const e = refused("services:\n  web:\n    image: nginx\n    depends_on: [postgress]\n  postgres:\n    image: postgres\n");
        assert.strictEqual(errorAt(e, "web", "depends_on.postgress").hint, 'did you mean "postgres"?');
    });

    it("the long form of depends_on is checked too (at its value); required: false does not excuse a name that does not exist", function () {
        const e = refused("services:\n  web:\n    image: nginx\n    depends_on:\n      db:\n        condition: service_healthy\n        required: false\n");
        assert.deepStrictEqual(errorsOf(e), ["6:9 web depends_on.db undefined-service"]);
    });

    it("a service depending on itself is an error at the entry", function () {
        const e = refused("services:\n  web:\n    image: nginx\n    depends_on: [web]\n");
        assert.deepStrictEqual(errorsOf(e), ["4:18 web depends_on.web depends-on-itself"]);
        assert.strictEqual(errorAt(e, "web", "depends_on.web").message, "depends on itself: a service cannot wait for its own start");
    });

    it("a dependency cycle is one error naming the cycle, at the entry that starts it", function () {
        const e = refused("services:\n  a:\n    image: nginx\n    depends_on: [b]\n  b:\n    image: nginx\n    depends_on: [c]\n  c:\n    image: nginx\n    depends_on: [a]\n");
        assert.deepStrictEqual(errorsOf(e), ["4:18 a depends_on.b dependency-cycle"]);
        const d = errorAt(e, "a", "depends_on.b");
        assert.strictEqual(d.message, "services depend on each other in a cycle: a -> b -> c -> a, so none of them can start first");
        assert.match(d.hint ?? "", /remove one of the references/);
    });

    it("links, volumes_from and service: namespaces take part in cycles, positioned where they were written", function () {
        const e = refused("services:\n  a:\n    image: nginx\n    links: [b]\n  b:\n    image: nginx\n    network_mode: service:a\n");
        assert.deepStrictEqual(errorsOf(e), ["4:13 a links[0] dependency-cycle"]);
        assert.match(errorAt(e, "a", "links[0]").message, /a -> b -> a/);
    });

    it("links, volumes_from, network_mode and ipc naming a missing service are errors at their own entries, each once", function () {
        const e = refused("services:\n  web:\n    image: nginx\n    links:\n      - cache:redis\n    volumes_from:\n      - files:ro\n      - container:sidecar\n    network_mode: service:proxy\n    ipc: service:shm\n");
        assert.deepStrictEqual(errorsOf(e), ["5:9 web links[0] undefined-service", "7:9 web volumes_from[0] undefined-service", "9:19 web network_mode undefined-service", "10:10 web ipc undefined-service"]);
        assert.strictEqual(errorAt(e, "web", "links[0]").message, 'links to "cache", which is not a service of this project');
        assert.strictEqual(errorAt(e, "web", "volumes_from[0]").message, 'takes volumes from "files", which is not a service of this project');
        assert.strictEqual(errorAt(e, "web", "network_mode").message, 'shares the network of "proxy", which is not a service of this project');
        assert.strictEqual(errorAt(e, "web", "ipc").message, 'shares the ipc namespace of "shm", which is not a service of this project');
    });

    it("a missing service written both under depends_on and links is reported at both", function () {
        const e = refused("services:\n  web:\n    image: nginx\n    depends_on: [db]\n    links: [db]\n");
        assert.deepStrictEqual(errorsOf(e), ["4:18 web depends_on.db undefined-service", "5:13 web links[0] undefined-service"]);
    });

    it("every problem of the file is reported at once", function () {
        const e = refused("services:\n  a:\n    image: nginx\n    depends_on: [a, ghost]\n    deploy:\n      replicas: -1\n    environment:\n      - x:y\n");
        assert.deepStrictEqual(errorsOf(e), ["4:18 a depends_on.a depends-on-itself", "4:21 a depends_on.ghost undefined-service", "6:17 a deploy.replicas invalid-value", '8:9 a environment["x:y"] invalid-config-key']);
    });

    it("a dependency on a service left out by profiles stays a warning, whatever wrote it", function () {
        const r = load("services:\n  web:\n    image: nginx\n    depends_on: [debug]\n    links: [debug]\n  debug:\n    image: nginx\n    profiles: [debug]\n");
        assert.deepStrictEqual(
            r.warnings.filter((w) => w.code === "depends-on-disabled").map((w) => `${w.line}:${w.column} ${w.service} ${w.field}`),
            ["4:18 web depends_on.debug"],
        );
        assert.deepStrictEqual(r.project.services.web.depends_on, {});
    });

    it("references to services that exist load, with container: volumes left alone", function () {
        const r = load(
            "services:\n  web:\n    image: nginx\n    depends_on:\n      api:\n        condition: service_healthy\n    links: [api]\n    volumes_from: [files, container:sidecar]\n  api:\n    image: nginx\n  files:\n    image: busybox\n",
        );
        assert.deepStrictEqual(Object.keys(r.project.services.web.depends_on ?? {}).sort(), ["api", "files"]);
    });

    it("extends naming a service that is not there is an error at extends", function () {
        const e = refused("services:\n  web:\n    extends:\n      service: base\n");
        const d = e.diagnostics[0];
        assert.deepStrictEqual([d.line, d.service, d.field], [4, "web", "extends"]);
        assert.match(d.message, /extends service "base", which is not defined in/);
    });

    describe("findDependencyCycles", function () {
        it("finds each cycle once, from its smallest name, and a service that depends on itself", function () {
            const graph = new Map([
                ["c", ["a"]],
                ["a", ["b", "ghost"]],
                ["b", ["c"]],
                ["d", ["d"]],
                ["e", ["a"]],
            ]);
            assert.deepStrictEqual(findDependencyCycles(graph), [
                ["a", "b", "c", "a"],
                ["d", "d"],
            ]);
        });
        it("finds none in a graph without cycles", function () {
            assert.deepStrictEqual(
                findDependencyCycles(
                    new Map([
                        ["a", ["b"]],
                        ["b", []],
                        ["c", ["a", "b"]],
                    ]),
                ),
                [],
            );
        });
    });

    it("the deployment order refuses a cycle with the same words when a project was loaded without validation", function () {
        const r = load("services:\n  a:\n    image: nginx\n    depends_on: [b]\n  b:\n    image: nginx\n    depends_on: [a]\n", { validate: false });
        const components = Object.keys(r.project.services).map((name) => ({ kind: "service", name, dependsOn: Object.keys(r.project.services[name].depends_on ?? {}) }) as unknown as ServiceModel);
        assert.throws(() => dependencyOrder(components), /services depend on each other in a cycle: a -> b -> a/);
    });
});

describe("sizes and counts", function () {
    /** One service with `attribute` written at line 4, or inside `deploy` (line 5 on). */
    const cases: Array<{ yaml: string; field: string; at: string; message: string }> = [
        { yaml: "    scale: -1\n", field: "scale", at: "4:12", message: "-1 is negative; write 0 or more" },
        { yaml: "    cpus: -2\n", field: "cpus", at: "4:11", message: '-2 is negative; write a number of CPUs, 0 or more (e.g. 0.5 or "2")' },
        { yaml: "    cpus: NaN\n", field: "cpus", at: "4:11", message: '"NaN" is not a number of CPUs; write e.g. 0.5 or "2"' },
        { yaml: "    mem_limit: 12Q\n", field: "mem_limit", at: "4:16", message: '"12Q" has an unknown unit "Q"; use b, k, m, g, t or p (e.g. "512M")' },
        { yaml: "    mem_reservation: -5\n", field: "mem_reservation", at: "4:22", message: '-5 is negative; a size is a number of bytes, 0 or more (e.g. "512M")' },
        { yaml: "    shm_size: 1e400\n", field: "shm_size", at: "4:15", message: "the number is too large for a size (at most 2^53 - 1 bytes, just under 8 PiB)" },
        { yaml: "    shm_size: 9P\n", field: "shm_size", at: "4:15", message: '"9P" is too large for a size (at most 2^53 - 1 bytes, just under 8 PiB)' },
        { yaml: "    pids_limit: -2\n", field: "pids_limit", at: "4:17", message: "-2 is negative; write 0 or more (or -1 for no limit)" },
        { yaml: "    deploy:\n      replicas: 99999999999999999999\n", field: "deploy.replicas", at: "5:17", message: "the number is too large to be read exactly (more than 2^53 - 1)" },
        { yaml: "    deploy:\n      replicas: -1\n", field: "deploy.replicas", at: "5:17", message: "-1 is negative; write 0 or more" },
        { yaml: "    deploy:\n      resources:\n        limits:\n          cpus: Infinity\n", field: "deploy.resources.limits.cpus", at: "7:17", message: '"Infinity" is not a number of CPUs; write e.g. 0.5 or "2"' },
        { yaml: "    deploy:\n      resources:\n        limits:\n          cpus: .inf\n", field: "deploy.resources.limits.cpus", at: "7:17", message: "the number is too large for a number of CPUs" },
        {
            yaml: "    deploy:\n      resources:\n        limits:\n          memory: 12Q\n",
            field: "deploy.resources.limits.memory",
            at: "7:19",
            message: '"12Q" has an unknown unit "Q"; use b, k, m, g, t or p (e.g. "512M")',
        },
        { yaml: "    deploy:\n      resources:\n        limits:\n          pids: -3\n", field: "deploy.resources.limits.pids", at: "7:17", message: "-3 is negative; write 0 or more (or -1 for no limit)" },
        {
            yaml: "    deploy:\n      resources:\n        reservations:\n          cpus: -0.5\n",
            field: "deploy.resources.reservations.cpus",
            at: "7:17",
            message: '-0.5 is negative; write a number of CPUs, 0 or more (e.g. 0.5 or "2")',
        },
        {
            yaml: '    deploy:\n      resources:\n        reservations:\n          memory: "-1"\n',
            field: "deploy.resources.reservations.memory",
            at: "7:19",
            message: '"-1" is negative; a size is a number of bytes, 0 or more (e.g. "512M")',
        },
    ];
    for (const c of cases) {
        it(`${c.field}: ${c.yaml.trim().split("\n").pop()?.trim()} is an error at the value`, function () {
            const e = refused(`services:\n  web:\n    image: nginx\n${c.yaml}`);
            assert.deepStrictEqual(errorsOf(e), [`${c.at} web ${c.field} invalid-value`]);
            assert.strictEqual(errorAt(e, "web", c.field).message, c.message);
        });
    }

    it("the unit readers refuse what is not a count, a size or a number of CPUs, and read the rest exactly", function () {
        const refuses = (f: () => unknown, message: string) => assert.throws(f, (e: unknown) => e instanceof UnitError && e.message === message);
        refuses(() => parseCount("1.5"), '"1.5" is not a whole number');
        refuses(() => parseCount(NaN), "the number is not a whole number");
        refuses(() => parseCount(-1), "-1 is negative; write 0 or more");
        refuses(() => parseCount(Infinity), "the number is too large to be read exactly (more than 2^53 - 1)");
        refuses(() => parseBytes(NaN), 'NaN is not a size; write a number with an optional unit: b, k, m, g (e.g. "512M")');
        refuses(() => parseBytes("1.5x"), '"1.5x" has an unknown unit "x"; use b, k, m, g, t or p (e.g. "512M")');
        refuses(() => parseCpus(""), '"" is not a number of CPUs; write e.g. 0.5 or "2"');
        assert.deepStrictEqual([parseCount(" 3 "), parseCount("+2"), parseCount("-1", true), parseBytes("7P"), parseBytes(" 1.5k "), parseCpus("0.5")], [3, 2, -1, 7 * 1024 ** 5, 1536, 0.5]);
    });

    it("two bad values in one deploy block are two errors, and a bad memory is not also reported missing", function () {
        const e = refused("services:\n  web:\n    image: nginx\n    deploy:\n      replicas: -2\n      resources:\n        reservations:\n          cpus: NaN\n          memory: 12Q\n");
        assert.deepStrictEqual(errorsOf(e), ["5:17 web deploy.replicas invalid-value", "8:17 web deploy.resources.reservations.cpus invalid-value", "9:19 web deploy.resources.reservations.memory invalid-value"]);
        assert.deepStrictEqual(
            e.warnings.filter((w) => w.code === "missing-memory-reservation"),
            [],
        );
    });

    it("a fractional replica count is refused by the schema, at the value", function () {
        const e = refused("services:\n  web:\n    image: nginx\n    deploy:\n      replicas: 1.5\n");
        assert.deepStrictEqual(
            e.diagnostics.map((d) => [d.line, d.column, d.service, d.field]),
            [[5, 17, "web", "deploy.replicas"]],
        );
    });

    it(`more than ${MAX_REPLICAS} replicas (or scale) is more than any cloud runs`, function () {
        const e = refused(`services:\n  web:\n    image: nginx\n    scale: ${MAX_REPLICAS + 1000}\n  api:\n    image: nginx\n    deploy:\n      replicas: ${MAX_REPLICAS + 1}\n`);
        assert.deepStrictEqual(errorsOf(e), ["4:12 web scale too-many-replicas", "8:17 api deploy.replicas too-many-replicas"]);
        assert.strictEqual(errorAt(e, "api", "deploy.replicas").message, `${MAX_REPLICAS + 1} copies of one service is more than any of the clouds runs (at most ${MAX_REPLICAS})`);
    });

    it(`${MAX_REPLICAS} replicas, no limit on processes (-1), 0 CPUs and sizes in every unit load`, function () {
        const r = load(
            `services:\n  web:\n    image: nginx\n    pids_limit: -1\n    shm_size: 64m\n    deploy:\n      replicas: ${MAX_REPLICAS}\n      resources:\n        limits:\n          cpus: "0"\n          pids: -1\n          memory: 1.5G\n`,
        );
        const deploy = r.project.services.web.deploy;
        assert.deepStrictEqual([deploy?.replicas, deploy?.resources?.limits?.pids, deploy?.resources?.limits?.cpus, deploy?.resources?.limits?.memory], [MAX_REPLICAS, -1, 0, "1610612736"]);
        assert.deepStrictEqual([r.project.services.web.pids_limit, r.project.services.web.shm_size], [-1, "67108864"]);
    });

    it("a component's arguments are held to the same sizes", function () {
        assert.throws(
            () => serviceFromArgs("web", { image: "nginx", deploy: { replicas: MAX_REPLICAS + 1 } }, "DefangService"),
            (e: unknown) => e instanceof InvalidArgumentError && e.argument === "deploy.replicas",
        );
        assert.throws(
            () => serviceFromArgs("web", { image: "nginx", deploy: { resources: { reservations: { cpu: "-1" } } } }, "DefangService"),
            (e: unknown) => e instanceof InvalidArgumentError && /negative/.test(e.problem),
        );
    });
});

describe("names read from Pulumi config", function () {
    it("an environment entry without a value whose name Pulumi cannot hold is an error at the entry", function () {
        const e = refused('services:\n  web:\n    image: nginx\n    environment:\n      "a:b":\n      has space:\n      API_KEY:\n      spring.datasource.password:\n      "c:d": with a value\n');
        assert.deepStrictEqual(errorsOf(e), ['5:13 web environment["a:b"] invalid-config-key', '6:17 web environment["has space"] invalid-config-key']);
        const d = errorAt(e, "web", 'environment["a:b"]');
        assert.strictEqual(
            d.message,
            '"a:b" has no value, so it would be read from Pulumi config under that name, but it cannot be a config key: Pulumi reads the part before ":" as the namespace of another package, so the key can never be set for this project',
        );
        assert.strictEqual(d.hint, "give it a value in the compose file, or rename it to a valid key such as a_b and set that with `pulumi config set --secret a_b <value>`");
        assert.match(errorAt(e, "web", 'environment["has space"]').message, /it contains white space$/);
        assert.doesNotMatch(e.message, /config set --secret (a:b|has space)/);
    });

    it("the list form is positioned at its entry", function () {
        const e = refused("services:\n  web:\n    image: nginx\n    environment:\n      - OK\n      - -dash\n");
        assert.deepStrictEqual(errorsOf(e), ["6:9 web environment.-dash invalid-config-key"]);
        assert.match(errorAt(e, "web", "environment.-dash").message, /it starts with "-"; a key starts with a letter or _$/);
    });

    it("a plain-text secret under a name Pulumi cannot hold is not told to run a config set that cannot work", function () {
        const r = load("services:\n  web:\n    image: nginx\n    environment:\n      db:password: hunter2\n");
        const w = r.warnings.find((x) => x.code === "plaintext-secret");
        assert.ok(w, "a plaintext-secret warning");
        assert.strictEqual(w.hint, "rename it to a name Pulumi config can hold, such as db_password, keep it without a value and set it with `pulumi config set --secret db_password <value>`");
    });

    it("one rule says which names are keys", function () {
        for (const ok of ["API_KEY", "_private", "spring.datasource.password", "my-key", "a1"]) assert.ok(isValidConfigKey(ok), ok);
        for (const bad of ["", "a:b", "has space", "tab\tname", "-flag", "1st", ".hidden", "a$b", "é"]) assert.ok(!isValidConfigKey(bad), bad);
        assert.strictEqual(configKeyProblem("API_KEY"), undefined);
        assert.strictEqual(configKeyProblem(""), "it is empty");
        assert.strictEqual(configKeyProblem("a$b"), 'it contains "$"; a key is made of letters, digits, _, . and -');
        assert.deepStrictEqual(["a:b", "1st key", "-x", "::"].map(suggestConfigKey), ["a_b", "_1st_key", "x", "_"]);
        assert.strictEqual(configSetCommand("API_KEY"), "pulumi config set --secret API_KEY <value>");
    });

    it("a component's environment is held to the same rule, and missing config is reported with the same command", function () {
        assert.throws(
            () => serviceFromArgs("web", { image: "nginx", environment: [{ name: "a:b" }] }, "DefangService"),
            (e: unknown) => e instanceof InvalidArgumentError && e.argument === "environment[0].name" && /cannot be a config key/.test(e.problem) && /a_b/.test(e.hint),
        );
        assert.doesNotThrow(() => serviceFromArgs("web", { image: "nginx", environment: [{ name: "a:b", value: "x" }] }, "DefangService"));
        assert.match(new MissingConfigError([{ key: "API_KEY", usedBy: ["web"] }]).message, /^ {2}pulumi config set --secret API_KEY <value> {3}# used by "web"$/m);
    });
});
