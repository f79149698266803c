/**
 * `pulumi-defang plan`: what each cloud would get for a compose project, computed offline. The
 * project is loaded and checked here; each cloud is then planned by the embedded engine in its own
 * child process (no Pulumi CLI, no credentials), and the resources, endpoints and estimated
 * monthly costs are printed as text, JSON or a Mermaid diagram.
 *
 * Nothing here loads @pulumi/pulumi: the engine runs in the child processes only.
 */
import { withModelNotes } from "../plan/model-notes";
import * as path from "path";
import { formatDiagnostic } from "../compose/diagnostics";
import { localDockerBuildsAsked } from "../clouds/digitalocean/build/builder-option";
import { gcpGpuSettings } from "../clouds/gcp/compute/cloud-run-gpu";
import { CloudVerdict, projectVerdict } from "../clouds/verdict";
import { UnsupportedFeature } from "../model/errors";
import { projectFromCompose } from "../model/from-compose";
import { projectDispositions } from "../model/translation/dispositions";
import { unknownExtensionWarnings } from "../model/translation/warnings";
import { ComposeProject } from "../compose/types";
import { fieldPath } from "../model/field-path";
import { CloudName, ProjectModel } from "../model/types";
import { cloudTitle } from "../plan/labels";
import { renderJson } from "../plan/render-json";
import { renderMermaid } from "../plan/render-mermaid";
import { renderText } from "../plan/render-text";
import { pricesUsed } from "../plan/prices";
import { planClouds, startPlanners } from "../plan/runner";
import { cloudPlan } from "../plan/tree";
import { CloudPlan, EngineResult, PlanProblem, PlanReport, PlanServiceAttributes } from "../plan/types";
import { OptionSpec, ParsedArgs, flag, formatOptions, stringOption } from "./args";
import { painter, shouldColor } from "../util/color";
import { ENVIRONMENT_HELP, PROJECT_OPTIONS, cwdOf, exitCodesHelp, loadOptionsFrom, printDiagnostics, tryLoad } from "./common";
import { CliIO, ExitCode, isTerminal, println } from "./io";
import { progress } from "./progress";
import { PROVIDERS, cloudsAsked, verdictDiagnostic } from "./verdict-report";

/** The options of `plan`. */
export const PLAN_OPTIONS: OptionSpec[] = [
    ...PROJECT_OPTIONS.slice(0, -2),
    { name: "provider", short: "p", takesValue: true, choices: PROVIDERS, valueName: "aws|gcp|digitalocean|all", description: "the cloud to plan for (default: DEFANG_PROVIDER, else all)" },
    { name: "format", takesValue: true, choices: ["text", "json", "mermaid"], valueName: "text|json|mermaid", description: "output format (default: text)" },
    { name: "verbose", takesValue: false, description: "list every resource and the arithmetic of every cost" },
    ...PROJECT_OPTIONS.slice(-2),
];

export function planHelp(): string {
    return `Usage: pulumi-defang plan [options] [FILE...]

Shows what each cloud would get for a compose project: per service, the native resources (type,
logical name, size, ports, replicas, engine and version, public or private), its endpoints, and an
estimated monthly cost per resource and in total, from the price tables in the package (each
figure with its source, date and assumptions).

This is an offline plan: the components run here against an embedded engine that answers with
placeholder ids and addresses. It needs no cloud account, no credentials and no Pulumi CLI, and
it is not a diff against a live stack (use \`pulumi preview\` in a stack for that). Sensitive
config values are never needed nor printed. Files given as arguments are the same as -f FILE.

Options:
${formatOptions(PLAN_OPTIONS)}

${ENVIRONMENT_HELP}
  DEFANG_PROVIDER        the cloud when no --provider is given

${exitCodesHelp([0, 2, 3, 4, 70])}
  With --provider all, a cloud whose backend could not be loaded is reported and does not change
  the exit code as long as another cloud was planned.

Examples:
  pulumi-defang plan examples/helpdesk/compose.yaml --provider all
  pulumi-defang plan -f compose.yaml --provider aws --format json > plan.json
  pulumi-defang plan --provider gcp --format mermaid > architecture.mmd
`;
}

