/**
 * AWS Signature Version 4 for S3-compatible object storage (DigitalOcean Spaces): the headers of a
 * signed `PUT` of an object, and a presigned `GET` URL that gives read access to one object for a
 * limited time, without handing out the key. Pure apart from hashing; the clock is passed in.
 *
 * Used inside a Pulumi dynamic provider: it imports only Node's own modules.
 */
import * as crypto from "crypto";

export interface S3Key {
    accessKey: string;
    secretKey: string;
}

export interface S3Object {
    /** `https://<bucket>.<region>.digitaloceanspaces.com` (virtual-hosted style). */
    endpoint: string;
    /** The key of the object, unescaped. */
    key: string;
    /** The region of the signature (the Spaces datacenter, e.g. `nyc3`). */
    region: string;
}

const ALGORITHM = "AWS4-HMAC-SHA256";
const SERVICE = "s3";

/** `20261207T023000Z` and `20261207` of `time`. */
function stamps(time: Date): { amzDate: string; day: string } {
    const amzDate = time
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, "");
    return { amzDate, day: amzDate.slice(0, 8) };
}

/** RFC 3986 escaping, as SigV4 wants it (`/` kept in paths). */
function escape(value: string, keepSlash: boolean): string {
    const out = encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    return keepSlash ? out.replace(/%2F/g, "/") : out;
}

function hmac(key: crypto.BinaryLike, text: string): Buffer {
    return crypto.createHmac("sha256", key).update(text, "utf8").digest();
}

function sha256Hex(data: string | Buffer): string {
    return crypto.createHash("sha256").update(data).digest("hex");
}

function signature(secretKey: string, day: string, region: string, stringToSign: string): string {
    const kDate = hmac(`AWS4${secretKey}`, day);
    const kRegion = hmac(kDate, region);
    const kService = hmac(kRegion, SERVICE);
    const kSigning = hmac(kService, "aws4_request");
    return crypto.createHmac("sha256", kSigning).update(stringToSign, "utf8").digest("hex");
}

function canonicalQuery(query: Record<string, string>): string {
    return Object.entries(query)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => `${escape(k, false)}=${escape(v, false)}`)
        .join("&");
}

/** The object's URL, path escaped. */
export function objectUrl(o: S3Object): string {
    return `${o.endpoint}/${escape(o.key, true)}`;
}

/** The headers of a signed request on the object: `PUT` of `body` (private: no ACL header), or `DELETE`. */
export function signedHeaders(method: "PUT" | "DELETE", o: S3Object, key: S3Key, body: Buffer, time: Date, contentType?: string): Record<string, string> {
    const { amzDate, day } = stamps(time);
    const payloadHash = sha256Hex(body);
    const signed: Record<string, string> = { host: new URL(o.endpoint).host, "x-amz-content-sha256": payloadHash, "x-amz-date": amzDate, ...(contentType ? { "content-type": contentType } : {}) };
    const names = Object.keys(signed).sort();
    const canonical = [method, `/${escape(o.key, true)}`, "", ...names.map((n) => `${n}:${signed[n]}`), "", names.join(";"), payloadHash].join("\n");
    const scope = `${day}/${o.region}/${SERVICE}/aws4_request`;
    const toSign = [ALGORITHM, amzDate, scope, sha256Hex(canonical)].join("\n");
    const authorization = `${ALGORITHM} Credential=${key.accessKey}/${scope}, SignedHeaders=${names.join(";")}, Signature=${signature(key.secretKey, day, o.region, toSign)}`;
    return { ...(contentType ? { "Content-Type": contentType } : {}), "x-amz-content-sha256": payloadHash, "x-amz-date": amzDate, Authorization: authorization };
}

/** A URL that lets its holder `GET` the object for `expiresSeconds` from `time` (at most 7 days). */
export function presignedGetUrl(o: S3Object, key: S3Key, expiresSeconds: number, time: Date): string {
    const { amzDate, day } = stamps(time);
    const host = new URL(o.endpoint).host;
    const scope = `${day}/${o.region}/${SERVICE}/aws4_request`;
    const query: Record<string, string> = {
        "X-Amz-Algorithm": ALGORITHM,
        "X-Amz-Credential": `${key.accessKey}/${scope}`,
        "X-Amz-Date": amzDate,
        "X-Amz-Expires": String(expiresSeconds),
        "X-Amz-SignedHeaders": "host",
    };
    const canonical = ["GET", `/${escape(o.key, true)}`, canonicalQuery(query), `host:${host}`, "", "host", "UNSIGNED-PAYLOAD"].join("\n");
    const toSign = [ALGORITHM, amzDate, scope, sha256Hex(canonical)].join("\n");
    return `${objectUrl(o)}?${canonicalQuery(query)}&X-Amz-Signature=${signature(key.secretKey, day, o.region, toSign)}`;
}
