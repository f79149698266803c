/**
 * Final snapshot identifiers: deterministic from the project and service names, and always valid
 * for RDS (letters, digits, hyphens; starts with a letter; no double or trailing hyphen; <= 255).
 */
import { strict as assert } from "assert";
import { MAX_SNAPSHOT_IDENTIFIER_LENGTH, finalSnapshotIdentifier, snapshotIdentifier } from "../../provider/src/clouds/aws/data/snapshot-names";

const VALID = /^[a-z](?!.*--)[a-z0-9-]*[a-z0-9]$/;

describe("aws snapshot names", () => {
    it("names the final snapshot after the project, the service and the kind", () => {
        assert.equal(finalSnapshotIdentifier("shop", "db", "postgres"), "shop-db-postgres-final-snapshot");
        assert.equal(finalSnapshotIdentifier("shop", "cache", "redis"), "shop-cache-redis-final-snapshot");
    });

    const cases: Array<[string, string]> = [
        ["My_Shop-db-postgres-final-snapshot", "my-shop-db-postgres-final-snapshot"],
        ["shop--db", "shop-db"],
        ["shop.db_1", "shop-db-1"],
        ["2048-game-db", "snapshot-2048-game-db"],
        ["--x--", "x"],
        ["", "snapshot"],
    ];
    for (const [raw, expected] of cases) {
        it(`makes "${raw}" into "${expected}"`, () => assert.equal(snapshotIdentifier(raw), expected));
    }

    it("stays valid and at most 255 characters for long and odd names", () => {
        for (const raw of [`${"a".repeat(300)}`, `${"b-".repeat(200)}`, "Ünïcode ⚡ name", "___", `x${"-".repeat(254)}y`]) {
            const id = snapshotIdentifier(raw);
            assert.ok(id.length <= MAX_SNAPSHOT_IDENTIFIER_LENGTH, `${id.length}`);
            assert.match(id, VALID);
        }
    });
});
