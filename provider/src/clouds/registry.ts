/**
 * Backends by cloud name, loaded on first use: a stack for one cloud never loads another cloud's SDK.
 */
import { CloudName } from "../model/types";
import { CloudBackend } from "./backend";

const loaded = new Map<CloudName, CloudBackend>();

/** The backend of `cloud`, requiring its module (and so its SDK) only now. */
export function backendFor(cloud: CloudName): CloudBackend {
    let backend = loaded.get(cloud);
    if (!backend) {
        backend = load(cloud);
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
            throw new Error(`there is no backend for the cloud "${cloud}"; use provider "aws", "gcp" or "digitalocean"`);
    }
}
