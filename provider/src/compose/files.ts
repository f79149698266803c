/**
 * Finding and reading compose files: the default names Compose looks for, and file access that
 * can be served from memory.
 */
import * as fs from "fs";
import * as path from "path";
import { DiagnosticSink } from "./diagnostics";

export const DEFAULT_FILE_NAMES = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"];
const OVERRIDE_NAMES: Record<string, string> = {
    "compose.yaml": "compose.override.yaml",
    "compose.yml": "compose.override.yml",
    "docker-compose.yaml": "docker-compose.override.yaml",
    "docker-compose.yml": "docker-compose.override.yml",
};

export interface FileAccess {
    read(file: string): string;
    exists(file: string): boolean;
    isDirectory(file: string): boolean;
}

export function fileAccess(readFile?: (p: string) => string): FileAccess {
    if (readFile) {
        return {
            read: readFile,
            exists: (f) => {
                try {
                    readFile(f);
                    return true;
                } catch {
                    return false;
                }
            },
            isDirectory: () => false,
        };
    }
    return {
        read: (f) => fs.readFileSync(f, "utf8"),
        // A missing file is the common case (no .env, no override file): ask without an exception.
        exists: (f) => statOrUndefined(f)?.isFile() ?? false,
        isDirectory: (f) => statOrUndefined(f)?.isDirectory() ?? false,
    };
}

/** The file's status, or undefined when it cannot be read (missing, or a parent is not a directory, or no permission). */
function statOrUndefined(f: string): fs.Stats | undefined {
    try {
        return fs.statSync(f, { throwIfNoEntry: false });
    } catch {
        return undefined;
    }
}

/** The compose files of a directory when none are named: the first default name found, and its override file. */
export function defaultComposeFiles(dir: string, access: FileAccess, sink: DiagnosticSink): string[] {
    const found = DEFAULT_FILE_NAMES.filter((n) => access.exists(path.join(dir, n)));
    const [chosen] = found;
    if (chosen === undefined) {
        sink.error({
            code: "no-compose-file",
            message: `no compose file found in ${dir}`,
            hint: `create ${DEFAULT_FILE_NAMES[0] ?? "compose.yaml"}, or name the file with -f`,
        });
        return [];
    }
    if (found.length > 1) {
        sink.warn({
            code: "several-compose-files",
            message: `found ${found.join(" and ")} in ${dir}; using ${chosen}`,
            hint: "remove the files you do not use, or name the file with -f",
            file: path.join(dir, chosen),
        });
    }
    const files = [path.join(dir, chosen)];
    const overrideName = OVERRIDE_NAMES[chosen];
    const override = overrideName === undefined ? undefined : path.join(dir, overrideName);
    if (override !== undefined && access.exists(override)) files.push(override);
    return files;
}

/** Reads a compose file, reporting a missing file or a directory as a diagnostic. */
export function readComposeFile(file: string, access: FileAccess, sink: DiagnosticSink, includedFrom?: { file: string; line?: number; column?: number }): string | undefined {
    try {
        return access.read(file);
    } catch (e) {
        // Asked only when the read failed: a readable file needs no other probe.
        if (access.isDirectory(file)) {
            sink.error({
                code: "not-a-file",
                message: `${file} is a directory, not a compose file`,
                hint: `name the file inside it, e.g. ${path.join(file, DEFAULT_FILE_NAMES[0] ?? "compose.yaml")}`,
                file,
                ...includedFrom,
            });
            return undefined;
        }
        const code = (e as NodeJS.ErrnoException).code;
        const reason = code === "ENOENT" ? "does not exist" : code === "EACCES" ? "cannot be read (permission denied)" : `cannot be read (${(e as Error).message})`;
        sink.error({ code: "file-not-found", message: `compose file ${file} ${reason}`, hint: "check the path (relative paths start from the project directory)", file, ...includedFrom });
        return undefined;
    }
}
