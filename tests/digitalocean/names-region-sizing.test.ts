/**
 * Pure rules of the DigitalOcean backend: names, region, instance and node sizes, engine versions.
 */
import { strict as assert } from "assert";
import { DATABASE_SIZES, databaseSize } from "../../provider/src/clouds/digitalocean/data/datastore-sizing";
import { postgresVersion, valkeyVersion } from "../../provider/src/clouds/digitalocean/data/engine-versions";
import { APP_INSTANCE_SIZES, appInstanceSize, DEFAULT_INSTANCE_SIZE } from "../../provider/src/clouds/digitalocean/compute/instance-sizing";
import { appName, componentName, dnsLabel, MAX_NAME_LENGTH } from "../../provider/src/clouds/digitalocean/names";
import { DEFAULT_REGION, digitalOceanRegion } from "../../provider/src/clouds/digitalocean/region";
import { InvalidArgumentError, UnsupportedFeaturesError } from "../../provider/src/model/errors";

describe("DigitalOcean names", function () {
    it("keeps a compose name that is a valid label, and makes others one", function () {
        assert.equal(componentName("api"), "api");
        assert.equal(componentName("app_a"), "app-a");
        assert.equal(componentName("My.Service"), "my-service");
        assert.equal(componentName("1st"), "x-1st");
        assert.equal(componentName("a"), "ax");
    });

    it("shortens long names to 32 characters with a hash that keeps them apart", function () {
        const a = dnsLabel("a-very-long-project-name-with-many-words-one");
        const b = dnsLabel("a-very-long-project-name-with-many-words-two");
        assert.ok(a.length <= MAX_NAME_LENGTH && a.length > 24, a);
        assert.notEqual(a, b);
        assert.match(a, /^[a-z][a-z0-9-]{0,30}[a-z0-9]$/);
        assert.equal(dnsLabel("a-very-long-project-name-with-many-words-one"), a, "the same input gives the same name");
    });

    it("names the App after the Pulumi project, its owner and the stack", function () {
        assert.equal(appName("shop", "web", "dev"), "shop-web-dev");
    });
});

describe("DigitalOcean region", function () {
    it("defaults to nyc3 and derives the App Platform region", function () {
        assert.deepEqual(digitalOceanRegion(undefined), { datacenter: DEFAULT_REGION, app: "nyc" });
        assert.deepEqual(digitalOceanRegion("AMS3"), { datacenter: "ams3", app: "ams" });
        assert.deepEqual(digitalOceanRegion("fra"), { datacenter: "fra1", app: "fra" });
    });

    it("refuses a region without App Platform, naming the config key", function () {
        assert.throws(
            () => digitalOceanRegion("mars1"),
            (e: Error) => e instanceof InvalidArgumentError && /defang:region/.test(e.message) && /mars1/.test(e.message),
        );
    });
});

describe("App Platform instance sizes", function () {
    it("lists sizes cheapest first", function () {
        for (let i = 1; i < APP_INSTANCE_SIZES.length; i++) assert.ok(APP_INSTANCE_SIZES[i].monthlyUsd >= APP_INSTANCE_SIZES[i - 1].monthlyUsd);
    });

    it("gives the cheapest size that fits the reservations", function () {
        assert.equal(appInstanceSize("s", {}).slug, DEFAULT_INSTANCE_SIZE.slug);
        assert.equal(appInstanceSize("s", { cpus: 0.5, memoryMiB: 512 }).slug, "apps-s-1vcpu-0.5gb");
        assert.equal(appInstanceSize("s", { cpus: 0.5, memoryMiB: 1024 }).slug, "apps-s-1vcpu-1gb");
        assert.equal(appInstanceSize("s", { cpus: 2, memoryMiB: 2048 }).slug, "apps-s-2vcpu-4gb");
        assert.equal(appInstanceSize("s", { cpus: 3 }).slug, "apps-d-4vcpu-8gb");
    });

    it("gives a service with replicas a size that runs more than one instance", function () {
        assert.equal(appInstanceSize("s", { cpus: 0.5, memoryMiB: 512 }, false, 2).slug, "apps-s-1vcpu-1gb");
    });

    it("gives a dedicated size to an autoscaled service, as App Platform autoscales those only", function () {
        assert.equal(appInstanceSize("s", { cpus: 0.5, memoryMiB: 512 }, true).slug, "apps-d-1vcpu-0.5gb");
    });

    it("refuses more than the largest size, naming the service", function () {
        assert.throws(
            () => appInstanceSize("big", { cpus: 16 }),
            (e: Error) => e instanceof UnsupportedFeaturesError && /service "big"/.test(e.message),
        );
    });
});

describe("managed database sizes and versions", function () {
    it("gives the cheapest node that fits", function () {
        assert.equal(databaseSize("db", {}).slug, DATABASE_SIZES[0].slug);
        assert.equal(databaseSize("db", { cpus: 0.5, memoryMiB: 512 }).slug, "db-s-1vcpu-1gb");
        assert.equal(databaseSize("db", { memoryMiB: 3072 }).slug, "db-s-2vcpu-4gb");
        assert.throws(() => databaseSize("db", { memoryMiB: 200000 }), UnsupportedFeaturesError);
    });

    it("takes PostgreSQL's major version from the tag, with a default, and refuses one not offered", function () {
        assert.equal(postgresVersion("db", "16.4"), "16");
        assert.equal(postgresVersion("db", undefined), "17");
        assert.throws(
            () => postgresVersion("db", "9.6"),
            (e: Error) => /PostgreSQL 9\.6 is not offered/.test(e.message),
        );
    });

    it("runs Valkey for Redis 7 and older and for Valkey, and refuses newer", function () {
        assert.equal(valkeyVersion("c", "redis", "6.2"), "8");
        assert.equal(valkeyVersion("c", "redis", undefined), "8");
        assert.equal(valkeyVersion("c", "valkey", "8.1"), "8");
        assert.throws(() => valkeyVersion("c", "redis", "8"), UnsupportedFeaturesError);
        assert.throws(() => valkeyVersion("c", "valkey", "9"), UnsupportedFeaturesError);
    });
});
