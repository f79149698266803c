import { matchGroup } from "../util/regex-group";

/**
 * A field as problems name it (`ports[0]`, `deploy.resources.reservations.cpus`) read back into the
 * path a compose file's locator takes, so that a problem found from the model can point at its line.
 */
export function fieldPath(field: string): Array<string | number> {
    const out: Array<string | number> = [];
    for (const part of field.split(".")) {
        const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
        if (!m) return [];
        if (m[1]) out.push(m[1]);
        for (const i of matchGroup(m, 2).matchAll(/\[(\d+)\]/g)) out.push(Number(i[1]));
    }
    return out;
}
