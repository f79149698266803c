/**
 * `DefangProject`: a whole compose project as one stack. The files are loaded and checked, the
 * project is checked against the cloud (build inputs, every unsupported feature at once, then a
 * warning for each compose attribute the cloud runs differently) and the stack config (every
 * missing secret at once, the cloud's own included) before anything is created; then the shared
 * infrastructure, the managed services, and the services in dependency order.
 *
 * @example
 * const app = new DefangProject("shop", { composeFile: "compose.yaml" });
 * export const endpoints = app.endpoints;
 */
import * as pulumi from "@pulumi/pulumi";
import { InfrastructureOptions, needsOf } from "../clouds/backend";
import { componentsForCloud } from "../clouds/model-endpoints";
import { formatDiagnostic } from "../compose/diagnostics";
import { withComposeEnvironment } from "../compose/environment-options";
import { loadProject } from "../compose/load-on-demand";
import { ComposeProject } from "../compose/types";
import { projectFromCompose } from "../model/from-compose";
import { tableWarnings } from "../model/translation/warnings";
import { ComponentModel, ProjectModel } from "../model/types";
import { cloudArgument } from "./cloud-argument";
import { checkCloud } from "./cloud-checks";
import { selectCloud } from "./cloud-selection";
import { ConfigValues } from "../clouds/config-values";
import { DefangLLM } from "./defang-llm";
import { DefangPostgres } from "./defang-postgres";
import { DefangMongo } from "./defang-mongo";
import { DefangRedis } from "./defang-redis";
import { DefangService } from "./defang-service";
import { DeployContext, PROJECT_MEMBER, ProjectMember } from "./deploy-context";
import { infrastructureOptions } from "./infrastructure-options";

export interface DefangProjectArgs {
    /**
     * The cloud to deploy to.
     * @default stack config `defang:provider`, else the `DEFANG_PROVIDER` environment variable
     * @example "aws"
     */
    cloud?: "aws" | "gcp" | "digitalocean";
    /**
     * Deprecated: the former name of `cloud`, which collides with Pulumi's `provider` resource
     * option. Still read, with a warning; refused when it names another cloud than `cloud`.
     * @deprecated use `cloud`
     */
    provider?: "aws" | "gcp" | "digitalocean";
    /** The compose file. @default the files of `COMPOSE_FILE`, else compose.yaml (or docker-compose.yml, ...) in `workingDir` @example "compose.yaml" */
    composeFile?: string;
    /** Compose files merged in order (overrides last). @default [composeFile] @example ["compose.yaml", "compose.prod.yaml"] */
    composeFiles?: string[];
    /** An already-loaded canonical project (from `loadProject`), instead of files. @default loaded from the files */
    project?: ComposeProject;
    /** The project directory (build contexts and `.env` are found from here). @default the compose file's directory */
    workingDir?: string;
    /** Variables for interpolation, over `.env`. The shell environment is not used. @default {} */
    env?: Record<string, string>;
    /** Active compose profiles (`defang` is always active). @default those of `COMPOSE_PROFILES`, else [] */
    profiles?: string[];
    /** Shared infrastructure choices. @default stack config `defang:nat`, `defang:logRetentionDays`, `defang:deletionProtection`, `defang:redisTls`, `defang:retainVolumes`, else { nat: "none", logRetentionDays: 30, deletionProtection: false, redisTls: true, retainVolumes: true } @example { nat: "single", redisTls: false } */
    infrastructure?: Partial<InfrastructureOptions>;
}

type Member = DefangService | DefangLLM | DefangPostgres | DefangRedis | DefangMongo;

export class DefangProject extends pulumi.ComponentResource {
    /** Each compose service's endpoints (see `DefangService.endpoints`); managed databases and caches give `<name>:<port>`. */
    declare readonly endpoints: pulumi.Output<Record<string, string[]>>;
    /** The component of each compose service, by service name. */
    declare readonly services: Readonly<Record<string, Member>>;
    /** The model the project was deployed from. */
    declare readonly model: ProjectModel;

    constructor(name: string, args: DefangProjectArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        const title = `DefangProject "${name}"`;
        const { project, model: declared } = loadModel(args);
        const cloud = selectCloud(cloudArgument(args, title), title);
        // Model endpoints as this cloud serves them (a gateway service, or the cloud's own endpoint).
        const model: ProjectModel = { ...declared, components: componentsForCloud(declared.components, cloud) };
        const config = new ConfigValues();
        const backend = checkCloud(model.components, cloud, config, model.locate);
        for (const w of tableWarnings(project, model, [cloud])) pulumi.log.warn(formatDiagnostic(w));
        const options = infrastructureOptions(args.infrastructure, title);
        super("defang:index:DefangProject", name, {}, opts);

        const infra = backend.createInfrastructure({ name, projectName: model.name, needs: needsOf(model), options, parent: this });
        const context: DeployContext = { cloud, infra, config };
        const members: Record<string, Member> = {};
        const endpoints: Record<string, pulumi.Output<string[]>> = {};
        for (const component of model.components) {
            const dependsOn = component.dependsOn.map((d) => members[d]).filter((m): m is Member => !!m);
            const member = createMember(`${name}-${component.name}`, component, { model: component, context, dependsOn }, this);
            members[component.name] = member;
            endpoints[component.name] = "endpoints" in member ? member.endpoints : managedEndpoints(component);
        }
        infra.finish();
        this.model = model;
        this.services = members;
        this.endpoints = pulumi.output(endpoints);
        this.registerOutputs({ endpoints: this.endpoints });
    }
}

function loadModel(args: DefangProjectArgs): { project: ComposeProject; model: ProjectModel } {
    if (args.project) return { project: args.project, model: projectFromCompose(args.project, { workingDir: args.workingDir }) };
    const files = args.composeFiles ?? (args.composeFile ? [args.composeFile] : undefined);
    // COMPOSE_FILE, COMPOSE_PROFILES, ... as the command line reads them; the arguments win.
    const loaded = loadProject(withComposeEnvironment({ files, workingDir: args.workingDir, env: args.env, profiles: args.profiles }, process.env, process.cwd()));
    for (const w of loaded.warnings) pulumi.log.warn(formatDiagnostic(w));
    return { project: loaded.project, model: projectFromCompose(loaded.project, { workingDir: loaded.workingDir, locator: loaded.locator }) };
}

function createMember(name: string, component: ComponentModel, member: ProjectMember<ComponentModel>, parent: pulumi.ComponentResource): Member {
    const args = { [PROJECT_MEMBER]: member };
    const opts = { parent, dependsOn: member.dependsOn };
    switch (component.kind) {
        case "postgres":
            return new DefangPostgres(name, args as never, opts);
        case "redis":
            return new DefangRedis(name, args as never, opts);
        case "mongo":
            return new DefangMongo(name, args as never, opts);
        case "service":
            return component.llm ? new DefangLLM(name, args as never, opts) : new DefangService(name, args as never, opts);
    }
}

/** The usual port of each kind of managed service, when compose gives none. */
const DEFAULT_PORTS: Record<ComponentModel["kind"], number> = { postgres: 5432, redis: 6379, mongo: 27017, service: 80 };

/** How the project's services reach a managed database or cache. */
function managedEndpoints(component: ComponentModel): pulumi.Output<string[]> {
    const port = component.ports[0]?.target ?? DEFAULT_PORTS[component.kind];
    return pulumi.output([`${component.name}:${port}`]);
}