function relative(cwd: string, file: string): string {
    const r = path.relative(cwd, file);
    return r === "" || r.startsWith("..") || path.isAbsolute(r) ? file : r;
}

/** A cloud's refusals as the plan reports them (positions relative to the current directory), or undefined when it accepts the project. */
function refusedPlan(verdict: CloudVerdict, cwd: string): EngineResult | undefined {
    const { cloud, refused } = verdict;
    if (refused.length === 0) return undefined;
    const problems: PlanProblem[] = refused.map((f: UnsupportedFeature) => ({
        service: f.service,
        field: f.field,
        message: f.message,
        hint: f.hint,
        ...(f.location?.file ? { at: `${relative(cwd, f.location.file)}:${f.location.line ?? 1}:${f.location.column ?? 1}` } : {}),
    }));
    return { status: "unsupported", cloud, message: `${refused.length} feature${refused.length === 1 ? " is" : "s are"} not supported on ${cloudTitle(cloud)}`, features: problems };
}

/** What `cloud` does with each attribute of each service, the approximations and refusals with their positions. */
function attributesOf(project: ComposeProject, model: ProjectModel, cloud: CloudName, cwd: string): PlanServiceAttributes[] {
    return projectDispositions(project, model, cloud).map((s) => ({
        service: s.service,
        attributes: s.attributes.map((a) => {
            if (a.disposition === "mapped") return a;
            const location = model.locate?.(s.service, fieldPath(a.field)) ?? model.locate?.(s.service, []);
            return location?.file ? { ...a, at: `${relative(cwd, location.file)}:${location.line ?? 1}:${location.column ?? 1}` } : a;
        }),
    }));
}

/** `problem` with the position of its field (else of its service) in the compose files. */
function located(problem: PlanProblem, model: ProjectModel, cwd: string): PlanProblem {
    const location = model.locate?.(problem.service, fieldPath(problem.field)) ?? model.locate?.(problem.service, []);
    return location?.file ? { ...problem, at: `${relative(cwd, location.file)}:${location.line ?? 1}:${location.column ?? 1}` } : problem;
}

/** The exit code of a plan: a bug first, then invalid input, unsupported features, a cloud whose backend could not be loaded. */
export function planExitCode(plans: CloudPlan[], all: boolean): number {
    const has = (s: CloudPlan["status"]) => plans.some((p) => p.status === s);
    if (has("failed")) return ExitCode.internal;
    if (has("invalid")) return ExitCode.invalid;
    if (has("unsupported")) return ExitCode.unsupported;
    if (has("unavailable") && !(all && has("planned"))) return ExitCode.unavailable;
    return ExitCode.ok;
}

