/**
 * How environment values reach the other components on App Platform: compose names become
 * component names, references to managed clusters become their hosts, ports, users, databases
 * and passwords; what is sensitive is SECRET.
 */
import { strict as assert } from "assert";
import { planEnvironment } from "../../provider/src/clouds/digitalocean/compute/environment";
import { ReferenceTarget, rewriteReferences, token } from "../../provider/src/clouds/digitalocean/network/references";
import { envValueOf } from "../../provider/src/model/environment";
import { EnvVar } from "../../provider/src/model/types";

const targets = new Map<string, ReferenceTarget>([
    ["db", { kind: "postgres", id: "db", port: 5432, user: "postgres", database: "postgres" }],
    ["cache", { kind: "redis", id: "cache", port: 6379 }],
    ["app_a", { kind: "service", component: "app-a" }],
    ["api", { kind: "service", component: "api" }],
]);
const t = token;
const vars = (env: Record<string, string | null>): EnvVar[] => Object.entries(env).map(([name, v]) => ({ name, value: envValueOf(name, v) }));

describe("references to other components", function () {
    it("gives a PostgreSQL URL the cluster's credentials, host, port and database, and requires TLS", function () {
        const r = rewriteReferences("postgres://postgres:${POSTGRES_PASSWORD}@db:5432/postgres", targets);
        assert.equal(r.text, `postgres://${t("db", "user")}:${t("db", "password")}@${t("db", "host")}:${t("db", "port")}/${t("db", "database")}?sslmode=require`);
        assert.deepEqual(r.managed, ["db"]);
    });

    it("keeps another database and an sslmode the URL sets", function () {
        const r = rewriteReferences("postgresql://u:p@db/other?sslmode=${SSL_MODE}", targets);
        assert.equal(r.text, `postgresql://${t("db", "user")}:${t("db", "password")}@${t("db", "host")}:${t("db", "port")}/other?sslmode=\${SSL_MODE}`);
    });

    it("makes a Redis URL a TLS URL with the cluster's password", function () {
        assert.equal(rewriteReferences("redis://cache:6379", targets).text, `rediss://${t("cache", "user")}:${t("cache", "password")}@${t("cache", "host")}:${t("cache", "port")}`);
    });

    it("rewrites a bare name or name:port, and compose names of services to component names", function () {
        assert.equal(rewriteReferences("db", targets).text, t("db", "host"));
        assert.equal(rewriteReferences("cache:6379", targets).text, `${t("cache", "host")}:${t("cache", "port")}`);
        assert.equal(rewriteReferences("http://app_a:8000/x", targets).text, "http://app-a:8000/x");
        assert.equal(rewriteReferences("app_a:8000", targets).text, "app-a:8000");
        assert.equal(rewriteReferences("http://api:8080", targets).text, "http://api:8080");
    });

    it("reads hosts with the shared grammar: lists, templates as ports, longer names and path segments", function () {
        assert.equal(rewriteReferences("app_a:8000,cache:6379", targets).text, `app-a:8000,${t("cache", "host")}:${t("cache", "port")}`);
        assert.equal(rewriteReferences("http://app_a:${APP_PORT}/x", targets).text, "http://app-a:${APP_PORT}/x");
        const r = rewriteReferences("db, api", targets);
        assert.equal(r.text, `${t("db", "host")}, api`);
        assert.deepEqual(r.managed, ["db"]);
    });

    it("leaves other values alone", function () {
        for (const v of ["production", "https://example.com/db", "dbx", "http://unknown:1", "http://x/db", "db2:5432", "${db}", "the db is down"]) assert.equal(rewriteReferences(v, targets).text, v);
    });
});

describe("a service's App env vars", function () {
    it("marks config, templates and values carrying a password SECRET, literals GENERAL", function () {
        const planned = planEnvironment(vars({ NODE_ENV: "production", API_KEY: null, URL: "https://x/${TOKEN}", DATABASE_URL: "postgres://postgres@db/postgres", DB_HOST: "db" }), targets);
        const byName = Object.fromEntries(planned.map((p) => [p.name, p]));
        assert.equal(byName.NODE_ENV.secret, false);
        assert.equal(byName.API_KEY.secret, true);
        assert.equal(byName.API_KEY.text, "${API_KEY}");
        assert.equal(byName.URL.secret, true);
        assert.equal(byName.DATABASE_URL.secret, true, "a literal URL that now carries the password is secret");
        assert.equal(byName.DB_HOST.secret, false, "a host is not a secret");
    });

    it("rewrites the companions of a referenced cluster: port, user and database as written in compose", function () {
        const planned = planEnvironment(vars({ POSTGRES_HOST: "db", POSTGRES_PORT: "5432", POSTGRES_USER: "postgres", POSTGRES_DB: "postgres", OTHER_PORT: "8080", APP_USER: "alice" }), targets);
        const byName = Object.fromEntries(planned.map((p) => [p.name, p.text]));
        assert.equal(byName.POSTGRES_PORT, t("db", "port"));
        assert.equal(byName.POSTGRES_USER, t("db", "user"));
        assert.equal(byName.POSTGRES_DB, t("db", "database"));
        assert.equal(byName.OTHER_PORT, "8080");
        assert.equal(byName.APP_USER, "alice");
    });

    it("leaves companions alone in a service that does not reference the cluster", function () {
        const planned = planEnvironment(vars({ PORT: "5432", USER: "postgres" }), targets);
        assert.deepEqual(
            planned.map((p) => p.text),
            ["5432", "postgres"],
        );
    });
});
