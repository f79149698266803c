/**
 * How the translation table judges the Defang samples: per cloud, how many samples it accepts and
 * refuses (naming the features), and how many attributes it approximates (with a warning) and maps.
 *
 *   npm run build && node dist/bench/translation.js [CORPUS_DIR]
 */
import * as fs from "fs";
import * as path from "path";
import { loadProject } from "../provider/src/compose/load";
import { unsupportedFeatures } from "../provider/src/model/capabilities";
import { projectFromCompose } from "../provider/src/model/from-compose";
import { projectDispositions } from "../provider/src/model/translation/dispositions";
import { CLOUD_NAMES, CloudName } from "../provider/src/model/types";

interface Tally {
    accepted: number;
    refused: number;
    failed: string[];
    features: Map<string, number>;
    mapped: number;
    approximated: number;
    approximatedKeys: Map<string, number>;
}

function main(): void {
    const root = process.argv[2] ?? path.resolve(__dirname, "../../..", "shared/corpus/defang-samples");
    const samples = fs
        .readdirSync(root)
        .filter((d) => fs.existsSync(path.join(root, d, "compose.yaml")))
        .sort();
    const tallies = new Map<CloudName, Tally>(CLOUD_NAMES.map((c) => [c, { accepted: 0, refused: 0, failed: [], features: new Map(), mapped: 0, approximated: 0, approximatedKeys: new Map() }]));
    for (const sample of samples) {
        const dir = path.join(root, sample);
        let loaded;
        try {
            loaded = loadProject({ files: [path.join(dir, "compose.yaml")], workingDir: dir });
        } catch (e) {
            for (const t of tallies.values()) t.failed.push(`${sample}: ${(e as Error).message.split("\n")[0]}`);
            continue;
        }
        const model = projectFromCompose(loaded.project, { workingDir: loaded.workingDir, locator: loaded.locator });
        for (const cloud of CLOUD_NAMES) {
            const t = tallies.get(cloud)!;
            const refusals = unsupportedFeatures(model.components, cloud, model.locate);
            if (refusals.length > 0) t.refused++;
            else t.accepted++;
            for (const s of projectDispositions(loaded.project, model, cloud)) {
                for (const a of s.attributes) {
                    if (a.disposition === "mapped") t.mapped++;
                    else if (a.disposition === "approximated") {
                        t.approximated++;
                        t.approximatedKeys.set(a.attribute, (t.approximatedKeys.get(a.attribute) ?? 0) + 1);
                    }
                }
            }
            for (const r of refusals) {
                const reason = `${sample}/${r.service}.${r.field}: ${r.message}`;
                t.features.set(reason, (t.features.get(reason) ?? 0) + 1);
            }
        }
    }
    console.log(`${samples.length} Defang samples (${root})`);
    const list = (m: Map<string, number>) =>
        [...m]
            .filter(([, n]) => n > 0)
            .sort((a, b) => b[1] - a[1])
            .map(([k, n]) => `${k} x${n}`)
            .join(", ") || "none";
    for (const [cloud, t] of tallies) {
        console.log(`${cloud}: ${t.accepted} accepted by the table, ${t.refused} refused by name, ${t.failed.length} not loaded; attributes used: ${t.mapped} mapped, ${t.approximated} approximated`);
        for (const reason of t.features.keys()) console.log(`  refused: ${reason}`);
        console.log(`  approximated: ${list(t.approximatedKeys)}`);
        for (const f of t.failed) console.log(`  not loaded: ${f}`);
    }
}

main();
