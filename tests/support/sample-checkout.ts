/**
 * A Defang sample of the shared corpus as a checkout would have it: the corpus keeps the compose
 * files only, so every local build context gets a one-line Dockerfile.
 */
import * as fs from "fs";
import * as path from "path";
import { loadProject } from "../../provider/src/compose/load";
import { corpusPath } from "./corpus";

/** A copy of the sample with its build contexts and env files present. */
export function checkoutSample(sample: string, into: string): string {
    const dir = path.join(into, sample);
    fs.mkdirSync(dir, { recursive: true });
    for (const f of fs.readdirSync(corpusPath("defang-samples", sample))) {
        if (/\.ya?ml$|^\.env/.test(f)) fs.copyFileSync(corpusPath("defang-samples", sample, f), path.join(dir, f));
    }
    const loaded = loadProject({ files: [path.join(dir, "compose.yaml")], validate: false });
    for (const svc of Object.values(loaded.project.services)) {
        if (!svc.build || /^[a-z]+:\/\//i.test(svc.build.context)) continue;
        const context = path.resolve(dir, svc.build.context);
        const dockerfile = path.resolve(context, svc.build.dockerfile ?? "Dockerfile");
        fs.mkdirSync(path.dirname(dockerfile), { recursive: true });
        if (!fs.existsSync(dockerfile)) fs.writeFileSync(dockerfile, "FROM scratch\n");
    }
    return dir;
}
