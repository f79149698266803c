/**
 * On AWS the compose name of a managed MongoDB resolves in the project's private DNS, but DocumentDB
 * also requires credentials, TLS and `retryWrites=false`, which a compose app's `mongodb://mongo:27017/db`
 * does not carry. A service's literal values that name a DocumentDB cluster (or its aliases) are
 * rewritten to its endpoint (`../mongo-references.ts`) and become secrets (SSM parameters), since
 * a rewritten URL holds the password.
 */
import * as pulumi from "@pulumi/pulumi";
import { ServiceModel } from "../../../model/types";
import { MongoEndpoint, mongoReferences, rewriteMongoReferences } from "../../mongo-references";

/** `model` with its literal environment values that name one of `endpoints` rewritten (secret); `model` itself when none do. */
export function withMongoReferences(model: ServiceModel, endpoints: ReadonlyMap<string, pulumi.Output<MongoEndpoint>>): ServiceModel {
    if (endpoints.size === 0) return model;
    let changed = false;
    const environment = model.environment.map((v) => {
        if (v.value.kind !== "literal") return v;
        const text = v.value.value;
        const names = mongoReferences(text, endpoints.keys());
        if (names.length === 0) return v;
        changed = true;
        // Every name found is a key of `endpoints`.
        const pairs = names.flatMap((n) => {
            const endpoint = endpoints.get(n);
            return endpoint ? [pulumi.all([n, endpoint])] : [];
        });
        const value = pulumi.secret(pulumi.all(pairs).apply((list) => rewriteMongoReferences(text, new Map(list))));
        return { name: v.name, value: { kind: "input" as const, value } };
    });
    return changed ? { ...model, environment } : model;
}
