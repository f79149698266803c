/**
 * Pulumi's AWS policy pack (`@pulumi/awsguard`) evaluated on the resources a program registered
 * under mocks. The pack lives in the test-only folder `policy-tests/` (its own package.json and lock,
 * installed by `.ci/run` with `npm ci --prefix policy-tests`), so that its own `@pulumi/aws` never
 * enters the package's dependencies; without that folder installed, `loadAwsGuard` says so.
 *
 * Only resource policies (`validateResource`) run here: they read a resource's type and inputs, as
 * the Pulumi engine's analyzer hands them over. Stack policies that query a live account (certificate
 * expiry, access key age) need credentials and are not run.
 *
 * awsguard names load balancer types by their older tokens (`aws:elasticloadbalancingv2/...`,
 * `aws:applicationloadbalancing/...`), which the engine treats as aliases of `aws:lb/...`: a resource
 * of one is checked by the policies of all three, so that those policies are not silently skipped.
 */
import * as fs from "fs";
import { createRequire } from "module";
import * as path from "path";
import { REPO_ROOT } from "./corpus";
import { Registration, unwrapSecrets } from "./pulumi-mocks";

export const POLICY_TESTS_DIR = path.join(REPO_ROOT, "policy-tests");

/** Why the policy check cannot run here, or undefined when it can. */
export function awsGuardMissing(): string | undefined {
    return fs.existsSync(path.join(POLICY_TESTS_DIR, "node_modules", "@pulumi", "awsguard", "package.json"))
        ? undefined
        : `policy-tests/ is not installed (run \`npm ci --prefix policy-tests\`): the awsguard policy check is skipped`;
}

type ReportViolation = (message: string, urn?: string) => void;
interface ResourceValidationArgs {
    type: string;
    props: Record<string, unknown>;
    urn: string;
    name: string;
    opts: Record<string, unknown>;
    isType(resourceClass: unknown): boolean;
    asType(resourceClass: unknown): Record<string, unknown> | undefined;
    getConfig(): Record<string, unknown>;
    notApplicable(reason?: string): never;
}
type ResourceValidation = (args: ResourceValidationArgs, reportViolation: ReportViolation) => void | Promise<void>;

/** A resource policy of the pack, as @pulumi/policy declares one. */
export interface ResourcePolicy {
    name: string;
    validateResource: ResourceValidation | ResourceValidation[];
    configSchema?: { properties?: Record<string, { default?: unknown }> };
}

/** One finding: `<policy> <type> <name>: <message>`. */
export interface Violation {
    policy: string;
    type: string;
    name: string;
    message: string;
}

/** The modules of the pack, each of which exports its policies. */
const PACK_MODULES = ["apiGateway", "compute", "database", "elasticsearch", "network", "security", "storage"];

/** Every resource policy of the installed pack (throws when it is not installed: check `awsGuardMissing` first). */
export function loadAwsGuard(): ResourcePolicy[] {
    // The pack loads the AWS SDK v2, which prints an end-of-support notice when loaded.
    process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE ??= "1";
    const req = createRequire(path.join(POLICY_TESTS_DIR, "package.json"));
    const policies: ResourcePolicy[] = [];
    for (const m of PACK_MODULES) {
        for (const exported of Object.values(req(`@pulumi/awsguard/${m}`) as Record<string, unknown>)) {
            const p = exported as Partial<ResourcePolicy>;
            if (p && typeof p.name === "string" && p.validateResource) policies.push(p as ResourcePolicy);
        }
    }
    return policies;
}

class NotApplicable extends Error {}

/** The type tokens a registered type is checked as (itself, and the older load balancer tokens). */
function typeAliases(type: string): string[] {
    const m = /^aws:lb\/(.+)$/.exec(type);
    return m ? [type, `aws:elasticloadbalancingv2/${m[1]}`, `aws:applicationloadbalancing/${m[1]}`] : [type];
}

const pulumiTypeOf = (resourceClass: unknown): string | undefined => (resourceClass as { __pulumiType?: string } | undefined)?.__pulumiType;

/** Every violation the policies report on the custom resources of `registrations`. */
export async function evaluate(policies: ResourcePolicy[], registrations: Registration[]): Promise<Violation[]> {
    const out: Violation[] = [];
    for (const r of registrations.filter((x) => x.custom)) {
        const types = typeAliases(r.type);
        const props = unwrapSecrets(r.inputs) as Record<string, unknown>;
        for (const policy of policies) {
            const config = Object.fromEntries(Object.entries(policy.configSchema?.properties ?? {}).map(([k, v]) => [k, v.default]));
            const args: ResourceValidationArgs = {
                type: r.type,
                props,
                urn: r.urn ?? r.name,
                name: r.name,
                opts: {},
                isType: (c) => types.includes(pulumiTypeOf(c) ?? ""),
                asType: (c) => (types.includes(pulumiTypeOf(c) ?? "") ? props : undefined),
                getConfig: () => config,
                notApplicable: (reason) => {
                    throw new NotApplicable(reason);
                },
            };
            const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
            for (const validate of validations) {
                try {
                    await validate(args, (message) => out.push({ policy: policy.name, type: r.type, name: r.name, message }));
                } catch (e) {
                    if (!(e instanceof NotApplicable) && !(e as Error).constructor?.name?.includes("NotApplicable")) throw e;
                }
            }
        }
    }
    return out;
}