export async function runPlan(parsed: ParsedArgs, io: CliIO): Promise<number> {
    const cwd = cwdOf(io);
    const format = stringOption(parsed.options, "format") ?? "text";
    const { clouds, all } = cloudsAsked(stringOption(parsed.options, "provider"), io, "plan");
    const errColor = shouldColor(isTerminal(io, "stderr"), io.env, flag(parsed.options, "no-color"));
    const outColor = format === "text" && shouldColor(isTerminal(io, "stdout"), io.env, flag(parsed.options, "no-color"));
    const options = loadOptionsFrom(parsed.options, io, parsed.positionals);
    // The first clouds' engines load their SDKs while the project loads here.
    const planners = startPlanners(clouds);
    const cancel = () => planners.forEach((p) => p.cancel());
    const outcome = tryLoad(options);
    if (!outcome.ok) {
        cancel();
        printDiagnostics(io.stderr, [...outcome.errors, ...outcome.warnings], errColor, cwd);
        println(io.stderr, painter(errColor).red("the project does not load; nothing was planned"));
        return ExitCode.invalid;
    }
    const { project, warnings, workingDir, locator } = outcome.result;
    // The text and JSON reports list the warnings themselves.
    if (format === "mermaid") printDiagnostics(io.stderr, warnings, errColor, cwd);
    let model: ProjectModel;
    try {
        model = projectFromCompose(project, { workingDir, locator });
    } catch (e) {
        // The model refuses what the loader let through (e.g. a dependency cycle): a user error.
        cancel();
        println(io.stderr, `error: ${(e as Error).message}`);
        return ExitCode.invalid;
    }

    // The verdict every deployment gets, before any engine runs: inputs that do not exist stop the
    // plan (as they stop a deployment on any cloud); a cloud that refuses the project is not planned.
    const verdict = projectVerdict(model.components, clouds, model.locate, { localDockerBuilds: localDockerBuildsAsked(undefined, io.env), gcpGpu: gcpGpuSettings({}, io.env) });
    if (verdict.invalid.length > 0) {
        cancel();
        printDiagnostics(
            io.stderr,
            verdict.invalid.map((p) => verdictDiagnostic(p, "build-input")),
            errColor,
            cwd,
        );
        println(io.stderr, painter(errColor).red("the project cannot be built on any cloud; nothing was planned"));
        return ExitCode.invalid;
    }
    const checked = new Map<CloudName, EngineResult>();
    for (const v of verdict.clouds) {
        const refused = refusedPlan(v, cwd);
        if (refused) checked.set(v.cloud, refused);
    }
    // Placeholders for every sensitive key a cloud's stack would need, the clouds' own included.
    const configKeys = [...new Set(verdict.clouds.flatMap((v) => v.config.map((u) => u.key)))];
    const toPlan = clouds.filter((c) => !checked.has(c));
    const bar = progress(io.stderr, isTerminal(io, "stderr"));
    const state = new Map<CloudName, string>(toPlan.map((c) => [c, "waiting"]));
    const started = new Map<CloudName, number>();
    const show = () => bar.set(`planning ${[...state].map(([c, s]) => `${cloudTitle(c)}: ${s}`).join(", ")}`);
    let results: EngineResult[];
    try {
        results = await planClouds(
            { project, workingDir, configKeys },
            toPlan,
            (cloud, s) => {
                if (s === "started") started.set(cloud, Date.now());
                state.set(cloud, s === "started" ? "running" : `done in ${((Date.now() - (started.get(cloud) ?? Date.now())) / 1000).toFixed(1)} s`);
                show();
            },
            planners,
        );
    } finally {
        bar.done();
    }
    // Problems the engines found from the backends' own tables get their positions here.
    for (const r of results) checked.set(r.cloud, r.status === "unsupported" ? { ...r, features: r.features.map((f) => (f.at ? f : located(f, model, cwd))) } : r);
    const plans = clouds.map((c) => ({ ...withModelNotes(cloudPlan(checked.get(c)!), model.components), attributes: attributesOf(project, model, c, cwd) }));
    const report: PlanReport = {
        kind: "offline",
        project: project.name,
        files: (options.files ?? outcome.result.files.slice(0, 1)).map((f) => relative(cwd, f)),
        currency: "USD",
        warnings: [...warnings, ...unknownExtensionWarnings(project, model)].map((w) => formatDiagnostic(w, { cwd })),
        clouds: plans,
        prices: pricesUsed(plans.flatMap((p) => p.components.flatMap((c) => c.resources.flatMap((r) => r.cost.prices ?? [])))),
    };
    if (format === "json") io.stdout.write(renderJson(report));
    else if (format === "mermaid") io.stdout.write(renderMermaid(model, plans));
    else io.stdout.write(renderText(report, { paint: painter(outColor), verbose: flag(parsed.options, "verbose") }));
    if (format !== "text") {
        for (const p of plans) if (p.status !== "planned") println(io.stderr, `${cloudTitle(p.cloud)}: ${p.status}: ${p.message}`);
    }
    return planExitCode(plans, all);
}
