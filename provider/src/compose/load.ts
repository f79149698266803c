/**
 * `loadProject`: compose files in, the canonical project out (or a `ComposeError` listing every
 * problem found). The phases, in order:
 *
 *   variables (.env, caller env)  ->  project name
 *   -> per file: parse with positions, interpolate, cast, schema check, extends, include
 *   -> merge the files, fold lists by key  ->  normalize  ->  canonical form per attribute
 *   -> profiles  ->  paths  ->  rules of a managed cloud deployment
 */
import * as path from "path";
import { ConfigReference, LoadOptions, LoadResult } from "./api";
import { CanonicalContext, resolvePathFrom } from "./canonical/context";
import { canonicalNetworksOrVolumes, canonicalSecretsOrConfigs } from "./canonical/resources";
import { canonicalService } from "./canonical/service";
import { relativizePaths } from "./canonical/relative-paths";
import { ComposeError, DiagnosticSink, sortDiagnostics } from "./diagnostics";
import { parseDotenv } from "./dotenv";
import { defaultComposeFiles, fileAccess, FileAccess } from "./files";
import { FileReader } from "./file-reader";
import { RawReference } from "./interpolate";
import { ProjectSources } from "./locator";
import { normalizeModel } from "./normalize";
import { isPlainObject, Path } from "./paths";
import { activeProfiles, isServiceActive } from "./profiles";
import { chooseProjectName, isValidProjectName } from "./project-name";
import { loadRawModel } from "./raw-model";
import { checkProject } from "./rules";
import { Lookup, substitute, TemplateError } from "./template";
import { positionOf } from "./yaml-source";
import { ComposeProject } from "./types";

export function loadProject(options: LoadOptions = {}): LoadResult {
    const sink = new DiagnosticSink();
    const access = fileAccess(options.readFile);
    const firstFile = options.files?.[0];
    const workingDir = path.resolve(options.workingDir ?? (firstFile ? path.dirname(path.resolve(firstFile)) : process.cwd()));
    // Files are relative to the given working directory, else to the current one (not to the first file's directory).
    const files = options.files?.length ? options.files.map((f) => path.resolve(options.workingDir ?? process.cwd(), f)) : defaultComposeFiles(workingDir, access, sink);
    sink.throwIfErrors();

    const variables = readVariables(options, workingDir, access, sink);
    const sources = new ProjectSources();
    const rawRefs: RawReference[] = [];
    const reader = new FileReader({ access, sink, sources, references: rawRefs, validate: options.validate !== false });

    // The project name may itself be interpolated, and is then available as COMPOSE_PROJECT_NAME.
    const name = projectName(options, files, reader, variables, workingDir, sink);
    const lookup: Lookup = (n) => variables(n) ?? (n === "COMPOSE_PROJECT_NAME" ? name : undefined);

    const raw = loadRawModel(files, reader, lookup);
    sink.throwIfErrors();
    // Deleting a property the object does not have still costs a call into the runtime.
    if (Object.prototype.hasOwnProperty.call(raw, "name")) delete raw.name;
    if (raw.version !== undefined) {
        sink.warn({ code: "version-obsolete", message: "the top-level `version` attribute is obsolete and ignored", hint: "remove it", field: "version", ...sources.locate(["version"]) });
        delete raw.version;
    }

    const normalize = options.normalize !== false;
    const model = normalize ? normalizeModel(raw, name, lookup) : raw;
    const ctx = canonicalContext(workingDir, lookup, normalize, access, sink, sources);
    const project = canonicalProject(model, name, ctx, options.discardEnvFiles !== false, sink, sources);
    const disabledServices = applyProfiles(project, activeProfiles(options.profiles ?? [], lookup("COMPOSE_PROFILES")), sink, sources);
    const references = findReferences(project, rawRefs);
    if (!options.useProcessEnv) warnShellVariables(references, sink, sources);
    const output = (options.paths ?? "relative") === "relative" ? relativizePaths(project, workingDir) : project;
    // The rules see paths as they will be printed, so their messages name them as the user does.
    if (options.validate !== false) checkProject(output, { locate: (p: Path) => sources.locate(p), references, disabledServices }, sink);
    sink.throwIfErrors();

    return {
        project: output,
        warnings: sortDiagnostics(sink.warnings),
        references,
        files: sources.sources.map((s) => s.file),
        workingDir,
        locator: sources,
    };
}

