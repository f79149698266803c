/**
 * The rules of a managed cloud deployment, each on a small canonical project: it fires with the
 * right code, severity, service, field and position, says what to do, and stays quiet on a clean project.
 */
import * as assert from "assert";
import { ConfigReference } from "../../provider/src/compose/api";
import { Diagnostic, DiagnosticSink } from "../../provider/src/compose/diagnostics";
import { Path, pathToString } from "../../provider/src/compose/paths";
import { checkProject } from "../../provider/src/compose/rules";
import { suggestDnsLabel } from "../../provider/src/compose/rules/names";
import { imageRepository } from "../../provider/src/compose/rules/report";
import { secretReason } from "../../provider/src/compose/rules/secrets";
import { ComposeProject, ComposeService } from "../../provider/src/compose/types";

/** A service that breaks no rule. */
function cleanService(): ComposeService {
    return {
        image: "ghcr.io/acme/web:1.2",
        ports: [{ mode: "ingress", target: 8080, protocol: "tcp" }],
        healthcheck: { test: ["CMD", "curl", "-f", "http://localhost:8080/health"], interval: "30s", timeout: "5s" },
        deploy: { resources: { reservations: { memory: "536870912" } } },
        environment: { LOG_LEVEL: "info", DB_PASSWORD: null, DB_URL: "postgres://app:${DB_PASSWORD}@db:5432/app" },
        command: ["serve", "--port", "8080"],
        restart: "always",
    };
}

function cleanProject(): ComposeProject {
    return {
        name: "shop",
        services: {
            web: cleanService(),
            db: {
                image: "postgres:16",
                "x-defang-postgres": true,
                ports: [{ mode: "host", target: 5432, protocol: "tcp" }],
                deploy: { resources: { reservations: { memory: "1073741824" } } },
                environment: { POSTGRES_PASSWORD: null },
            },
        },
        models: { llm: { model: "ai/smollm2" } },
    };
}

/** Lines of the fake source: `services.web.ports[0]` -> 7. Paths not listed fall back to their nearest listed ancestor. */
const LINES: Record<string, number> = {
    services: 1,
    "services.web": 2,
    "services.web.image": 3,
    "services.web.ports[0]": 5,
    "services.web.ports[0].published": 6,
    "services.web.healthcheck.timeout": 9,
    "services.web.environment.API_KEY": 12,
    "services.web.build.args.VERSION": 14,
    "models.llm.context_size": 20,
};

function locate(path: Path) {
    for (let len = path.length; len >= 1; len--) {
        const line = LINES[pathToString(path.slice(0, len))];
        if (line !== undefined) return { file: "/p/compose.yaml", line, column: 3 };
    }
    return undefined;
}

/** A variable with no value used at `path` of service web. */
function ref(name: string, path: Path): ConfigReference {
    return { name, kind: "interpolation", path, service: "web" };
}

function check(project: ComposeProject, references: ConfigReference[] = []): Diagnostic[] {
    const sink = new DiagnosticSink();
    checkProject(project, { locate, references }, sink);
    return sink.items;
}

/** A project whose only service is `web`: the clean one changed by `change`. */
function web(change: (s: ComposeService) => void): ComposeProject {
    const s = cleanService();
    change(s);
    return { name: "shop", services: { web: s } };
}

/** The only diagnostic with `code`; fails when there is none or several. */
function one(ds: Diagnostic[], code: string): Diagnostic {
    const found = ds.filter((d) => d.code === code);
    assert.strictEqual(found.length, 1, `expected one ${code}, got ${JSON.stringify(ds, null, 1)}`);
    return found[0];
}

function codes(ds: Diagnostic[]): string[] {
    return ds.map((d) => d.code).sort();
}

