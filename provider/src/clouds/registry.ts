/**
 * Backends by cloud name, loaded on first use: a stack for one cloud never loads another cloud's SDK.
 * Preflights (the clouds' pure tables) are loaded apart from the backends, and load no SDK at all.
 * Both tables are typed records over `CloudName`: a cloud missing from either fails to compile.
 */
import { CloudName } from "../model/types";
import { OpaqueBackend, opaqueBackend } from "./backend";
import type { CloudPreflight } from "./preflight";
import { loadWithCloudSdk } from "./sdk-packages";

/** Each cloud's backend, its module (and so its SDK) required only when called. */
const BACKENDS = {
    aws: () => {
        const m: typeof import("./aws") = require("./aws");
        return opaqueBackend(m.awsBackend);
    },
    gcp: () => {
        const m: typeof import("./gcp") = require("./gcp");
        return opaqueBackend(m.gcpBackend);
    },
    digitalocean: () => {
        const m: typeof import("./digitalocean") = require("./digitalocean");
        return opaqueBackend(m.digitalOceanBackend);
    },
} satisfies { [C in CloudName]: () => OpaqueBackend<C> };

/** Each cloud's preflight, required only when called. */
const PREFLIGHTS = {
    aws: () => {
        const m: typeof import("./aws/preflight") = require("./aws/preflight");
        return m.awsPreflight;
    },
    gcp: () => {
        const m: typeof import("./gcp/preflight") = require("./gcp/preflight");
        return m.gcpPreflight;
    },
    digitalocean: () => {
        const m: typeof import("./digitalocean/preflight") = require("./digitalocean/preflight");
        return m.digitalOceanPreflight;
    },
} satisfies Record<CloudName, () => CloudPreflight>;

const loaded = new Map<CloudName, OpaqueBackend>();

/**
 * The backend of `cloud`, requiring its module (and so its SDK) only now; a `MissingCloudSdkError`
 * naming the `npm install` command when the cloud's SDK packages are not installed.
 */
export function backendFor(cloud: CloudName): OpaqueBackend {
    let backend = loaded.get(cloud);
    if (!backend) {
        const load = known(BACKENDS, cloud);
        backend = loadWithCloudSdk<OpaqueBackend>(cloud, load);
        loaded.set(cloud, backend);
    }
    return backend;
}

/** The preflight of `cloud`: its pure tables, without its backend or SDK. */
export function preflightFor(cloud: CloudName): CloudPreflight {
    return known(PREFLIGHTS, cloud)();
}

/** The entry of `cloud` in `table`; the types rule out a cloud it lacks, but a value from outside may be one. */
function known<T extends Record<CloudName, unknown>>(table: T, cloud: CloudName): T[CloudName] {
    if (!Object.hasOwn(table, cloud)) throw unknownCloud(cloud);
    return table[cloud];
}

/** A cloud name the registry does not know. */
function unknownCloud(cloud: string): Error {
    return new Error(`there is no backend for the cloud "${cloud}"; use cloud "aws", "gcp" or "digitalocean"`);
}
