/**
 * The backend interface: a backend receives, in its own type, the infrastructure it created (bound
 * by `opaqueBackend`, not passed back by the components), and the registry has a backend and a
 * preflight for every cloud.
 */
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { CloudBackend, ComponentRequest, DEFAULT_INFRASTRUCTURE_OPTIONS, DeployRequest, InfrastructureRequest, opaqueBackend, ProjectInfrastructure } from "../../provider/src/clouds/backend";
import { ConfigValues } from "../../provider/src/clouds/config-values";
import { backendFor, preflightFor } from "../../provider/src/clouds/registry";
import { AwsInfrastructure } from "../../provider/src/clouds/aws/types";
import { CLOUD_NAMES, CloudName, ServiceModel } from "../../provider/src/model/types";
import { useMocks } from "../support/pulumi-mocks";
import { TestComponent } from "../support/fake-gcp-infrastructure";

/** An infrastructure of a backend of the test's own: only its name tells two apart. */
interface FakeInfrastructure extends ProjectInfrastructure {
    readonly cloud: "aws";
    readonly name: string;
}

/** What the fake backend was called with: the method, the infrastructure it received, the request. */
type Call = { method: string; infra: FakeInfrastructure; request?: Omit<DeployRequest<unknown, FakeInfrastructure>, "infra"> };

function fakeBackend(): { backend: CloudBackend<FakeInfrastructure>; calls: Call[] } {
    const calls: Call[] = [];
    const record = (method: string, { infra, ...request }: DeployRequest<unknown, FakeInfrastructure>) => calls.push({ method, infra, request });
    const output = pulumi.output;
    return {
        calls,
        backend: {
            cloud: "aws",
            createInfrastructure: ({ name, projectName }) => ({ cloud: "aws", name, projectName }),
            deployService: (r) => {
                record("deployService", r);
                return { endpoints: output([`${r.infra.name}:80`]) };
            },
            deployPostgres: (r) => {
                record("deployPostgres", r);
                return { host: output("h"), port: output(5432), database: output("d"), user: output("u"), password: output("p") };
            },
            deployRedis: (r) => {
                record("deployRedis", r);
                return { host: output("h"), port: output(6379), tls: true };
            },
            deployMongo: (r) => {
                record("deployMongo", r);
                return { host: output("h"), port: output(27017), database: output("d"), user: output("u"), password: output("p"), url: output("mongodb://h") };
            },
            finish: (infra) => void calls.push({ method: "finish", infra }),
        },
    };
}

const NEEDS = { ingress: false, domains: [], builds: false };

describe("the backend interface", function () {
    before(async function () {
        await useMocks();
    });

    it("hands each backend method the infrastructure its handle was created with, and the component's request unchanged", function () {
        const { backend, calls } = fakeBackend();
        const opaque = opaqueBackend(backend);
        assert.equal(opaque.cloud, "aws");
        const parent = new TestComponent("shop");
        const infraRequest = (name: string): InfrastructureRequest => ({ name, projectName: "shop", needs: NEEDS, options: DEFAULT_INFRASTRUCTURE_OPTIONS, parent });
        const first = opaque.createInfrastructure(infraRequest("first"));
        const second = opaque.createInfrastructure(infraRequest("second"));
        assert.deepEqual([first.cloud, first.projectName], ["aws", "shop"]);

        const model = { kind: "service", name: "web" } as ServiceModel;
        const request: ComponentRequest<ServiceModel> = { name: "shop-web", model, parent, config: new ConfigValues(), dependsOn: [parent] };
        second.deployService(request);
        first.deployService(request);
        first.deployRedis({ ...request, name: "shop-cache", model: { kind: "redis" } as never });
        second.finish();
        first.finish();

        assert.deepEqual(
            calls.map((c) => [c.method, c.infra.name]),
            [
                ["deployService", "second"],
                ["deployService", "first"],
                ["deployRedis", "first"],
                ["finish", "second"],
                ["finish", "first"],
            ],
        );
        const [deployed] = calls;
        assert.ok(deployed?.request, "deployService was called with a request");
        assert.equal(deployed.request.model, model);
        assert.equal(deployed.request.parent, parent);
        assert.equal(deployed.request.config, request.config);
        assert.deepEqual([deployed.request.name, deployed.request.dependsOn], ["shop-web", [parent]]);
    });

    it("lets no backend stand for one of another infrastructure type (only opaqueBackend hides it)", function () {
        const { backend } = fakeBackend();
        // @ts-expect-error: a backend of FakeInfrastructure cannot take any ProjectInfrastructure.
        const widened: CloudBackend<ProjectInfrastructure> = backend;
        // @ts-expect-error: nor an AwsInfrastructure.
        const other: CloudBackend<AwsInfrastructure> = backend;
        assert.ok(widened && other);
    });

    it("has a backend and a preflight for every cloud, each of its own cloud", function () {
        for (const cloud of CLOUD_NAMES) {
            assert.equal(backendFor(cloud).cloud, cloud);
            assert.equal(backendFor(cloud), backendFor(cloud), `${cloud}: loaded once`);
            assert.equal(typeof preflightFor(cloud), "object", `${cloud} has a preflight`);
        }
    });

    it("refuses a cloud it does not know, naming the clouds it knows", function () {
        const azure = "azure" as CloudName;
        const message = 'there is no backend for the cloud "azure"; use cloud "aws", "gcp" or "digitalocean"';
        assert.throws(() => backendFor(azure), { message });
        assert.throws(() => preflightFor(azure), { message });
        assert.throws(() => preflightFor("toString" as CloudName), /there is no backend for the cloud "toString"/);
    });
});
