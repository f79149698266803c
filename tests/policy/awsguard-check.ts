/**
 * The findings that the waiver list does not cover, as `<policy> <type> <name>: <message>` lines.
 */
import { Violation } from "../support/awsguard";
import { AWSGUARD_WAIVERS } from "./awsguard-waivers";

export function unwaivedViolations(violations: Violation[]): string[] {
    return violations.filter((v) => !AWSGUARD_WAIVERS.some((w) => w.policy === v.policy && w.type === v.type)).map((v) => `${v.policy} ${v.type} ${v.name}: ${v.message}`);
}
