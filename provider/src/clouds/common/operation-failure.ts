/**
 * The error of a cloud operation that failed during `pulumi up`, the same on every cloud:
 * `<subject> failed: <operation> <outcome>[; logs: <where>]`, then the end of its log when the
 * cloud gave it, with every secret of the run replaced by `[secret]`.
 *
 * Used by dynamic providers, whose functions are serialized into the stack: this file imports nothing.
 */

/** What stands for a secret in errors and logs. */
export const SECRET_MARK = "[secret]";

/** Secrets shorter than this are not replaced (they would blank out ordinary words). */
export const MIN_REDACTED_LENGTH = 8;

/** The last characters of an operation's log an error shows. */
export const FAILURE_LOG_CHARS = 3000;

/** A failed operation, as its error names it. */
export interface OperationFailure {
    /** What the run was for, e.g. `building <image>`, `one-off job <name>`. */
    subject: string;
    /** The cloud's operation, e.g. `CodeBuild build <id>`. */
    operation: string;
    /** How it ended, e.g. `FAILED in phase BUILD (...)`, `ended ERROR at step build`. */
    outcome: string;
    /** Where its logs are: a link, or the log group and stream. */
    logs?: string;
    /** Its log, or the part of it the cloud kept: the error shows the end of it. */
    log?: string;
}

/** `text` with every secret (of {@link MIN_REDACTED_LENGTH} characters or more) replaced by {@link SECRET_MARK}. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
    return secrets.filter((s) => s.length >= MIN_REDACTED_LENGTH).reduce((t, s) => t.split(s).join(SECRET_MARK), text);
}

/** The last `chars` characters of `log`, secrets replaced first (so that no part of a cut secret is shown). */
export function logTail(log: string, secrets: readonly string[], chars: number = FAILURE_LOG_CHARS): string {
    return redactSecrets(log, secrets).slice(-chars);
}

/** The error message of `failure`, secrets replaced. */
export function describeOperationFailure(failure: OperationFailure, secrets: readonly string[] = []): string {
    const logs = failure.logs ? `; logs: ${failure.logs}` : "";
    const tail = failure.log?.trim() ? `\n--- end of the log ---\n${logTail(failure.log, secrets)}` : "";
    return redactSecrets(`${failure.subject} failed: ${failure.operation} ${failure.outcome}${logs}`, secrets) + tail;
}
