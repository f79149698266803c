/**
 * The only roles this backend grants on the whole project, each to one service account: they have
 * no narrower resource to be granted on. Every other grant is on the named resource itself (a
 * secret, a repository, a bucket). The security tests check grants against this list.
 */

/** Cloud Build writes its build logs to Cloud Logging (log entries belong to the project). */
export const LOG_WRITER_ROLE = "roles/logging.logWriter";
/** Calling Vertex AI models (a model is not an IAM resource), for the service accounts of model-using services only. */
export const VERTEX_USER_ROLE = "roles/aiplatform.user";

export const PROJECT_ROLES: ReadonlySet<string> = new Set([LOG_WRITER_ROLE, VERTEX_USER_ROLE]);
