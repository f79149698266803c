/**
 * The Pulumi archive of a prepared build: each entry a file asset (read by Pulumi at upload time) or a
 * text asset. Only the entries listed are archived, so ignored files are never uploaded.
 */
import * as pulumi from "@pulumi/pulumi";
import { PreparedBuild } from "./build-context";

export function contextArchive(prepared: Pick<PreparedBuild, "entries">): pulumi.asset.AssetArchive {
    const assets: Record<string, pulumi.asset.Asset> = {};
    for (const [archivePath, entry] of Object.entries(prepared.entries)) {
        assets[archivePath] = entry.kind === "file" ? new pulumi.asset.FileAsset(entry.absolutePath) : new pulumi.asset.StringAsset(entry.text);
    }
    return new pulumi.asset.AssetArchive(assets);
}
