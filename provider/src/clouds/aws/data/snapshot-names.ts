/**
 * Names of the final snapshots RDS and ElastiCache take when a database or cache is deleted. They
 * are physical names that AWS requires up front; they are derived from the project and service
 * names so that one can find the snapshot of a deleted stack. Pure: no Pulumi resource here.
 *
 * A name is reused: deleting a stack, creating it again and deleting it again finds the first
 * snapshot in the way, and the deletion fails until that snapshot is deleted or renamed.
 */

/** The longest snapshot identifier RDS accepts. */
export const MAX_SNAPSHOT_IDENTIFIER_LENGTH = 255;

/** `${project}-${service}-${kind}-final-snapshot`, made a valid snapshot identifier. */
export function finalSnapshotIdentifier(projectName: string, serviceName: string, kind: "postgres" | "redis" | "mongo"): string {
    return snapshotIdentifier(`${projectName}-${serviceName}-${kind}-final-snapshot`);
}

/**
 * `raw` as RDS requires a snapshot identifier (ElastiCache accepts the same): lowercase letters,
 * digits and hyphens, starting with a letter, no two hyphens in a row, not ending with a hyphen, at
 * most 255 characters.
 */
export function snapshotIdentifier(raw: string): string {
    let id = raw
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, "-")
        .replace(/-{2,}/g, "-")
        .replace(/^-+/, "");
    if (!/^[a-z]/.test(id)) id = `snapshot-${id}`;
    return id.slice(0, MAX_SNAPSHOT_IDENTIFIER_LENGTH).replace(/-+$/, "");
}
