/**
 * A Defang sample of the shared corpus as a checkout would have it: the corpus keeps compose files
 * only, so each build context gets a one-line Dockerfile.
 */
import * as fs from "fs";
import * as path from "path";
import { loadProject } from "../../provider/src/compose/load";

const SAMPLES = path.resolve(__dirname, "../../../../shared/corpus/defang-samples");

/** The directory of the checkout of `sample` under `into`, or undefined when the corpus is absent. */
export function corpusCheckout(sample: string, into: string): string | undefined {
    const source = path.join(SAMPLES, sample);
    if (!fs.existsSync(path.join(source, "compose.yaml"))) return undefined;
    const dir = path.join(into, sample);
    fs.mkdirSync(dir, { recursive: true });
    for (const f of fs.readdirSync(source)) if (/\.ya?ml$|^\.env/.test(f)) fs.copyFileSync(path.join(source, f), path.join(dir, f));
    const loaded = loadProject({ files: [path.join(dir, "compose.yaml")], validate: false });
    for (const svc of Object.values(loaded.project.services)) {
        if (!svc.build || /^[a-z]+:\/\//i.test(svc.build.context)) continue;
        const dockerfile = path.resolve(dir, svc.build.context, svc.build.dockerfile ?? "Dockerfile");
        fs.mkdirSync(path.dirname(dockerfile), { recursive: true });
        if (!fs.existsSync(dockerfile)) fs.writeFileSync(dockerfile, "FROM scratch\n");
    }
    return dir;
}