/** Variables for interpolation: the caller's, then (when asked) the process environment, then env files. */
function readVariables(options: LoadOptions, workingDir: string, access: FileAccess, sink: DiagnosticSink): Lookup {
    const explicit = options.env ?? {};
    const processEnv = options.useProcessEnv ? process.env : {};
    const outer: Lookup = (n) => (Object.prototype.hasOwnProperty.call(explicit, n) ? explicit[n] : processEnv[n]);
    const fromFiles: Record<string, string> = {};
    // workingDir is absolute and normalized: `.env` is joined without normalizing again.
    const envFiles = options.envFiles ? options.envFiles.map((f) => path.resolve(workingDir, f)) : [workingDir.endsWith(path.sep) ? workingDir + ".env" : workingDir + path.sep + ".env"];
    for (const f of envFiles) {
        if (!access.exists(f)) {
            if (options.envFiles) sink.error({ code: "env-file", message: `env file ${f} does not exist`, hint: "check the path given with --env-file" });
            continue;
        }
        const parsed = parseDotenv(access.read(f), (n) => outer(n) ?? fromFiles[n]);
        for (const p of parsed.problems) sink.warn({ code: "env-file", message: p.message, file: f, line: p.line, hint: "write KEY=value" });
        Object.assign(fromFiles, parsed.values);
    }
    return (n) => outer(n) ?? (Object.prototype.hasOwnProperty.call(fromFiles, n) ? fromFiles[n] : undefined);
}

function projectName(options: LoadOptions, files: string[], reader: FileReader, variables: Lookup, workingDir: string, sink: DiagnosticSink): string {
    // `name:` of the last file that has one, interpolated on its own (it cannot use COMPOSE_PROJECT_NAME).
    let fromFile: string | undefined;
    let at: { file?: string; line?: number; column?: number } = {};
    for (const f of files) {
        const source = reader.parse(f);
        const raw = source && isPlainObject(source.value) ? source.value.name : undefined;
        if (raw === undefined || raw === null || !source) continue;
        at = { file: f, ...positionOf(source.positions, ["name"]) };
        // Not a string: the schema check reports it; the name must not be read as "[object Object]".
        if (typeof raw === "object") continue;
        try {
            fromFile = substitute(String(raw), variables, { unset: "empty" }).value;
        } catch (e) {
            if (!(e instanceof TemplateError)) throw e;
            sink.error({ code: "interpolation", message: e.message, hint: e.hint, field: "name", ...at });
        }
    }
    const choice = chooseProjectName({ option: options.projectName, env: variables("COMPOSE_PROJECT_NAME"), fromFile, workingDir });
    if (!isValidProjectName(choice.name)) {
        sink.error({
            code: "project-name",
            message: `project name "${choice.name}" (from ${choice.from}) is not valid`,
            hint: "use lowercase letters, digits, '_' and '-', starting with a letter or digit",
            field: "name",
            ...(choice.from === "file" ? at : {}),
        });
    }
    return choice.name;
}

function canonicalContext(workingDir: string, lookup: Lookup, normalize: boolean, access: FileAccess, sink: DiagnosticSink, sources: ProjectSources): CanonicalContext {
    return {
        workingDir,
        lookup,
        normalize,
        readFile: (f) => access.read(f),
        fileExists: (f) => access.exists(f),
        resolvePath: (p) => resolvePathFrom(workingDir, p),
        warn: (message) => sink.warn({ code: "env-file", message, ...sources.locate([]) }),
    };
}

