/**
 * File `secrets:` and `configs:` of a service: the files Docker Compose places in the container,
 * with where their content comes from when the project is deployed. Pure, apart from telling
 * whether a local file exists.
 *
 * - A secret's content is sensitive config, read from the stack's Pulumi config as a secret: under
 *   the secret's name for a `file:` or `external` secret (`pulumi config set --secret db_password <value>`),
 *   under the variable's name for an `environment:` secret (as an `environment` entry without a value).
 *   A `file:` secret is read from the deploying machine instead only when its definition opts in
 *   with `x-defang-local-file: true`.
 * - A config's content is part of the project, not a secret: `content:` as written, `file:` read
 *   from the deploying machine (like a build context); an `environment:` or `external` config is
 *   read from Pulumi config like a secret.
 */
import * as fs from "fs";
import * as path from "path";
import { isValidConfigKey } from "../compose/config-key";
import { ComposeMount, ComposeProject, ComposeSecretOrConfig, ComposeService } from "../compose/types";
import { FeatureUse, FileMountModel } from "./types";

/** The extension on a secret's definition that reads its `file:` from the deploying machine. */
export const LOCAL_FILE_EXTENSION = "x-defang-local-file";

/** Where Compose puts secrets: a relative `target` is read from here. */
export const SECRETS_DIR = "/run/secrets";

/**
 * Directories the clouds cannot mount a volume over without breaking the container (or at all):
 * the root, and the system's own (a config's default target `/<name>` is in the root).
 */
export const SYSTEM_DIRECTORIES: ReadonlySet<string> = new Set(["/", "/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/proc", "/run", "/sbin", "/sys", "/usr", "/var"]);

/** Whether files in `dir` would be mounted over a system directory (or one below /dev, /proc, /sys). */
export function isSystemDirectory(dir: string): boolean {
    return SYSTEM_DIRECTORIES.has(dir) || /^\/(dev|proc|sys)\//.test(dir);
}

/** The mode of a file when `mode` is not written: read-only for everyone, as in Docker Compose. */
export const DEFAULT_FILE_MODE = 0o444;

/** The files of `svc`'s `secrets:` and `configs:`, and the features they use (refusals and approximations per cloud). */
export function fileMountsFromCompose(svc: ComposeService, definitions: Pick<ComposeProject, "secrets" | "configs">, workingDir: string): { mounts: FileMountModel[]; features: FeatureUse[] } {
    const mounts: FileMountModel[] = [];
    const features: FeatureUse[] = [];
    for (const kind of ["secret", "config"] as const) {
        const attribute = kind === "secret" ? "secrets" : "configs";
        (svc[attribute] ?? []).forEach((ref, i) => {
            const field = [attribute, i];
            const definition = definitions[attribute]?.[ref.source];
            const mount = fileMount(kind, ref, definition, field, workingDir, features);
            if (!mount) return;
            mounts.push(mount);
            features.push({ feature: kind === "secret" ? "file-secrets" : "file-configs", field: [...field, "source"], detail: `${ref.source} at ${mount.target}` });
            const dir = path.posix.dirname(mount.target);
            if (isSystemDirectory(dir)) features.push({ feature: "file-system-directory", field: [...field, "target"], detail: `${mount.target} in ${dir}` });
            else if (dir !== SECRETS_DIR) features.push({ feature: "file-directory", field: [...field, "target"], detail: `${dir} for ${mount.target}` });
        });
    }
    const targets = new Map<string, string>();
    mounts.forEach((m) => {
        const had = targets.get(m.target);
        if (had !== undefined) features.push({ feature: "file-target-taken", field: [...m.field, "target"], detail: `${m.target}, also the target of ${had}` });
        else targets.set(m.target, m.name);
    });
    return { mounts, features };
}

function fileMount(kind: FileMountModel["kind"], ref: ComposeMount, definition: ComposeSecretOrConfig | undefined, field: Array<string | number>, workingDir: string, features: FeatureUse[]): FileMountModel | undefined {
    // A reference to an undefined secret or config is the loader's error; nothing to mount.
    if (!definition) return undefined;
    const content = contentOf(kind, ref.source, definition, workingDir, field, features);
    if (!content) return undefined;
    const mount: FileMountModel = { kind, name: ref.source, target: targetOf(kind, ref), mode: modeOf(ref.mode), content, field };
    if (ref.uid !== undefined && ref.uid !== null) mount.uid = String(ref.uid);
    if (ref.gid !== undefined && ref.gid !== null) mount.gid = String(ref.gid);
    return mount;
}

/** The absolute path of the file: a secret under /run/secrets by default, a config at `/<name>`. */
export function targetOf(kind: FileMountModel["kind"], ref: Pick<ComposeMount, "source" | "target">): string {
    const target = typeof ref.target === "string" && ref.target !== "" ? ref.target : undefined;
    if (kind === "secret") return path.posix.normalize(target === undefined ? `${SECRETS_DIR}/${ref.source}` : path.posix.isAbsolute(target) ? target : `${SECRETS_DIR}/${target}`);
    return path.posix.normalize(target === undefined ? `/${ref.source}` : path.posix.isAbsolute(target) ? target : `/${target}`);
}

/** `mode` as written (canonical: an octal string such as "0440"), else 0444. */
export function modeOf(mode: unknown): number {
    if (typeof mode === "number") return mode;
    if (typeof mode === "string" && /^[0-7]+$/.test(mode)) return parseInt(mode, 8);
    return DEFAULT_FILE_MODE;
}

function contentOf(kind: FileMountModel["kind"], name: string, definition: ComposeSecretOrConfig, workingDir: string, field: Array<string | number>, features: FeatureUse[]): FileMountModel["content"] | undefined {
    const fromConfig = (key: string): FileMountModel["content"] | undefined => {
        if (isValidConfigKey(key)) return { kind: "config", key };
        features.push({ feature: "file-config-key", field: [...field, "source"], detail: `"${key}"` });
        return undefined;
    };
    if (typeof definition.environment === "string") return fromConfig(definition.environment);
    if (typeof definition.content === "string") return { kind: "literal", value: definition.content };
    if (typeof definition.file === "string" && (kind === "config" || definition[LOCAL_FILE_EXTENSION] === true)) {
        const file = path.resolve(workingDir, definition.file);
        if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
            features.push({ feature: "file-source-missing", field: [...field, "source"], detail: file });
            return undefined;
        }
        return { kind: "local-file", path: file };
    }
    // A `file:` secret without the opt-in, or an `external` one: the stack's config holds it.
    return fromConfig(definition.external === true && typeof definition.name === "string" ? definition.name : name);
}

/** The config keys the files of a service read. */
export function fileMountConfigKeys(mounts: readonly FileMountModel[] | undefined): string[] {
    return (mounts ?? []).flatMap((m) => (m.content.kind === "config" ? [m.content.key] : []));
}

/** The content of a local file, as text (read when the stack is deployed). */
export function readLocalFile(file: string): string {
    return fs.readFileSync(file, "utf8");
}

/** The directories the files go in, each with its files, in order of first use. */
export function fileDirectories(mounts: readonly FileMountModel[]): Array<{ dir: string; files: FileMountModel[] }> {
    const dirs = new Map<string, FileMountModel[]>();
    for (const m of mounts) {
        const dir = path.posix.dirname(m.target);
        dirs.set(dir, [...(dirs.get(dir) ?? []), m]);
    }
    return [...dirs].map(([dir, files]) => ({ dir, files }));
}
