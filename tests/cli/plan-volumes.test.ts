/**
 * `plan` with named volumes: the storage is priced at the stated size (EFS and its backups on AWS,
 * Cloud Storage on Google Cloud), the assumptions say so, and `validate` and `plan` give the same
 * verdict (DigitalOcean refuses the named volumes, by name, in both).
 */
import * as assert from "assert";
import * as path from "path";
import { costOf } from "../../provider/src/plan/cost";
import { CloudName } from "../../provider/src/model/types";
import { recorded } from "../../provider/src/plan/properties/recorded";
import { RecordedResource } from "../../provider/src/plan/types";
import { assertClean, cli, ROOT } from "./run-cli";

const DIR = path.join(ROOT, "tests/fixtures/volumes");

function cost(cloud: CloudName, r: RecordedResource) {
    return costOf(cloud, r, { byName: new Map([[r.name, r]]), siblings: [r] });
}

describe("plan: volumes", function () {
    this.timeout(120_000);

    it("prices the EFS file system at 10 GB of data and 10 GB of backups, and its parts as free", function () {
        const c = cost("aws", { type: "aws:efs/fileSystem:FileSystem", name: "shop-efs", custom: true, inputs: recorded({ encrypted: true }) });
        assert.strictEqual(c.monthly, 3.5);
        assert.match(c.basis, /^10 GB of volume data x \$0\.30\/GB-month \+ 10 GB of backups x \$0\.05\/GB-month$/);
        for (const type of ["aws:efs/mountTarget:MountTarget", "aws:efs/accessPoint:AccessPoint", "aws:efs/backupPolicy:BackupPolicy", "aws:efs/fileSystemPolicy:FileSystemPolicy"]) {
            assert.strictEqual(cost("aws", { type, name: "x", custom: true, inputs: recorded({}) }).monthly, 0, type);
        }
    });

    it("prices the volume bucket at 10 GB of Cloud Storage, and a build bucket as build sources", function () {
        const volumes = cost("gcp", { type: "gcp:storage/bucket:Bucket", name: "shop-volumes", custom: true, inputs: recorded({}) });
        assert.strictEqual(volumes.monthly, 0.2);
        assert.match(volumes.basis, /10 GB of volume data/);
        assert.match(cost("gcp", { type: "gcp:storage/bucket:Bucket", name: "shop-builds", custom: true, inputs: recorded({}) }).basis, /GB of build sources/);
    });

    for (const cloud of ["aws", "gcp"] as const) {
        it(`${cloud}: plans the volumes, prices them and states the size`, function () {
            const r = cli(["plan", "-p", cloud, "-f", "compose.yaml"], { cwd: DIR });
            assertClean(r, 0);
            assert.match(r.stdout, /10 GB of volume data/);
            assert.match(r.stdout, /named volumes \(when used\): 10 GB/);
            assert.match(r.stdout, /a database's data directory on a network volume/);
        });
    }

    it("digitalocean: validate and plan refuse the named volumes alike, naming the alternative", function () {
        const v = cli(["validate", "-p", "digitalocean", "-f", "compose.yaml"], { cwd: DIR });
        const p = cli(["plan", "-p", "digitalocean", "-f", "compose.yaml"], { cwd: DIR });
        assert.strictEqual(v.code, p.code);
        assert.notStrictEqual(v.code, 0);
        // The same refusals at the same positions: `file:line:column` and the message with its detail.
        const refusals = (out: string) =>
            out
                .split("\n")
                .map((l) => /(compose\.yaml:\d+:\d+):.*?(App Platform has no volumes.*?\([^)]*\))/.exec(l))
                .filter((m): m is RegExpExecArray => !!m)
                .map((m) => `${m[1]} ${m[2]}`)
                .sort();
        assert.deepStrictEqual(refusals(v.stdout + v.stderr).length, 2);
        assert.deepStrictEqual(refusals(v.stdout + v.stderr), refusals(p.stdout + p.stderr));
        assert.match(v.stdout + v.stderr, /DigitalOcean Spaces/);
    });
});
