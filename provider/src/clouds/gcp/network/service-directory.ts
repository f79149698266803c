/**
 * The project's components by compose name (and alias), and where each really is: a Cloud Run
 * service's deterministic `run.app` host, a database's or cache's private address. Components known
 * up front (a whole `DefangProject`) are listed when the infrastructure is created, so a service may
 * name a database that is created after it; the address is filled in when that database is deployed.
 * A lone component finds the components created before it.
 */
import * as pulumi from "@pulumi/pulumi";
import { ComponentSummary } from "../../backend";
import { ReferenceTarget, referencedNames, rewriteAddsSecret } from "./service-references";
import { zip } from "../../../util/zip";

type Kind = ReferenceTarget["kind"];

interface Entry {
    kind: Kind;
    /** Host and port (no secret). */
    target: pulumi.Output<ReferenceTarget>;
    /** A cache's AUTH string or a MongoDB database's password (secret). */
    password?: pulumi.Output<string>;
}

interface Pending {
    kind: Kind;
    target: pulumi.Output<ReferenceTarget>;
    password: pulumi.Output<string | undefined>;
    resolve(target: pulumi.Output<ReferenceTarget>, password?: pulumi.Output<string>): void;
}

function deferred<T>(): { output: pulumi.Output<T>; resolve(value: pulumi.Output<T>): void } {
    let resolve!: (value: pulumi.Output<T>) => void;
    const promise = new Promise<pulumi.Output<T>>((r) => (resolve = r));
    return { output: pulumi.output(promise).apply((o) => o) as pulumi.Output<T>, resolve };
}

/** A target with its secret: a cache's AUTH string, a MongoDB database's password. */
function withPassword(t: ReferenceTarget, password: string | undefined): ReferenceTarget {
    if (password === undefined) return t;
    if (t.kind === "redis") return { ...t, password };
    if (t.kind === "mongo") return { ...t, endpoint: { ...t.endpoint, password } };
    return t;
}

export class ServiceDirectory {
    private readonly entries = new Map<string, Entry>();
    private readonly pending = new Map<string, Pending>();

    /** `serviceTarget(name)`: the `run.app` host of the Cloud Run service of compose service `name`. */
    constructor(private readonly serviceTarget: (name: string) => pulumi.Output<ReferenceTarget>) {}

    /** Lists the components of a project before they are deployed. */
    expect(components: ComponentSummary[]): void {
        for (const c of components) {
            const names = [c.name, ...c.aliases];
            if (c.kind === "service") {
                // Services without a port have no address (Cloud Run worker pools).
                if (c.ports.length > 0) this.addService(c.name, c.aliases);
                continue;
            }
            const target = deferred<ReferenceTarget>();
            const password = deferred<string | undefined>();
            const pending: Pending = {
                kind: c.kind,
                target: target.output,
                password: password.output,
                resolve: (t, p) => {
                    target.resolve(t);
                    password.resolve(p ? pulumi.secret(p) : pulumi.output(undefined));
                },
            };
            for (const n of names) this.pending.set(n, pending);
        }
    }

    /** A Cloud Run service, reachable at its deterministic host under its name and aliases. */
    addService(name: string, aliases: string[] = []): void {
        const target = this.serviceTarget(name);
        for (const n of [name, ...aliases]) if (!this.entries.has(n)) this.entries.set(n, { kind: "service", target });
    }

    /** A database or cache, now deployed: the references that wait for it resolve. */
    provide(name: string, aliases: string[], kind: Kind, target: pulumi.Output<ReferenceTarget>, password?: pulumi.Output<string>): void {
        const pending = this.pending.get(name);
        pending?.resolve(target, password);
        for (const n of [name, ...aliases]) {
            this.pending.delete(n);
            this.entries.set(n, { kind, target, ...(password ? { password } : {}) });
        }
    }

    private entry(name: string): Entry | undefined {
        const found = this.entries.get(name);
        if (found) return found;
        const p = this.pending.get(name);
        return p ? { kind: p.kind, target: p.target, password: p.password as pulumi.Output<string> } : undefined;
    }

    private names(): string[] {
        return [...new Set([...this.entries.keys(), ...this.pending.keys()])];
    }

    /** The names of components that `value` refers to. */
    referencedBy(value: string): string[] {
        return referencedNames(value, this.names());
    }

    /** Whether rewriting `value` puts a cache's AUTH string in it. */
    addsSecret(value: string): boolean {
        const names = this.names();
        return rewriteAddsSecret(
            value,
            names.filter((n) => this.entry(n)?.kind === "redis"),
            names.filter((n) => this.entry(n)?.kind === "mongo"),
        );
    }

    /** The targets of `names`, with caches' AUTH strings when `withSecrets` (the result is then a secret). */
    targets(names: string[], withSecrets: boolean): pulumi.Output<Map<string, ReferenceTarget>> {
        const entries = names.flatMap((n) => {
            const e = this.entry(n);
            return e ? [{ n, e }] : [];
        });
        return pulumi.all(entries.map(({ e }) => pulumi.all([e.target, withSecrets && e.password ? e.password : pulumi.output(undefined)]))).apply((resolved) => {
            const map = new Map<string, ReferenceTarget>();
            for (const [{ n }, [t, p]] of zip(entries, resolved)) map.set(n, withPassword(t, p));
            return map;
        });
    }
}
