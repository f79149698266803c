/**
 * The App: every service deployed since the last App, as components of one App Platform spec,
 * created when the project finishes (or, for a lone service, when it finishes). It is attached to the
 * project's VPC when managed clusters made one (so it reaches them at their private hostnames).
 * Then each managed cluster not yet guarded gets its firewall, which trusts this App and nothing
 * else, and each service learns its endpoints.
 *
 * The App waits for image pushes only: the order of compose's `depends_on` has no meaning inside
 * one App, which App Platform deploys as a whole (a one-shot service that others depend on runs as
 * a pre-deploy job), and waiting on components would wait on the firewalls that wait on the App.
 */
import * as digitalocean from "@pulumi/digitalocean";
import * as pulumi from "@pulumi/pulumi";
import { UnsupportedFeaturesError } from "../../../model/errors";
import { AppEnv, componentSpec, defined } from "./component-spec";
import { appDomains } from "../ingress/domain";
import { envValue, ManagedValues, planEnvironment } from "./environment";
import { planIngress, publicUrl } from "../ingress/ingress";
import { modelAccessEnvironment } from "../models/model-access";
import { appName, componentName } from "../names";
import { ReferenceTarget } from "../network/references";
import { DigitalOceanInfrastructure, PendingService } from "../types";

type AppSpec = digitalocean.types.input.AppSpec;

/** App-level alerts sent to the team's email: a failed deployment, a domain that cannot be set up. */
export const APP_ALERTS = ["DEPLOYMENT_FAILED", "DOMAIN_FAILED"];

/** The App's components by kind, as the App spec lists them. */
interface AppComponents {
    services: digitalocean.types.input.AppSpecService[];
    workers: digitalocean.types.input.AppSpecWorker[];
    jobs: digitalocean.types.input.AppSpecJob[];
}

/** `list`, or undefined when it is empty. */
const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length > 0 ? list : undefined);

/** What compose names resolve to in this App. */
function referenceTargets(infra: DigitalOceanInfrastructure, services: PendingService[]): Map<string, ReferenceTarget> {
    const targets = new Map<string, ReferenceTarget>();
    for (const s of services) {
        const component = componentName(s.model.name);
        for (const n of [s.model.name, ...s.model.aliases]) targets.set(n, { kind: "service", component });
    }
    for (const d of infra.datastores) {
        for (const n of d.names) targets.set(n, { kind: d.kind, id: d.service, port: d.composePort, user: d.composeUser, database: d.composeDatabase });
    }
    return targets;
}

/** Two compose names that become the same component name cannot share an App. */
function checkComponentNames(services: PendingService[], datastores: Array<{ service: string }>): void {
    const seen = new Map<string, string>();
    for (const n of [...services.map((s) => s.model.name), ...datastores.map((d) => d.service)]) {
        const c = componentName(n);
        const other = seen.get(c);
        if (other !== undefined && other !== n) {
            throw new UnsupportedFeaturesError("digitalocean", [{ service: n, field: "(service)", message: `its App component name "${c}" is also the name of "${other}"`, hint: "rename one of the services" }]);
        }
        seen.set(c, n);
    }
}

export function finishDigitalOcean(infra: DigitalOceanInfrastructure): void {
    const services = infra.pending.splice(0);
    if (services.length === 0) return;
    const fresh = infra.datastores.filter((d) => !d.firewalled);
    checkComponentNames(services, fresh);

    // A lone service's App is its own child; a project's App is the project's.
    const [first] = services;
    const owner = infra.lone && first ? first.parent : infra.component;
    const ownerName = infra.lone && first ? first.name : infra.name;

    const targets = referenceTargets(infra, services);
    const managed = new Map<string, ManagedValues>(infra.datastores.map((d) => [d.service, d.values]));
    const components: AppComponents = { services: [], workers: [], jobs: [] };
    for (const s of services) {
        const planned = planEnvironment([...s.model.environment, ...modelAccessEnvironment(s.model)], targets);
        const buildArgs = "git" in s.source ? s.source.buildArgs : [];
        const envs: AppEnv[] = planned.map((p) => ({
            key: p.name,
            value: envValue(p, s.config, managed, s.model.name),
            type: p.secret ? "SECRET" : "GENERAL",
            scope: buildArgs.some((a) => a.name === p.name) ? "RUN_AND_BUILD_TIME" : "RUN_TIME",
        }));
        for (const a of buildArgs) if (!envs.some((e) => e.key === a.name)) envs.push({ key: a.name, value: a.value, type: a.secret ? "SECRET" : "GENERAL", scope: "BUILD_TIME" });
        const dependedOn = services.some((o) => o.model.dependsOn.includes(s.model.name));
        const c = componentSpec({ component: componentName(s.model.name), model: s.model, envs, source: s.source, dependedOn });
        if (c.kind === "services") components.services.push(c.spec);
        else if (c.kind === "workers") components.workers.push(c.spec);
        else components.jobs.push(c.spec);
    }

    const publicServices = services.flatMap((s) => {
        const port = s.model.ports.find((p) => p.mode === "ingress");
        return port ? [{ component: componentName(s.model.name), published: port.published, domain: s.model.domainname }] : [];
    });
    const ingress = planIngress(publicServices);
    const domains = appDomains(
        publicServices.map((p) => p.domain).filter((d): d is string => !!d),
        owner,
    );

    const rules = ingress.rules.map((r): digitalocean.types.input.AppSpecIngressRule => ({
        component: { name: r.component },
        match: defined<digitalocean.types.input.AppSpecIngressRuleMatch>({ path: { prefix: r.prefix }, authority: r.authority ? { exact: r.authority } : undefined }),
    }));
    const databases = fresh.flatMap(({ service, clusterName, attach }): digitalocean.types.input.AppSpecDatabase[] =>
        attach ? [{ name: componentName(service), engine: attach.engine, clusterName, dbName: attach.dbName, dbUser: attach.dbUser, production: true }] : [],
    );
    const vpc = infra.network.forApp();
    // Only the parts the App has: an empty list would show as a change against what App Platform returns.
    const spec = defined<AppSpec>({
        name: appName(pulumi.getProject(), ownerName, pulumi.getStack()),
        region: infra.region.app,
        services: nonEmpty(components.services),
        workers: nonEmpty(components.workers),
        jobs: nonEmpty(components.jobs),
        ingress: rules.length > 0 ? { rules } : undefined,
        domainNames: nonEmpty(domains.map((d) => ({ name: d.name, type: d.type, zone: d.zone }))),
        databases: nonEmpty(databases),
        vpcs: vpc ? [{ id: vpc }] : undefined,
        alerts: APP_ALERTS.map((rule) => ({ rule })),
    });
    const builds = services.flatMap((s) => s.dependsOn.filter((r) => !pulumi.ComponentResource.isInstance(r)));
    const app = new digitalocean.App(`${ownerName}-app`, { spec }, { parent: owner, dependsOn: builds });

    // The firewalls are the App owner's children: as children of the clusters' components, they would
    // make every component that depends on a database wait for the App, and the App for them.
    for (const d of fresh) {
        new digitalocean.DatabaseFirewall(`${d.name}-firewall`, { clusterId: d.clusterId, rules: [{ type: "app", value: app.id }] }, { parent: owner });
        d.firewalled = true;
    }

    for (const s of services) {
        const component = componentName(s.model.name);
        const prefix = ingress.prefixes.get(component) ?? "/";
        s.resolveEndpoints(app.defaultIngress.apply((address) => s.model.ports.map((p) => (p.mode === "ingress" ? publicUrl(address ?? "", prefix, s.model.domainname) : `${component}:${p.target}`))));
    }
}
