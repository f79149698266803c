/**
 * Where a configuration reference (a variable with no value, read from configuration at deploy
 * time) may not be used: anything the image build needs, and the image name itself. A build
 * argument may: it is read from config at deployment and reaches the builder as a secret.
 */
import { configKeyProblem, configSetCommand, suggestConfigKey } from "../config-key";
import { pathToString } from "../paths";
import { Finding, Rule } from "./report";

/** `${VAR}` without a value in `build` (context, ...) or in `image`; in `build.args`, see `buildArgFromConfig`. */
export const checkConfigReferences: Rule = (project, report, ctx) => {
    // Several variables may be used in one value: one diagnostic per value, naming them all.
    const byPath = new Map<string, { service: string; field: Array<string | number>; names: string[] }>();
    for (const ref of ctx.references) {
        const [top, service, attr] = ref.path;
        if (top !== "services" || typeof service !== "string" || (attr !== "build" && attr !== "image")) continue;
        const key = pathToString(ref.path);
        const entry = byPath.get(key) ?? { service, field: ref.path.slice(2) as Array<string | number>, names: [] };
        if (!entry.names.includes(ref.name)) entry.names.push(ref.name);
        byPath.set(key, entry);
    }
    for (const { service, field, names } of byPath.values()) {
        const vars = names.map((n) => "${" + n + "}").join(", ");
        const setIt = `give ${names.join(", ")} a value in the .env file next to the compose file (or in a file passed with --env-file)`;
        if (field[0] === "image") {
            report.service(service, field, {
                severity: "error",
                code: "config-in-image",
                message: `uses ${vars}, which has no value: the image to run must be known before deployment, when configuration values are not available`,
                hint: setIt,
            });
        } else if (field[1] === "args" && field.length === 3) {
            report.service(service, field, buildArgFromConfig(String(field[2]), names, vars, setIt));
        } else {
            report.service(service, field, {
                severity: "error",
                code: "config-in-build",
                message: `uses ${vars}, which has no value: the build is prepared before configuration values are available`,
                hint: setIt,
            });
        }
    }
};

/**
 * An `environment` entry without a value is read from Pulumi config under its own name: that name
 * must be one Pulumi can store for this project (see `config-key.ts`).
 */
export const checkConfigKeys: Rule = (project, report, ctx) => {
    for (const ref of ctx.references) {
        if (ref.kind !== "environment" || typeof ref.service !== "string") continue;
        const problem = configKeyProblem(ref.name);
        if (!problem) continue;
        report.service(ref.service, ref.path.slice(2), {
            severity: "error",
            code: "invalid-config-key",
            message: `"${ref.name}" has no value, so it would be read from Pulumi config under that name, but it cannot be a config key: ${problem}`,
            hint: `give it a value in the compose file, or rename it to a valid key such as ${suggestConfigKey(ref.name)} and set that with \`${configSetCommand(suggestConfigKey(ref.name))}\``,
        });
    }
};

/** A build argument's name is read by the builder from its environment (`--build-arg NAME`): it must be a variable name. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `${VAR}` without a value in a build argument: read from Pulumi config at deployment and passed to
 * the builder from the cloud's secret store. A warning, since a build argument that a Dockerfile
 * uses in a layer is kept in the image's history; an error when the argument or a key has a name
 * that cannot carry it.
 */
function buildArgFromConfig(arg: string, names: string[], vars: string, setIt: string): Finding {
    const badKey = names.find((n) => configKeyProblem(n) !== undefined);
    if (!ENV_NAME.test(arg) || badKey !== undefined) {
        return {
            severity: "error",
            code: "config-in-build-args",
            message:
                badKey !== undefined
                    ? `uses \${${badKey}}, which has no value, so it would be read from Pulumi config under that name, but it cannot be a config key: ${configKeyProblem(badKey)}`
                    : `uses ${vars}, which has no value, so it would be read from Pulumi config and handed to the builder as the environment variable ${arg}, which is not a valid variable name`,
            hint:
                badKey !== undefined
                    ? `rename it to a valid key such as ${suggestConfigKey(badKey)}, or ${setIt}`
                    : `rename the build argument, and its ARG in the Dockerfile, to letters, digits and underscores; or ${setIt}`,
        };
    }
    return {
        severity: "warning",
        code: "config-in-build-args",
        message: `uses ${vars}, which has no value: read from Pulumi config at deployment and passed to the build as a secret; a Dockerfile that uses ${arg} in a RUN step keeps its value in the image's history`,
        hint: `set ${names.length > 1 ? "them" : "it"} with ${names.map((n) => `\`${configSetCommand(n)}\``).join(", ")}; for a secret the image does not need, read it at run time from \`environment\` instead`,
    };
}
