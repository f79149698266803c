/**
 * Profiles: a service that lists `profiles` is part of the project only when one of them is
 * active (`*` activates all). The `defang` profile is always active: it marks services meant for
 * the cloud deployment.
 */
import { ComposeService } from "./types";

export const ALWAYS_ACTIVE_PROFILES = ["defang"];

export function activeProfiles(requested: string[], composeProfilesVar: string | undefined): Set<string> {
    const active = new Set(ALWAYS_ACTIVE_PROFILES);
    for (const p of requested) active.add(p);
    if (composeProfilesVar) {
        for (const s of composeProfilesVar.split(",")) {
            const name = s.trim();
            if (name) active.add(name);
        }
    }
    return active;
}

export function isServiceActive(service: ComposeService, active: Set<string>): boolean {
    const profiles = service.profiles;
    if (!Array.isArray(profiles) || profiles.length === 0) return true;
    if (active.has("*")) return true;
    return profiles.some((p) => active.has(p));
}
