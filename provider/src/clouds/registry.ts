/**
 * Backends by cloud name, loaded on first use: a stack for one cloud never loads another cloud's SDK.
 * Preflights (the clouds' pure tables) are loaded apart from the backends, and load no SDK at all.
 */
import { CloudName } from "../model/types";
import type { CloudBackend } from "./backend";
import type { CloudPreflight } from "./preflight";
import { loadWithCloudSdk } from "./sdk-packages";

const loaded = new Map<CloudName, CloudBackend>();

/**
 * The backend of `cloud`, requiring its module (and so its SDK) only now; a `MissingCloudSdkError`
 * naming the `npm install` command when the cloud's SDK packages are not installed.
 */
export function backendFor(cloud: CloudName): CloudBackend {
    let backend = loaded.get(cloud);
    if (!backend) {
        backend = loadWithCloudSdk(cloud, () => load(cloud));
        loaded.set(cloud, backend);
    }
    return backend;
}

function load(cloud: CloudName): CloudBackend {
    switch (cloud) {
        case "aws":
            return (require("./aws") as typeof import("./aws")).awsBackend;
        case "gcp":
            return (require("./gcp") as typeof import("./gcp")).gcpBackend;
        case "digitalocean":
            return (require("./digitalocean") as typeof import("./digitalocean")).digitalOceanBackend;
        default:
            throw unknownCloud(cloud);
    }
}

/** The preflight of `cloud`: its pure tables, without its backend or SDK. */
export function preflightFor(cloud: CloudName): CloudPreflight {
    switch (cloud) {
        case "aws":
            return (require("./aws/preflight") as typeof import("./aws/preflight")).awsPreflight;
        case "gcp":
            return (require("./gcp/preflight") as typeof import("./gcp/preflight")).gcpPreflight;
        case "digitalocean":
            return (require("./digitalocean/preflight") as typeof import("./digitalocean/preflight")).digitalOceanPreflight;
        default:
            throw unknownCloud(cloud);
    }
}

/** A cloud name the registry does not know (the types rule it out; a value from outside may not). */
function unknownCloud(cloud: string): Error {
    return new Error(`there is no backend for the cloud "${cloud}"; use cloud "aws", "gcp" or "digitalocean"`);
}
