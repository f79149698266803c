/**
 * The one grammar of "where a compose name is written as a host in a value", which Google Cloud and
 * DigitalOcean both rewrite from (AWS resolves names itself).
 */
import { strict as assert } from "assert";
import { findHostReferences, referencedHostNames, rewriteHostReferences } from "../../provider/src/model/host-references";

const NAMES = ["db", "db2", "api", "cache", "kafka1", "kafka2", "backend-alias"];
/** Every reference written as `<NAME>` (upper case), so a test shows exactly what was recognized. */
const mark = (value: string) =>
    rewriteHostReferences(value, NAMES, (r) => {
        const text = value.slice(r.start, r.end);
        return text.replace(new RegExp(`(^|//|@)${r.name}(?=:|/|\\?|$)`), (_m, before: string) => `${before}<${r.name.toUpperCase()}>`);
    });

describe("host references to compose names", function () {
    it("finds a name alone, as host:port, and as the host of a URL with scheme, userinfo, path and query", function () {
        assert.equal(mark("db"), "<DB>");
        assert.equal(mark("db:5432"), "<DB>:5432");
        assert.equal(mark("http://api:8080"), "http://<API>:8080");
        assert.equal(mark("redis://cache:6379/0"), "redis://<CACHE>:6379/0");
        assert.equal(mark("postgres://u:${PW}@db:5432/app?sslmode=require"), "postgres://u:${PW}@<DB>:5432/app?sslmode=require");
        const [url] = findHostReferences("postgres://u:${PW}@db:5432/app?sslmode=require", NAMES);
        assert.deepEqual(url, { name: "db", form: "url", start: 0, end: 46, scheme: "postgres", userinfo: "u:${PW}", port: "5432", path: "/app", query: "?sslmode=require" });
    });

    it("finds every item of a comma-separated list and the later hosts of a multi-host URL", function () {
        assert.equal(mark("kafka1:9092,kafka2:9092"), "<KAFKA1>:9092,<KAFKA2>:9092");
        assert.equal(mark("db, api"), "<DB>, <API>");
        assert.equal(mark("http://api:8080,http://db2:80"), "http://<API>:8080,http://<DB2>:80");
        assert.equal(mark("mongodb://u:p@db:27017,db2:27017/app"), "mongodb://u:p@<DB>:27017,<DB2>:27017/app");
    });

    it("finds aliases like names, and URLs inside a longer text", function () {
        assert.equal(mark("backend-alias:80"), "<BACKEND-ALIAS>:80");
        assert.equal(mark("--upstream=http://api:8080/x --db db:5432"), "--upstream=http://<API>:8080/x --db <DB>:5432");
    });

    it("tells a name from longer names that contain it", function () {
        assert.equal(mark("db2:5432"), "<DB2>:5432");
        assert.equal(mark("http://db2/x"), "http://<DB2>/x");
        for (const same of ["rapid", "rapid:80", "http://rapid:80", "my-api:8080", "api.example.com:443", "http://db.example.com", "dbx", "api_v1"]) assert.equal(mark(same), same);
    });

    it("leaves a name in a path segment, a query value or a sentence alone", function () {
        for (const same of ["http://x/db", "http://x/db:5432", "https://example.com/api", "http://x?host=db", "the api is down", "use db later"]) assert.equal(mark(same), same);
    });

    it("leaves the key of a ${KEY} template alone, and accepts a template port", function () {
        for (const same of ["${db}", "${api}:8080", "x${db}:1"]) assert.equal(mark(same), same);
        assert.equal(mark("db:${DB_PORT}"), "<DB>:${DB_PORT}");
        assert.equal(mark("postgres://${USER}:${PW}@db/${NAME}"), "postgres://${USER}:${PW}@<DB>/${NAME}");
    });

    it("lists the names a value refers to, each once", function () {
        assert.deepEqual(referencedHostNames("http://api:8080 postgres://x@db:5432 api:80", NAMES), ["api", "db"]);
        assert.deepEqual(referencedHostNames("http://example.com/db", NAMES), []);
    });
});
