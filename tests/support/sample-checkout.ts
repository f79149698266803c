/**
 * A Defang sample of the shared corpus as a checkout would have it: the corpus keeps the compose
 * files only, so every local build context gets a one-line Dockerfile, except in the samples built
 * without one (`*-railpack`), whose contexts get their language's project file instead.
 */
import * as fs from "fs";
import * as path from "path";
import { loadProject } from "../../provider/src/compose/load";
import { corpusPath } from "./corpus";

/** The project file of the samples that have no Dockerfile, by the language their name starts with. */
const LANGUAGE_FILES: Array<[RegExp, string, string]> = [
    [/^django|^python|^flask|^fastapi/, "requirements.txt", "django\n"],
    [/^golang/, "go.mod", "module example.com/app\n\ngo 1.22\n"],
    [/^nextjs|^react|^node/, "package.json", '{ "name": "app", "scripts": { "start": "node index.js" } }\n'],
];

/** The language file a sample without Dockerfiles has in its contexts, or undefined when it has Dockerfiles. */
export function sampleLanguageFile(sample: string): [string, string] | undefined {
    if (!sample.endsWith("-railpack")) return undefined;
    const found = LANGUAGE_FILES.find(([re]) => re.test(sample));
    if (!found) throw new Error(`no language file known for ${sample}`);
    return [found[1], found[2]];
}

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
        const language = sampleLanguageFile(sample);
        if (language && !svc.build.dockerfile) {
            fs.mkdirSync(context, { recursive: true });
            fs.writeFileSync(path.join(context, language[0]), language[1]);
            continue;
        }
        const dockerfile = path.resolve(context, svc.build.dockerfile ?? "Dockerfile");
        fs.mkdirSync(path.dirname(dockerfile), { recursive: true });
        if (!fs.existsSync(dockerfile)) fs.writeFileSync(dockerfile, "FROM scratch\n");
    }
    return dir;
}