function canonicalProject(model: Record<string, unknown>, name: string, ctx: CanonicalContext, discardEnvFiles: boolean, sink: DiagnosticSink, sources: ProjectSources): ComposeProject {
    const project: ComposeProject = { name, services: {} };
    const services = isPlainObject(model.services) ? model.services : {};
    for (const svcName of Object.keys(services).sort()) {
        const raw = services[svcName];
        if (!isPlainObject(raw)) {
            sink.error({ code: "service", message: "a service must be a mapping of attributes", hint: "give it at least `image:` or `build:`", service: svcName, ...sources.locate(["services", svcName]) });
            continue;
        }
        const serviceCtx: CanonicalContext = { ...ctx, warn: (message, sub = [], hint) => sink.warn({ code: "env-file", message, hint, service: svcName, ...sources.locate(["services", svcName, ...sub]) }) };
        const { service, problems } = canonicalService(raw, serviceCtx, discardEnvFiles);
        for (const p of problems) {
            const fieldPath = [p.attribute, ...p.error.subPath];
            sink.error({
                code: "invalid-value",
                message: p.error.message,
                hint: p.error.hint,
                service: svcName,
                field: fieldPath
                    .map((x) => (typeof x === "number" ? `[${x}]` : x))
                    .join(".")
                    .replace(/\.\[/g, "["),
                ...sources.locate(["services", svcName, ...fieldPath]),
            });
        }
        project.services[svcName] = service;
    }
    for (const kind of ["networks", "volumes"] as const) {
        if (model[kind] !== undefined && model[kind] !== null) project[kind] = canonicalNetworksOrVolumes(model[kind]);
    }
    for (const kind of ["secrets", "configs"] as const) {
        if (model[kind] !== undefined && model[kind] !== null) project[kind] = canonicalSecretsOrConfigs(model[kind], ctx);
    }
    if (isPlainObject(model.models)) project.models = model.models as ComposeProject["models"];
    for (const [k, v] of Object.entries(model)) if (k.startsWith("x-")) (project as unknown as Record<string, unknown>)[k] = v;
    return project;
}

/** Removes the services none of whose profiles is active, and returns their names. */
function applyProfiles(project: ComposeProject, active: Set<string>, sink: DiagnosticSink, sources: ProjectSources): Set<string> {
    const disabled = new Set<string>();
    for (const [n, s] of Object.entries(project.services)) if (!isServiceActive(s, active)) disabled.add(n);
    // Most projects use no profile (or have every service active): nothing to remove, nothing to warn about.
    if (disabled.size === 0) return disabled;
    for (const n of disabled) delete project.services[n];
    for (const [name, s] of Object.entries(project.services)) {
        if (!s.depends_on) continue;
        for (const dep of Object.keys(s.depends_on)) {
            if (!disabled.has(dep)) continue;
            sink.warn({
                code: "depends-on-disabled",
                message: `depends on "${dep}", which is not part of the project because none of its profiles is active`,
                hint: `activate one of the profiles of "${dep}" (--profile), or remove the dependency`,
                service: name,
                field: `depends_on.${dep}`,
                ...sources.locate(["services", name, "depends_on", dep]),
            });
            delete s.depends_on[dep];
        }
    }
    // The services keep the attribute order `canonicalService` gave them: removing dependencies changes no attribute.
    return disabled;
}

/** A variable the project needs is set in the shell, which is not read: say so, once per name. */
function warnShellVariables(references: ConfigReference[], sink: DiagnosticSink, sources: ProjectSources): void {
    const seen = new Set<string>();
    for (const r of references) {
        if (r.kind !== "interpolation" || seen.has(r.name) || process.env[r.name] === undefined) continue;
        seen.add(r.name);
        sink.warn({
            code: "shell-variable-ignored",
            message: `variable ${r.name} is set in your shell, but the shell environment is not read, so it stays a reference to configuration`,
            hint: `add ${r.name} to the project's .env (or an --env-file), or set it with \`pulumi config set ${r.name} ...\``,
            ...(r.service ? { service: r.service } : {}),
            ...sources.locate(r.path),
        });
    }
}

/** Where the unresolved variables ended up in the canonical project, and the value-less environment entries. */
function findReferences(project: ComposeProject, raw: RawReference[]): ConfigReference[] {
    const out: ConfigReference[] = [];
    // Only a file with unresolved variables has any to find.
    if (raw.length > 0) {
        const names = new Set<string>();
        for (const r of raw) names.add(r.name);
        findInterpolations(project, [], names, out);
    }
    for (const [name, s] of Object.entries(project.services)) {
        const env = s.environment;
        if (!env) continue;
        for (const k of Object.keys(env)) {
            if (env[k] === null) out.push({ name: k, kind: "environment", path: ["services", name, "environment", k], service: name });
        }
    }
    return out;
}

/** `${NAME}` with a name that stays unresolved, anywhere in `v`; `path` is where `v` is (kept by the walk, copied for each reference). */
function findInterpolations(v: unknown, path: Array<string | number>, names: ReadonlySet<string>, out: ConfigReference[]): void {
    if (typeof v === "string") {
        if (!v.includes("${")) return;
        INTERPOLATION.lastIndex = 0;
        for (let m = INTERPOLATION.exec(v); m !== null; m = INTERPOLATION.exec(v)) {
            const name = m[1] ?? "";
            if (names.has(name)) out.push({ name, kind: "interpolation", path: path.slice(), ...(path[0] === "services" ? { service: String(path[1]) } : {}) });
        }
    } else if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
            path.push(i);
            findInterpolations(v[i], path, names, out);
            path.pop();
        }
    } else if (isPlainObject(v)) {
        for (const k of Object.keys(v)) {
            path.push(k);
            findInterpolations(v[k], path, names, out);
            path.pop();
        }
    }
}

const INTERPOLATION = /\$\{([_A-Za-z][_A-Za-z0-9.]*)\}/g;

export { ComposeError };
