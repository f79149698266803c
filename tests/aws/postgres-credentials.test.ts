/**
 * Master user and database names RDS for PostgreSQL accepts: "postgres" is allowed; names RDS or
 * PostgreSQL reserve, and names that are not identifiers, fail with POSTGRES_USER / POSTGRES_DB
 * and a fix.
 */
import { strict as assert } from "assert";
import { UnsupportedFeaturesError } from "../../provider/src/model/errors";
import { checkPostgresNames, databaseNameProblem, masterUsernameProblem } from "../../provider/src/clouds/aws/data/postgres-credentials";

describe("aws postgres credentials", () => {
    for (const user of ["postgres", "app", "shop_admin", "User1"]) {
        it(`accepts the user "${user}"`, () => assert.equal(masterUsernameProblem(user), undefined));
    }

    const refused: Array<[string, RegExp]> = [
        ["rdsadmin", /reserved by RDS/],
        ["RDSADMIN", /reserved by RDS/],
        ["admin", /reserved by RDS or PostgreSQL/],
        ["rds_superuser", /reserved/],
        ["pg_monitor", /pg_/],
        ["user", /reserved word/],
        ["select", /reserved word/],
        ["public", /reserved/],
        ["1app", /starting with a letter/],
        ["my-app", /letters, digits or underscores/],
        ["", /letters, digits or underscores/],
        ["a".repeat(64), /1 to 63/],
    ];
    for (const [user, why] of refused) {
        it(`refuses the user "${user.slice(0, 20)}"`, () => assert.match(masterUsernameProblem(user) ?? "", why));
    }

    it("checks database names", () => {
        assert.equal(databaseNameProblem("postgres"), undefined);
        assert.equal(databaseNameProblem("shop_2"), undefined);
        assert.match(databaseNameProblem("my-shop") ?? "", /letters, digits or underscores/);
        assert.match(databaseNameProblem("table") ?? "", /reserved word/);
    });

    it("lists every problem at once, with the compose field and a fix", () => {
        assert.throws(
            () => checkPostgresNames("db", "rdsadmin", "my-shop"),
            (e: unknown) => {
                assert.ok(e instanceof UnsupportedFeaturesError);
                assert.deepEqual(
                    e.features.map((f) => [f.service, f.field]),
                    [
                        ["db", "environment.POSTGRES_USER"],
                        ["db", "environment.POSTGRES_DB"],
                    ],
                );
                assert.match(e.message, /set POSTGRES_USER to another name/);
                assert.match(e.message, /set POSTGRES_DB to a name such as "my_shop"/);
                return true;
            },
        );
        assert.doesNotThrow(() => checkPostgresNames("db", "postgres", "postgres"));
    });
});
