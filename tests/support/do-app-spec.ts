/**
 * Reading the DigitalOcean App spec a test registered under mocks: the spec with the parts an App
 * leaves out filled in, whether the engine marked it secret, and a component or env var by name.
 */
import { isSecretValue, Registration } from "./pulumi-mocks";

export interface SpecEnv {
    key: string;
    value: unknown;
    type: string;
    scope: string;
}
export interface SpecComponent {
    name: string;
    envs?: SpecEnv[];
    [k: string]: unknown;
}
export interface Spec {
    name: string;
    region: string;
    services: SpecComponent[];
    workers: SpecComponent[];
    jobs: SpecComponent[];
    ingress: { rules: Array<{ component: { name: string }; match: { path: { prefix: string }; authority?: { exact: string } } }> };
    domainNames: Array<{ name: string; type: string; zone?: string }>;
    databases: Array<Record<string, unknown>>;
    vpcs?: Array<{ id: string }>;
    alerts: Array<{ rule: string }>;
}

/**
 * The App's spec as registered. The mock monitor marks the whole spec secret when any value in it is
 * (the engine keeps secrets nested); `specIsSecret` tells which.
 */
export function specOf(app: Registration): Spec {
    const raw = (isSecretValue(app.inputs.spec) ? app.inputs.spec.value : app.inputs.spec) as Partial<Spec>;
    // Parts an App does not have are left out of the spec.
    return { services: [], workers: [], jobs: [], ingress: { rules: [] }, domainNames: [], databases: [], ...raw } as Spec;
}

export function specIsSecret(app: Registration): boolean {
    return isSecretValue(app.inputs.spec);
}

export function component(spec: Spec, name: string): SpecComponent {
    const found = [...spec.services, ...spec.workers, ...spec.jobs].find((c) => c.name === name);
    if (!found) throw new Error(`no component ${name} in the App spec`);
    return found;
}

export function env(c: SpecComponent, key: string): SpecEnv {
    const found = (c.envs ?? []).find((e) => e.key === key);
    if (!found) throw new Error(`no env ${key} in ${c.name}: ${(c.envs ?? []).map((e) => e.key).join(", ")}`);
    return found;
}
