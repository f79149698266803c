/**
 * The verdict on a project, per cloud: the one place where what a cloud refuses is decided. The
 * `validate` and `plan` commands, `DefangProject` (and through it the provider plugin) and the lone
 * components all ask it, so they agree, and all of it is known before any resource is registered:
 *
 * - `invalid`: what no cloud can build, e.g. a build context or Dockerfile that does not exist;
 * - per cloud, `refused`: the capability table (`model/capabilities.ts`) and the cloud's own
 *   tables (its preflight: sizes, engine versions, routing), each with its position and fix;
 * - per cloud, `config`: the sensitive config the stack must have set, the project's and the cloud's.
 *
 * Pure and quick: it loads no cloud SDK.
 */
import { buildInputProblem } from "../build/build-inputs";
import { unsupportedFeatures } from "../model/capabilities";
import { ConfigUse, configUsesOf } from "../model/environment";
import { ServiceProblem, UnsupportedFeature } from "../model/errors";
import { fieldPath } from "../model/field-path";
import { CloudName, ComponentModel, ProjectModel } from "../model/types";
import { componentsForCloud, modelRefusals } from "./model-endpoints";
import { PreflightSettings } from "./preflight";
import { preflightFor } from "./registry";

/** What one cloud says of a project. */
export interface CloudVerdict {
    cloud: CloudName;
    /** Every feature the cloud cannot run, in component order; empty when it can run the project. */
    refused: UnsupportedFeature[];
    /** The sensitive config keys the stack must have set, each with the service that reads it. */
    config: ConfigUse[];
}

/** What is wrong with a project whatever the cloud, and what each cloud asked about says of it. */
export interface ProjectVerdict {
    /** Problems every cloud would have (inputs that do not exist), with positions. */
    invalid: ServiceProblem[];
    /** One verdict per cloud asked about, in the order asked. */
    clouds: CloudVerdict[];
}

/** The verdict on `components` for each of `clouds`; `locate` gives positions in the compose files. */
export function projectVerdict(components: ComponentModel[], clouds: CloudName[], locate?: ProjectModel["locate"], settings: PreflightSettings = {}): ProjectVerdict {
    return { invalid: invalidInputs(components, locate), clouds: clouds.map((cloud) => cloudVerdict(components, cloud, locate, settings)) };
}

/** What `cloud` says of `components`: the capability table and the cloud's preflight, and the config it needs. */
export function cloudVerdict(declared: ComponentModel[], cloud: CloudName, locate?: ProjectModel["locate"], settings: PreflightSettings = {}): CloudVerdict {
    const preflight = preflightFor(cloud);
    // Judged as the cloud deploys them: model endpoints as its gateways (or its own endpoint).
    const components = componentsForCloud(declared, cloud);
    const refused = unsupportedFeatures(components, cloud, locate);
    const seen = new Set(refused.map(sameProblem));
    for (const f of [...modelRefusals(components, cloud), ...preflight.refusals(components, settings)]) {
        if (seen.has(sameProblem(f))) continue;
        seen.add(sameProblem(f));
        refused.push(located(f, locate));
    }
    const config = [...components.flatMap(configUsesOf), ...preflight.configUses(components)];
    return { cloud, refused, config };
}

/** Build inputs that do not exist or cannot be read, one problem per service built from a local context. */
function invalidInputs(components: ComponentModel[], locate?: ProjectModel["locate"]): ServiceProblem[] {
    const out: ServiceProblem[] = [];
    for (const c of components) {
        if (c.kind !== "service" || !c.build || c.features.some((f) => f.feature === "remote-build-context")) continue;
        const problem = buildInputProblem(c.build);
        if (problem) out.push(located({ service: c.name, ...problem }, locate));
    }
    return out;
}

/** `problem` with the position of its field (else of its service), unless it has one. */
function located(problem: ServiceProblem, locate?: ProjectModel["locate"]): ServiceProblem {
    if (problem.location) return problem;
    const location = locate?.(problem.service, fieldPath(problem.field)) ?? locate?.(problem.service, []);
    return location ? { ...problem, location } : problem;
}

/** The capability table and a preflight may both refuse a size: `deploy.resources.reservations.cpus` and `resources.cpus` are one problem. */
function sameProblem(f: UnsupportedFeature): string {
    const last = f.field.split(".").pop();
    return `${f.service}\u0000${last}`;
}