describe("checkProject", () => {
    it("reports nothing on a clean project (config references in environment, restart: always, managed postgres)", () => {
        const refs: ConfigReference[] = [ref("DB_PASSWORD", ["services", "web", "environment", "DB_URL"])];
        assert.deepStrictEqual(check(cleanProject(), refs), []);
    });

    describe("healthcheck", () => {
        it("rejects a timeout longer than the interval", () => {
            const d = one(check(web((s) => (s.healthcheck = { test: ["CMD", "true"], interval: "10s", timeout: "30s" }))), "healthcheck-timeout-exceeds-interval");
            assert.deepStrictEqual([d.severity, d.service, d.field, d.line], ["error", "web", "healthcheck.timeout", 9]);
            assert.match(d.message, /timeout \(30s\) is longer than interval \(10s\)/);
            assert.match(d.hint ?? "", /lower healthcheck\.timeout/);
            // Durations are compared, not strings.
            one(check(web((s) => (s.healthcheck = { test: ["CMD", "true"], interval: "1m", timeout: "1m0.001s" }))), "healthcheck-timeout-exceeds-interval");
            assert.deepStrictEqual(check(web((s) => (s.healthcheck = { test: ["CMD", "true"], interval: "90s", timeout: "1m" }))), []);
        });

        it("warns when the timeout equals the interval", () => {
            const d = one(check(web((s) => (s.healthcheck = { test: ["CMD", "true"], interval: "1m", timeout: "60s" }))), "healthcheck-timeout-equals-interval");
            assert.deepStrictEqual([d.severity, d.field], ["warning", "healthcheck.timeout"]);
            assert.match(d.hint ?? "", /below healthcheck\.interval/);
        });

        it("compares a timeout alone with the default interval of 30s", () => {
            const d = one(check(web((s) => (s.healthcheck = { test: ["CMD", "true"], timeout: "45s" }))), "healthcheck-timeout-exceeds-interval");
            assert.match(d.message, /default interval of 30s/);
            one(check(web((s) => (s.healthcheck = { test: ["CMD", "true"], timeout: "30s" }))), "healthcheck-timeout-equals-interval");
            assert.deepStrictEqual(check(web((s) => (s.healthcheck = { test: ["CMD", "true"], timeout: "10s" }))), []);
            assert.deepStrictEqual(check(web((s) => (s.healthcheck = { test: ["CMD", "true"], interval: "10s" }))), []);
        });
    });

    describe("GPUs and platforms", () => {
        it("warns that GPUs, as `gpus` or a GPU device reservation, will be refused on AWS and DigitalOcean", () => {
            const d = one(check(web((s) => (s.gpus = "all"))), "gpus");
            assert.deepStrictEqual([d.severity, d.field], ["warning", "gpus"]);
            assert.match(d.message, /deploying this service to AWS or DigitalOcean will be refused/);
            const reserved = one(check(web((s) => (s.deploy = { resources: { reservations: { memory: "536870912", devices: [{ capabilities: ["gpu"], count: -1 }] } } }))), "gpus");
            assert.strictEqual(reserved.field, "deploy.resources.reservations.devices[0]");
            assert.deepStrictEqual(check(web((s) => (s.deploy = { resources: { reservations: { memory: "536870912", devices: [{ capabilities: ["tpu"] }] } } }))), []);
        });

        it("warns about a platform no cloud runs, and about build.platforms of which one is built", () => {
            for (const p of ["windows/amd64", "linux/arm/v7", "linux/386", "linux/s390x"]) one(check(web((s) => (s.platform = p))), "platform-unsupported");
            for (const p of ["linux/amd64", "linux/arm64", "linux/arm64/v8"]) assert.deepStrictEqual(check(web((s) => (s.platform = p))), [], p);
            const d = one(check(web((s) => (s.build = { context: ".", platforms: ["linux/arm64", "linux/amd64"] }))), "build-platforms");
            assert.strictEqual(d.message, "the image is built for linux/amd64 only, the platform the service runs on; linux/arm64 is not built");
            assert.deepStrictEqual(check(web((s) => (s.build = { context: ".", platforms: ["linux/arm64"] }))), []);
        });
    });

    describe("ports", () => {
        it("warns about an ingress port without a healthcheck, at the port", () => {
            const d = one(check(web((s) => delete s.healthcheck)), "ingress-without-healthcheck");
            assert.deepStrictEqual([d.severity, d.service, d.field, d.line], ["warning", "web", "ports[0]", 5]);
            assert.match(d.message, /GET \/ on port 8080/);
            assert.match(d.hint ?? "", /add a healthcheck/);
            // A disabled healthcheck is none.
            one(check(web((s) => (s.healthcheck = { test: ["NONE"] }))), "ingress-without-healthcheck");
            // Host ports are not load-balanced.
            assert.deepStrictEqual(
                check(
                    web((s) => {
                        delete s.healthcheck;
                        s.ports = [{ mode: "host", target: 8080, protocol: "tcp" }];
                    }),
                ),
                [],
            );
        });

        it("refuses container port 0 in ports and in expose, reading an exposed port before its range or protocol", () => {
            const ds = check(
                web((s) => {
                    s.ports = [{ mode: "ingress", target: 0, protocol: "tcp" }, ...(s.ports ?? [])];
                    s.expose = ["0/tcp", "0-3", "3000-0", "3000/0", "8080"];
                }),
            ).filter((d) => d.code === "port-zero");
            assert.deepStrictEqual(
                ds.map((d) => [d.severity, d.field, d.message]),
                [
                    ["error", "ports[0]", "port 0 is not a port a container can listen on"],
                    ["error", "expose[0]", "exposed port 0 is not a port a container can listen on"],
                    ["error", "expose[1]", "exposed port 0 is not a port a container can listen on"],
                ],
            );
        });

        it("says nothing of a published port that differs from its target: it is the public port", () => {
            assert.deepStrictEqual(check(web((s) => (s.ports = [{ mode: "ingress", target: 8080, published: "80", protocol: "tcp" }]))), []);
        });

        it("warns that a port bound to a private address is private, at the port, with how to make it public", () => {
            for (const hostIp of ["127.0.0.1", "::1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "fd00::1"]) {
                const d = one(check(web((s) => (s.ports = [{ mode: "ingress", host_ip: hostIp, target: 8080, published: "8080", protocol: "tcp" }]))), "private-host-ip");
                assert.deepStrictEqual([d.severity, d.field, d.line], ["warning", "ports[0]", 5]);
                assert.strictEqual(d.message, `port 8080 is bound to ${hostIp}, which the internet cannot reach: it is deployed as a private port, reachable by the project's services only`);
                assert.match(d.hint ?? "", /to make it public/);
            }
            // A private port is not load-balanced: no healthcheck warning for it.
            assert.deepStrictEqual(
                codes(
                    check(
                        web((s) => {
                            delete s.healthcheck;
                            s.ports = [{ mode: "ingress", host_ip: "127.0.0.1", target: 8080, protocol: "tcp" }];
                        }),
                    ),
                ),
                ["private-host-ip"],
            );
        });

        it("warns that a specific public address cannot be chosen, and says nothing of 0.0.0.0 or ::", () => {
            const d = one(check(web((s) => (s.ports = [{ mode: "ingress", host_ip: "203.0.113.7", target: 8080, protocol: "tcp" }]))), "public-host-ip");
            assert.match(d.message, /bound to 203\.0\.113\.7, but the address a public port is reached at is the cloud's/);
            for (const hostIp of ["0.0.0.0", "::"]) assert.deepStrictEqual(check(web((s) => (s.ports = [{ mode: "ingress", host_ip: hostIp, target: 8080, protocol: "tcp" }]))), []);
        });

        it("says what the load balancer checks of a public port that is not HTTP, and nothing for UDP", () => {
            assert.deepStrictEqual(
                check(
                    web((s) => {
                        delete s.healthcheck;
                        s.ports = [{ mode: "ingress", target: 53, protocol: "udp" }];
                    }),
                ),
                [],
            );
            const d = one(
                check(
                    web((s) => {
                        delete s.healthcheck;
                        s.ports = [{ mode: "ingress", target: 5432, published: "5432", protocol: "tcp" }];
                    }),
                ),
                "ingress-without-healthcheck",
            );
            assert.match(d.message, /will only check that port 5432 accepts TCP connections/);
        });

        it("rejects domainname on a service without an ingress port", () => {
            const d = one(
                check(
                    web((s) => {
                        s.domainname = "shop.example.com";
                        s.ports = [];
                    }),
                ),
                "domainname-without-ingress",
            );
            assert.deepStrictEqual([d.severity, d.field], ["error", "domainname"]);
            assert.match(d.hint ?? "", /mode: ingress/);
            assert.deepStrictEqual(check(web((s) => (s.domainname = "shop.example.com"))), []);
        });
    });

    describe("host features", () => {
        it("warns that host networking, privileged mode, devices and the Docker socket will be refused", () => {
            const ds = check(
                web((s) => {
                    s.network_mode = "host";
                    s.privileged = true;
                    s.devices = [{ source: "/dev/ttyUSB0", target: "/dev/ttyUSB0" }];
                    s.volumes = [{ type: "bind", source: "/var/run/docker.sock", target: "/var/run/docker.sock" }];
                }),
            );
            assert.deepStrictEqual(codes(ds), ["devices", "docker-socket", "network-mode-host", "privileged"]);
            assert.ok(ds.every((d) => d.severity === "warning" && d.service === "web" && d.hint && /will be refused/.test(d.message)));
            assert.deepStrictEqual(ds.map((d) => d.field).sort(), ["devices", "network_mode", "privileged", "volumes[0]"]);
        });

        it("knows the Docker socket by the last part of its path, on either side of a bind mount only", () => {
            const socketAt = (volumes: ComposeService["volumes"]) =>
                check(web((s) => (s.volumes = volumes)))
                    .filter((d) => d.code === "docker-socket")
                    .map((d) => d.field);
            assert.deepStrictEqual(socketAt([{ type: "bind", source: "docker.sock", target: "/var/run/docker.sock" }]), ["volumes[0]"]);
            assert.deepStrictEqual(socketAt([{ type: "bind", source: "/run/user/1000/docker.sock", target: "/tmp/d" }]), ["volumes[0]"]);
            assert.deepStrictEqual(socketAt([{ type: "bind", source: "./x", target: "docker.sock" }]), ["volumes[0]"]);
            assert.deepStrictEqual(socketAt([{ type: "bind", source: "/var/run/mydocker.sock", target: "/var/run/docker.sock.bak" }]), []);
            assert.deepStrictEqual(socketAt([{ type: "volume", source: "docker.sock", target: "/var/run/docker.sock" }]), []);
        });

        it("leaves bind mounts, volumes and tmpfs to the translation table (each cloud says what it does with them)", () => {
            const ds = check(
                web(
                    (s) =>
                        (s.volumes = [
                            { type: "bind", source: "./config", target: "/etc/app" },
                            { type: "volume", source: "data", target: "/data" },
                            { type: "tmpfs", target: "/tmp" },
                            { type: "bind", source: "/var/run/docker.sock", target: "/var/run/docker.sock" },
                        ]),
                ),
            );
            assert.deepStrictEqual(
                ds.map((d) => [d.code, d.severity, d.field]),
                [["docker-socket", "warning", "volumes[3]"]],
            );
        });

        it("warns about shared network modes; hostname, container_name and host settings are the translation table's to approximate", () => {
            const project = web((s) => {
                s.hostname = "api";
                s.container_name = "shop-web";
                s.network_mode = "service:db";
                s.cap_add = ["NET_ADMIN"];
                s.sysctls = { "net.core.somaxconn": "1024" };
                s.cap_drop = [];
            });
            // The service whose network is shared exists (a missing one is an error of its own).
            project.services.db = cleanProject().services.db;
            const ds = check(project);
            assert.deepStrictEqual(codes(ds), ["network-mode-shared"]);
            assert.ok(ds.every((d) => d.severity === "warning"));
        });
    });

    describe("resources", () => {
        it("warns about a missing memory reservation", () => {
            const d = one(check(web((s) => delete s.deploy)), "missing-memory-reservation");
            assert.deepStrictEqual([d.severity, d.service, d.field, d.line], ["warning", "web", "deploy.resources.reservations.memory", 2]);
            assert.match(d.hint ?? "", /set deploy\.resources\.reservations\.memory/);
            assert.deepStrictEqual(check(web((s) => (s.deploy = { resources: { limits: { memory: "268435456" } } }))), []);
        });

        it("warns about zero replicas", () => {
            const d = one(check(web((s) => (s.deploy!.replicas = 0))), "zero-replicas");
            assert.deepStrictEqual([d.severity, d.field], ["warning", "deploy.replicas"]);
            assert.deepStrictEqual(check(web((s) => (s.deploy!.replicas = 2))), []);
        });
    });

    describe("names", () => {
        it("warns when a service name is not a DNS label and suggests one", () => {
            const p = cleanProject();
            p.services = { Web_App: cleanService(), "1st": cleanService(), ["a".repeat(64)]: cleanService(), "web-app": cleanService() };
            const ds = check(p).filter((d) => d.code === "service-name-not-dns-label");
            assert.deepStrictEqual(ds.map((d) => d.service).sort(), ["1st", "Web_App", "a".repeat(64)].sort());
            assert.ok(ds.every((d) => d.severity === "warning" && d.field === undefined));
            assert.match(ds.find((d) => d.service === "Web_App")!.hint ?? "", /"web-app"/);
            assert.strictEqual(suggestDnsLabel("1st"), "st");
        });

        it("reports services in name order, also when their names look like numbers (which an object lists first, by value)", () => {
            const p = cleanProject();
            p.services = { b: cleanService(), "10": cleanService(), "9": cleanService(), a: cleanService() };
            assert.deepStrictEqual(Object.keys(p.services), ["9", "10", "b", "a"]);
            const ds = check(p).filter((d) => d.code === "service-name-not-dns-label");
            assert.deepStrictEqual(
                ds.map((d) => d.service),
                ["10", "9"],
            );
        });
    });

    describe("managed services", () => {
        it("warns when a managed extension is on an image of another kind", () => {
            const pg = one(
                check(
                    web((s) => {
                        s.image = "example";
                        s["x-defang-postgres"] = null;
                    }),
                ),
                "managed-postgres-image",
            );
            assert.deepStrictEqual([pg.severity, pg.field], ["warning", "image"]);
            assert.match(pg.hint ?? "", /postgres image/);
            one(
                check(
                    web((s) => {
                        s.image = "memcached:1.6";
                        s["x-defang-redis"] = true;
                    }),
                ),
                "managed-redis-image",
            );
            assert.deepStrictEqual(
                check(
                    web((s) => {
                        s.image = "bitnami/postgresql:16";
                        s["x-defang-postgres"] = {};
                    }),
                ),
                [],
            );
            assert.deepStrictEqual(
                check(
                    web((s) => {
                        s.image = "valkey/valkey:8";
                        s["x-defang-redis"] = true;
                    }),
                ),
                [],
            );
        });

        it("warns that an unmanaged database without storage loses its data", () => {
            const pg = one(
                check(
                    web((s) => {
                        s.image = "docker.io/library/postgres:16@sha256:abc";
                        s["x-defang-postgres"] = false;
                    }),
                ),
                "unmanaged-database",
            );
            assert.deepStrictEqual([pg.severity, pg.field], ["warning", "image"]);
            assert.match(pg.hint ?? "", /x-defang-postgres: true/);
            assert.match(one(check(web((s) => (s.image = "redis:7-alpine"))), "unmanaged-database").hint ?? "", /x-defang-redis/);
            assert.doesNotMatch(one(check(web((s) => (s.image = "mysql:8"))), "unmanaged-database").hint ?? "", /x-defang/);
            // With a volume it is the volume that gets the warning (from the translation table); tools named after databases are not databases.
            assert.deepStrictEqual(
                codes(
                    check(
                        web((s) => {
                            s.image = "mysql:8";
                            s.volumes = [{ type: "volume", source: "db", target: "/var/lib/mysql" }];
                        }),
                    ),
                ),
                [],
            );
            assert.deepStrictEqual(check(web((s) => (s.image = "mongo-express"))), []);
        });

        it("reads image references", () => {
            assert.strictEqual(imageRepository("localhost:5000/team/app:1"), "team/app");
            assert.strictEqual(imageRepository("Postgres@sha256:1"), "postgres");
            assert.strictEqual(imageRepository(undefined), "");
        });
    });

    describe("secrets", () => {
        const values: Record<string, string> = {
            API_KEY: "50m34p1k3y",
            AWS_CLIENT_ID: "AROA1234567890ABCDEF",
            GH_PAT: "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ1234567890",
            HIGH_ENTROPY_STRING: "VEfk5vO0Q53VkK_uicor",
            MY_URL: "https://user:p455w0rd@example.com",
            dbPassword: "hunter2",
        };

        it("warns about secrets written in plain text, without repeating them", () => {
            const ds = check(web((s) => Object.assign(s.environment!, values, { NOT_SENSITIVE: "notsensitive" })));
            assert.deepStrictEqual(
                ds.map((d) => d.field).sort(),
                Object.keys(values)
                    .map((k) => `environment.${k}`)
                    .sort(),
            );
            for (const d of ds) {
                const key = d.field!.slice("environment.".length);
                assert.deepStrictEqual([d.code, d.severity, d.service], ["plaintext-secret", "warning", "web"]);
                assert.ok(!d.message.includes(values[key]), `the message must not show the secret: ${d.message}`);
                assert.ok(d.hint?.includes(`pulumi config set --secret ${key}`), d.hint);
            }
            assert.strictEqual(ds.find((d) => d.field === "environment.API_KEY")!.line, 12);
        });

        it("does not take references, booleans, paths or names about secrets for secrets", () => {
            for (const [name, value] of Object.entries({
                DB_PASSWORD: "${DB_PASSWORD}",
                URL: "postgres://u:${PASS}@db/x",
                TOKEN_TTL: "3600",
                AUTH_TOKEN_ENABLED: "true",
                SECRET_FILE: "/run/secrets/db",
                APP_NAME: "MyApplicationName2",
                VERSION: "ReactAppVersion2024Final",
                PWD: "/app",
            })) {
                assert.strictEqual(secretReason(name, value), undefined, name);
            }
            assert.strictEqual(secretReason("SECRET_KEY", null), undefined);
        });

        it("reads secret words as words of the name, in any case, and a value in a known secret format whatever the name", () => {
            assert.strictEqual(secretReason("apiKey", "abc"), "its name contains KEY");
            assert.strictEqual(secretReason("db_passwd", "abc"), "its name contains PASSWD");
            // A secret word inside another word is not one.
            assert.strictEqual(secretReason("MONKEYS", "bananas"), undefined);
            assert.strictEqual(secretReason("TOKENIZER", "bpe"), undefined);
            assert.strictEqual(secretReason("LOG_LEVEL", "xoxb-1234567890-abcdef"), "its value looks like a Slack token");
            assert.strictEqual(secretReason("LOG_LEVEL", "HTTPS://u:p@host"), "its value looks like a URL with a password");
            assert.strictEqual(secretReason("LOG_LEVEL", "akia1234567890abcdef"), undefined);
            // A path is not a secret, whatever its name.
            assert.strictEqual(secretReason("PASSWORD", "../up"), undefined);
            assert.strictEqual(secretReason("PASSWORD", ".../up"), "its name contains PASSWORD");
            assert.strictEqual(secretReason("PASSWORD", "~/x"), undefined);
            assert.strictEqual(secretReason("PASSWORD", "~x"), "its name contains PASSWORD");
        });

        it("warns about secrets in build arguments", () => {
            const d = one(check(web((s) => (s.build = { context: ".", args: { VERSION: "1", NPM_TOKEN: "npm_abc123" } }))), "plaintext-secret");
            assert.strictEqual(d.field, "build.args.NPM_TOKEN");
            assert.match(d.hint ?? "", /build\.secrets/);
        });

        it("says nothing of attached file secrets: the translation table decides them per cloud", () => {
            const r = check(web((s) => (s.secrets = [{ source: "db_password", target: "/run/secrets/db_password" }])));
            assert.deepStrictEqual(
                r.filter((d) => d.code === "file-secrets"),
                [],
            );
        });
    });

    describe("config references", () => {
        it("reads config references in build args from config (a warning), rejects them in the image, naming every variable once per value", () => {
            const refs: ConfigReference[] = [
                ref("VERSION", ["services", "web", "build", "args", "VERSION"]),
                ref("SUFFIX", ["services", "web", "build", "args", "VERSION"]),
                ref("TAG", ["services", "web", "image"]),
                ref("DB_PASSWORD", ["services", "web", "environment", "DB_URL"]),
                ref("PORT", ["services", "web", "command", 2]),
            ];
            const ds = check(
                web((s) => (s.build = { context: ".", args: { VERSION: "${VERSION}${SUFFIX}" } })),
                refs,
            );
            assert.deepStrictEqual(codes(ds), ["config-in-build-args", "config-in-image"]);
            const arg = one(ds, "config-in-build-args");
            assert.deepStrictEqual([arg.severity, arg.service, arg.field, arg.line], ["warning", "web", "build.args.VERSION", 14]);
            assert.strictEqual(
                arg.message,
                "uses ${VERSION}, ${SUFFIX}, which has no value: read from Pulumi config at deployment and passed to the build as a secret; a Dockerfile that uses VERSION in a RUN step keeps its value in the image's history",
            );
            assert.match(arg.hint ?? "", /`pulumi config set --secret VERSION <value>`, `pulumi config set --secret SUFFIX <value>`/);
            const image = one(ds, "config-in-image");
            assert.deepStrictEqual([image.severity, image.field, image.line], ["error", "image", 3]);
        });

        it("rejects a config reference in a build arg whose name cannot be an environment variable, or whose key cannot be a config key", () => {
            const refs: ConfigReference[] = [ref("TOKEN", ["services", "web", "build", "args", "NPM-TOKEN"]), ref("1KEY", ["services", "web", "build", "args", "OTHER"])];
            const ds = check(
                web((s) => (s.build = { context: ".", args: { "NPM-TOKEN": "${TOKEN}", OTHER: "${1KEY}" } })),
                refs,
            ).filter((d) => d.code === "config-in-build-args");
            assert.deepStrictEqual(
                ds.map((d) => [d.severity, d.field]),
                [
                    ["error", "build.args.NPM-TOKEN"],
                    ["error", "build.args.OTHER"],
                ],
            );
            assert.match(ds[0].message, /handed to the builder as the environment variable NPM-TOKEN, which is not a valid variable name$/);
            assert.match(ds[0].hint ?? "", /^rename the build argument, and its ARG in the Dockerfile, to letters, digits and underscores/);
            assert.match(ds[1].message, /^uses \$\{1KEY\}, .* cannot be a config key/);
        });

        it("rejects config references elsewhere in build", () => {
            const refs: ConfigReference[] = [ref("DIR", ["services", "web", "build", "context"])];
            const d = one(
                check(
                    web(() => undefined),
                    refs,
                ),
                "config-in-build",
            );
            assert.deepStrictEqual([d.severity, d.field], ["error", "build.context"]);
        });
    });

    describe("models", () => {
        it("warns about Docker Model Runner options", () => {
            const p = cleanProject();
            p.models = { llm: { model: "ai/smollm2", context_size: 4096, runtime_flags: ["--threads", "4"] } };
            const ds = check(p);
            assert.deepStrictEqual(
                ds.map((d) => [d.code, d.severity, d.service, d.field]),
                [
                    ["model-runner-option", "warning", undefined, "models.llm.context_size"],
                    ["model-runner-option", "warning", undefined, "models.llm.runtime_flags"],
                ],
            );
            assert.strictEqual(ds[0].line, 20);
            assert.match(ds[1].hint ?? "", /remove runtime_flags/);
        });
    });
});
