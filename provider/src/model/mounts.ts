/**
 * What a container finds mounted on its file system, read from a compose service's `volumes` and
 * `tmpfs` with the project's top-level `volumes`, the way Docker means them:
 *
 * - a named volume (`data:/var/lib/data`) outlives the container and is shared by every service
 *   that mounts it: the clouds put it on network storage (EFS, Cloud Storage);
 * - an anonymous volume (`/var/cache/app`) gets the image's files and lives as long as the container,
 *   which is what the container's own file system is in the cloud: it is not mounted (a warning);
 * - a tmpfs (`tmpfs:` or `type: tmpfs`) is memory;
 * - a bind mount shares a directory of the host: a managed cloud has no host, so it is refused, as
 *   are the Docker socket, named pipes, cluster and image mounts, external volumes and volume drivers;
 *   except a bind mount of (part of) the service's own build context, whose files the image has:
 *   it is not mounted (a warning).
 *
 * Pure: the features it finds go to the translation table, which decides per cloud.
 */
import * as path from "path";
import { imageName } from "../compose/rules/report";
import { ComposeProject, ComposeService, ComposeServiceVolume } from "../compose/types";
import { matchGroup } from "../util/regex-group";
import { MountModel, VolumeMount } from "./mount-model";
import { FeatureUse } from "./types";

type Field = Array<string | number>;

/** The uid and gid of a numeric compose `user` (`1000`, `1000:1000`), else undefined (a name is resolved in the image). */
export function numericUser(user: string | undefined): { uid: number; gid: number } | undefined {
    const m = /^(\d+)(?::(\d+))?$/.exec(user ?? "");
    if (!m) return undefined;
    const uid = Number(m[1]);
    return { uid, gid: m[2] !== undefined ? Number(m[2]) : uid };
}

const DOCKER_SOCKET = /(^|\/)docker\.sock$/;

/** Database images, by the last segment of their repository, and the managed service that replaces them. */
const DATABASE_IMAGES: Array<{ pattern: RegExp; kind: string; extension?: string }> = [
    { pattern: /^(postgres(ql)?|postgis|pgvector|timescaledb(-ha)?)$/, kind: "PostgreSQL", extension: "x-defang-postgres" },
    { pattern: /^(redis(-stack(-server)?)?|valkey|keydb)$/, kind: "Redis", extension: "x-defang-redis" },
    { pattern: /^(mysql(-server)?|mariadb|percona)$/, kind: "MySQL" },
    { pattern: /^mongo(db)?(-community-server)?$/, kind: "MongoDB", extension: "x-defang-mongodb" },
    { pattern: /^(elasticsearch|opensearch|clickhouse(-server)?|cassandra|couchdb|influxdb|neo4j|qdrant|etcd|rabbitmq|memcached)$/, kind: "database" },
];

/** `size=64m` of a `tmpfs:` entry, in bytes. */
function tmpfsSize(options: string): number | undefined {
    const m = /(?:^|,)size=(\d+)([kmg]?)b?(?:,|$)/i.exec(options);
    if (!m) return undefined;
    const unit = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[matchGroup(m, 2).toLowerCase() as "" | "k" | "m" | "g"];
    return Number(m[1]) * unit;
}

export interface ServiceMounts {
    mounts: MountModel[];
    features: FeatureUse[];
}

/** The mounts of `svc` (a container service) and the features they use; `volumes` is the project's top-level `volumes`. */
export function mountsFromCompose(svc: ComposeService, volumes: ComposeProject["volumes"] = {}): ServiceMounts {
    const mounts: MountModel[] = [];
    const features: FeatureUse[] = [];
    (svc.volumes ?? []).forEach((v, i) => {
        const field: Field = ["volumes", i];
        const mount = mountOf(svc, v, field, volumes ?? {}, features);
        if (mount) mounts.push(mount);
    });
    const tmpfs: unknown[] = Array.isArray(svc.tmpfs) ? svc.tmpfs : typeof svc.tmpfs === "string" ? [svc.tmpfs] : [];
    tmpfs.forEach((entry, i) => {
        // `split` gives at least one part: the target, when there is no `:`.
        const [target = "", options = ""] = String(entry).split(/:(.*)/s);
        const sizeBytes = tmpfsSize(options);
        // What each cloud does with `tmpfs` is the table entry's to say.
        mounts.push({ kind: "memory", target, ...(sizeBytes !== undefined ? { sizeBytes } : {}), field: ["tmpfs", i] });
    });
    features.push(...databaseOnVolume(svc, mounts));
    return { mounts, features };
}

/** Whether the host path `source` is the service's local build context or inside it (both as the loader wrote them, from the project directory). */
function inBuildContext(svc: ComposeService, source: string | undefined): boolean {
    const context = svc.build?.context;
    if (!context || !source || /^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(context)) return false;
    const base = path.resolve("/project", context);
    const p = path.resolve("/project", source);
    return p === base || p.startsWith(`${base}/`);
}

