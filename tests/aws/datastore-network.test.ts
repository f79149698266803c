/**
 * The pure parts of a data store's network access: which port it listens on, and security group
 * descriptions EC2 accepts.
 */
import { strict as assert } from "assert";
import { datastorePort, securityGroupDescription } from "../../provider/src/clouds/aws/data/datastore-network";

describe("aws data store network", () => {
    it("listens on the default port when the service declares none", () => {
        assert.deepEqual(datastorePort([], 5432), { port: 5432 });
    });

    it("listens on the target of the first host port, else of the first port", () => {
        assert.deepEqual(
            datastorePort(
                [
                    { target: 9000, mode: "ingress", protocol: "tcp" },
                    { target: 5433, mode: "host", protocol: "tcp" },
                ],
                5432,
            ),
            { port: 5433, index: 1 },
        );
        assert.deepEqual(datastorePort([{ target: 6380, mode: "ingress", protocol: "tcp", published: 7000 }], 6379), { port: 6380, index: 0 });
    });

    it("keeps only the characters EC2 allows in a security group description", () => {
        assert.equal(securityGroupDescription(`Postgres "db": the project's services`), "Postgres -db-: the project-s services");
        assert.equal(securityGroupDescription("Redis cache: TCP 6379 from project services only"), "Redis cache: TCP 6379 from project services only");
        assert.equal(securityGroupDescription("x".repeat(300)).length, 255);
    });
});
