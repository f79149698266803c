/**
 * Feature ids, price ids and recorded-input paths are checked by the compiler (a misspelling fails
 * the build: the `@ts-expect-error` lines below break the build if a type loosens to `string`).
 * What the types cannot see is checked here at run time: the ids the model produces from real
 * compose files, and the price ids built from values the backends choose.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { CACHE_NODE_TYPES, DEFAULT_CACHE_NODE_TYPE } from "../../provider/src/clouds/aws/data/elasticache-sizing";
import { DEFAULT_RDS_INSTANCE_CLASS } from "../../provider/src/clouds/aws/data/rds-sizing";
import { DATABASE_SIZES } from "../../provider/src/clouds/digitalocean/data/datastore-sizing";
import { loadProject } from "../../provider/src/compose/load";
import { featureUses } from "../../provider/src/model/capabilities";
import { projectFromCompose } from "../../provider/src/model/from-compose";
import { FEATURE_IDS, isFeatureId } from "../../provider/src/model/translation/features";
import { refused } from "../../provider/src/model/translation/types";
import { AWS_PRICES } from "../../provider/src/plan/prices/aws";
import { databaseNodePrice } from "../../provider/src/plan/prices/digitalocean";
import { lookupPrice } from "../../provider/src/plan/prices/price";
import { AwsRecorded } from "../../provider/src/plan/properties/aws";
import { bool, num } from "../../provider/src/plan/properties/read";
import { recorded } from "../../provider/src/plan/properties/recorded";
import { REPO_ROOT } from "../support/corpus";

/** Never called: it only has to compile, and each misspelling in it must not. */
export function misspellingsFailTheBuild(service: AwsRecorded<"aws:ecs/service:Service">): unknown[] {
    return [
        // @ts-expect-error: a feature id not in the table
        refused("privilegd"),
        // @ts-expect-error: a price id not in the table
        AWS_PRICES["aws.nlb.hoor"],
        // @ts-expect-error: a path not in the ECS service's inputs
        bool(service, "networkConfiguration.assignPublicIpp"),
        // @ts-expect-error: a path below a field that has no such child
        num(service, "desiredCount.value"),
        // @ts-expect-error: inputs whose type token is not known cannot be read by path
        num(recorded({}), "desiredCount"),
        bool(service, "networkConfiguration.assignPublicIp"),
        AWS_PRICES["aws.nlb.hour"],
        refused("privileged"),
    ];
}

/** Every compose file of the test fixtures that loads. */
function fixtureComposeFiles(): string[] {
    const out: string[] = [];
    const walk = (dir: string): void => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, e.name);
            if (e.isDirectory()) walk(full);
            else if (/^(compose|docker-compose)[\w.-]*\.ya?ml$/.test(e.name)) out.push(full);
        }
    };
    for (const dir of ["tests/fixtures", "tests/cli/fixtures", "examples"]) walk(path.join(REPO_ROOT, dir));
    return out;
}

describe("typed ids", () => {
    it("every feature id the model produces from the fixtures is in the feature table", () => {
        const seen = new Set<string>();
        let models = 0;
        for (const file of fixtureComposeFiles()) {
            let model;
            try {
                model = projectFromCompose(loadProject({ files: [file], workingDir: path.dirname(file) }).project);
            } catch {
                continue; // a fixture of a compose error
            }
            models++;
            for (const c of model.components) for (const f of featureUses(c)) seen.add(f.feature);
        }
        assert.ok(models >= 10, `only ${models} fixtures loaded`);
        assert.ok(seen.size >= 10, `only ${[...seen].join(", ")} seen`);
        assert.deepStrictEqual(
            [...seen].filter((id) => !isFeatureId(id)),
            [],
        );
        assert.ok(FEATURE_IDS.length > 50 && FEATURE_IDS.every(isFeatureId));
        assert.equal(isFeatureId("privilegd"), false);
    });

    it("the default sizes the backends choose are priced", () => {
        assert.ok(lookupPrice(AWS_PRICES, `aws.rds.${DEFAULT_RDS_INSTANCE_CLASS}`), DEFAULT_RDS_INSTANCE_CLASS);
        assert.ok(lookupPrice(AWS_PRICES, `aws.elasticache.${DEFAULT_CACHE_NODE_TYPE}`), DEFAULT_CACHE_NODE_TYPE);
        assert.ok(CACHE_NODE_TYPES.length > 0);
        for (const size of DATABASE_SIZES) assert.ok(databaseNodePrice(size.slug), size.slug);
        assert.equal(lookupPrice(AWS_PRICES, "aws.rds.db.nope"), undefined);
        assert.equal(lookupPrice(AWS_PRICES, "toString"), undefined);
    });
});
