/**
 * RDS instance classes from deploy.resources: the cheapest class that has the CPUs and the memory,
 * the documented default when nothing is asked, and an error naming the service and field when no
 * class is big enough.
 */
import { strict as assert } from "assert";
import { UnsupportedFeaturesError } from "../../provider/src/model/errors";
import { DEFAULT_RDS_INSTANCE_CLASS, RDS_INSTANCE_CLASSES, rdsInstanceClass } from "../../provider/src/clouds/aws/data/rds-sizing";

const GiB = 1024;

describe("aws rds sizing", () => {
    it("uses the documented default when nothing is asked", () => {
        assert.equal(DEFAULT_RDS_INSTANCE_CLASS, "db.t4g.micro");
        assert.equal(rdsInstanceClass("db", {}), "db.t4g.micro");
        assert.equal(rdsInstanceClass("db", { cpus: 0, memoryMiB: 0 }), "db.t4g.micro");
    });

    const cases: Array<[string, { cpus?: number; memoryMiB?: number }, string]> = [
        ["0.5 CPU", { cpus: 0.5 }, "db.t4g.micro"],
        ["exactly 1 GiB", { memoryMiB: 1 * GiB }, "db.t4g.micro"],
        ["just over 1 GiB", { memoryMiB: 1 * GiB + 1 }, "db.t4g.small"],
        ["2 GiB", { memoryMiB: 2 * GiB }, "db.t4g.small"],
        ["3 GiB", { memoryMiB: 3 * GiB }, "db.t4g.medium"],
        ["8 GiB", { memoryMiB: 8 * GiB }, "db.t4g.large"],
        ["3 CPUs and little memory", { cpus: 3, memoryMiB: 512 }, "db.t4g.xlarge"],
        ["2 CPUs and 10 GiB", { cpus: 2, memoryMiB: 10 * GiB }, "db.t4g.xlarge"],
        ["8 CPUs", { cpus: 8 }, "db.t4g.2xlarge"],
        ["33 GiB", { memoryMiB: 33 * GiB }, "db.m7g.4xlarge"],
        ["16 CPUs and 64 GiB", { cpus: 16, memoryMiB: 64 * GiB }, "db.m7g.4xlarge"],
        ["17 CPUs", { cpus: 17 }, "db.m7g.8xlarge"],
        ["256 GiB", { memoryMiB: 256 * GiB }, "db.m7g.16xlarge"],
    ];
    for (const [what, resources, expected] of cases) {
        it(`picks ${expected} for ${what}`, () => assert.equal(rdsInstanceClass("db", resources), expected));
    }

    it("lists classes cheapest first: no class is smaller in both CPUs and memory than one before it", () => {
        for (let i = 1; i < RDS_INSTANCE_CLASSES.length; i++) {
            const [a, b] = [RDS_INSTANCE_CLASSES[i - 1], RDS_INSTANCE_CLASSES[i]];
            assert.ok(b.vcpus >= a.vcpus && b.memoryGiB >= a.memoryGiB && (b.vcpus > a.vcpus || b.memoryGiB > a.memoryGiB), `${a.name} before ${b.name}`);
        }
    });

    it("refuses more memory than the largest class, naming the service and the field", () => {
        assert.throws(
            () => rdsInstanceClass("orders-db", { memoryMiB: 300 * GiB }),
            (e: unknown) => {
                assert.ok(e instanceof UnsupportedFeaturesError);
                assert.equal(e.features.length, 1);
                assert.equal(e.features[0].service, "orders-db");
                assert.equal(e.features[0].field, "deploy.resources");
                assert.match(e.message, /300 GiB of memory/);
                assert.match(e.message, /db\.m7g\.16xlarge/);
                return true;
            },
        );
    });

    it("refuses more CPUs than the largest class", () => {
        assert.throws(() => rdsInstanceClass("db", { cpus: 65 }), /asks for 65 CPUs/);
    });
});
