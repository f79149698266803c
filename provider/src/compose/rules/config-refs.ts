/**
 * Where a configuration reference (a variable with no value, read from configuration at deploy
 * time) may not be used: anything the image build needs, and the image name itself.
 */
import { configKeyProblem, configSetCommand, suggestConfigKey } from "../config-key";
import { pathToString } from "../paths";
import { Rule } from "./report";

/** `${VAR}` without a value in `build` (args, context, ...) or in `image`. */
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
        } else if (field[1] === "args") {
            report.service(service, field, {
                severity: "error",
                code: "config-in-build-args",
                message: `uses ${vars}, which has no value: build arguments are resolved when the image is built, before configuration values are available`,
                hint: `${setIt}; for a secret, read it at run time from \`environment\` instead`,
            });
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