function mountOf(svc: ComposeService, v: ComposeServiceVolume, field: Field, volumes: NonNullable<ComposeProject["volumes"]>, features: FeatureUse[]): MountModel | undefined {
    const readOnly = v.read_only === true;
    if (v.type === "bind") {
        const socket = DOCKER_SOCKET.test(v.source ?? "") || DOCKER_SOCKET.test(v.target);
        if (socket) features.push({ feature: "docker-socket", field, detail: v.source });
        else if (inBuildContext(svc, v.source)) features.push({ feature: "build-context-bind", field, detail: `${v.source}:${v.target}` });
        else features.push({ feature: "bind-mount", field, detail: `${v.source}:${v.target}` });
        return undefined;
    }
    if (v.type === "tmpfs") {
        // The canonical size is a number of bytes, as a string.
        const size = Number((v.tmpfs as { size?: unknown } | undefined)?.size ?? 0);
        features.push({ feature: "tmpfs-volume", field, detail: v.target });
        return { kind: "memory", target: v.target, ...(Number.isFinite(size) && size > 0 ? { sizeBytes: size } : {}), field };
    }
    if (v.type !== "volume") {
        features.push({ feature: "volume-type", field, detail: `type: ${v.type}` });
        return undefined;
    }
    if (!v.source) {
        // The container's own file system: the image's files, kept as long as the container, as in an anonymous volume.
        features.push({ feature: "anonymous-volume", field, detail: v.target });
        return undefined;
    }
    const top = volumes[v.source] ?? {};
    const detail = `${v.source}:${v.target}`;
    if (top.external === true) {
        features.push({ feature: "external-volume", field, detail: `volume ${v.source}` });
        return undefined;
    }
    const driver = typeof top.driver === "string" ? top.driver : "local";
    const opts = (top.driver_opts ?? {}) as Record<string, unknown>;
    if (
        driver === "local" &&
        (String(opts.o ?? "")
            .split(",")
            .includes("bind") ||
            opts.type === "none")
    ) {
        features.push({ feature: "bind-mount", field, detail: `volume ${v.source} binds ${String(opts.device ?? "a host directory")}` });
        return undefined;
    }
    if (driver !== "local" || Object.keys(opts).length > 0) {
        features.push({ feature: "volume-driver", field, detail: `volume ${v.source}: ${driver !== "local" ? `driver ${driver}` : `driver_opts ${Object.keys(opts).join(", ")}`}` });
        return undefined;
    }
    features.push({ feature: "volumes", field, detail });
    const volumeOptions = (v.volume ?? {}) as { nocopy?: boolean; subpath?: string };
    if (volumeOptions.nocopy !== true) features.push({ feature: "volume-image-files", field, detail });
    const subpath = typeof volumeOptions.subpath === "string" && volumeOptions.subpath !== "" ? volumeOptions.subpath.replace(/^\/+|\/+$/g, "") : undefined;
    return { kind: "volume", volume: v.source, target: v.target, readOnly, ...(subpath ? { subpath } : {}), field };
}

/** A database image whose data is on a named volume: network storage, where a managed database does better. */
function databaseOnVolume(svc: ComposeService, mounts: MountModel[]): FeatureUse[] {
    const named = mounts.find((m): m is VolumeMount => m.kind === "volume");
    if (!named) return [];
    const db = DATABASE_IMAGES.find((d) => d.pattern.test(imageName(svc.image)));
    if (!db) return [];
    const instead = db.extension ? `add \`${db.extension}: true\` for a managed ${db.kind} service` : `use a managed ${db.kind} service of the cloud`;
    return [{ feature: "database-volume", field: ["image"], detail: `${svc.image} keeps its data in volume ${named.volume}; ${instead}` }];
}

/**
 * Services that write to the same named volume at once: several services mounting it read-write,
 * or one with several replicas. Object storage keeps the last whole file written, without locks.
 */
export function sharedWriters(services: ReadonlyArray<{ name: string; replicas: number; autoscaling?: unknown; mounts?: MountModel[] }>): Map<string, FeatureUse[]> {
    const writers = new Map<string, string[]>();
    for (const s of services) {
        for (const m of s.mounts ?? []) {
            if (m.kind !== "volume" || m.readOnly) continue;
            const list = writers.get(m.volume) ?? [];
            if (!list.includes(s.name)) list.push(s.name);
            writers.set(m.volume, list);
        }
    }
    const out = new Map<string, FeatureUse[]>();
    for (const s of services) {
        const volumes = [...new Set((s.mounts ?? []).filter((m): m is VolumeMount => m.kind === "volume" && !m.readOnly).map((m) => m.volume))];
        const details: string[] = [];
        for (const volume of volumes) {
            const others = writers.get(volume)!.filter((n) => n !== s.name);
            const copies = s.replicas > 1 || !!s.autoscaling;
            if (others.length > 0) details.push(`volume ${volume} is also written by ${others.join(", ")}`);
            else if (copies) details.push(`volume ${volume} is written by ${s.autoscaling ? "several instances" : `${s.replicas} replicas`}`);
        }
        // One use per service (the table keeps one per feature and field).
        if (details.length > 0) out.set(s.name, [{ feature: "shared-volume-writers", field: [], detail: details.join("; ") }]);
    }
    return out;
}
