/**
 * The plan's pure parts, without Pulumi: cost and properties of resources of all three clouds
 * (input shapes as in the @pulumi/aws, @pulumi/gcp and @pulumi/digitalocean typings), the price
 * tables, the tree and its totals, and redaction of secrets.
 */
import * as assert from "assert";
import { costOf } from "../../provider/src/plan/cost";
import { amount } from "../../provider/src/plan/cost/estimate";
import { PLACEHOLDER_SECRET } from "../../provider/src/plan/engine-config";
import { ALL_PRICES } from "../../provider/src/plan/prices";
import { propertiesOf } from "../../provider/src/plan/properties";
import { recorded } from "../../provider/src/plan/properties/recorded";
import { redact } from "../../provider/src/plan/redact";
import { SHARED, cloudPlan, sumCents } from "../../provider/src/plan/tree";
import { CloudName } from "../../provider/src/model/types";
import { RecordedResource } from "../../provider/src/plan/types";
import { SECRET_SIG } from "../../provider/src/offline/secret-values";

function res(type: string, name: string, inputs: Record<string, unknown>, parent?: string): RecordedResource {
    return { type, name, custom: !type.startsWith("defang:"), parent, inputs: recorded(inputs) };
}

function cost(cloud: CloudName, r: RecordedResource, siblings: RecordedResource[] = [r]) {
    return costOf(cloud, r, { byName: new Map(siblings.map((s) => [s.name, s])), siblings });
}

describe("plan: prices, costs and properties", () => {
    describe("price tables", () => {
        it("every price has a source page, a date, a unit and an amount", () => {
            const prices = Object.values(ALL_PRICES);
            assert.ok(prices.length > 40);
            for (const p of prices) {
                assert.match(p.source, /^https:\/\/[a-z0-9.-]+\//, p.id);
                assert.match(p.read, /^\d{4}-\d{2}-\d{2}$/, p.id);
                assert.ok(p.unit.length > 0 && p.usd >= 0, p.id);
                assert.match(p.id, /^(aws|gcp|do)\./, p.id);
            }
        });
        it("shows amounts with every significant digit", () => {
            assert.strictEqual(amount(0.016), "$0.016");
            assert.strictEqual(amount(0.04048), "$0.04048");
            assert.strictEqual(amount(0.0000025), "$0.0000025");
            assert.strictEqual(amount(0.5), "$0.50");
            assert.strictEqual(amount(12), "$12.00");
        });
    });

    describe("AWS", () => {
        it("a Fargate service: tasks x (vCPU + GB) x 730 h, plus a public IPv4 per task", () => {
            const task = res("aws:ecs/taskDefinition:TaskDefinition", "s-task", { cpu: "256", memory: "512", runtimePlatform: { cpuArchitecture: "X86_64" } });
            const svc = res("aws:ecs/service:Service", "s-service", { desiredCount: 2, taskDefinition: "arn:aws:mock:us-east-1:1:taskdefinition/s-task", networkConfiguration: { assignPublicIp: true } });
            const c = cost("aws", svc, [task, svc]);
            assert.strictEqual(c.monthly, 25.32);
            assert.match(c.basis, /2 tasks x \(0\.25 vCPU x \$0\.04048\/vCPU-hour \+ 0\.5 GB x \$0\.004445\/GB-hour\) x 730 h \+ 2 public IPv4/);
            assert.deepStrictEqual(propertiesOf(task.type, task.inputs).properties, { vcpu: 0.25, memoryMiB: 512, arch: "x86_64" });
        });
        it("an arm64 task uses the Graviton prices", () => {
            const task = res("aws:ecs/taskDefinition:TaskDefinition", "a-task", { cpu: "512", memory: "1024", runtimePlatform: { cpuArchitecture: "ARM64" } });
            const svc = res("aws:ecs/service:Service", "a-service", { desiredCount: 1, taskDefinition: "a-task" });
            assert.strictEqual(cost("aws", svc, [task, svc]).monthly, 14.42);
        });
        it("RDS: instance hours and storage, twice for Multi-AZ; unknown classes are not priced", () => {
            const db = res("aws:rds/instance:Instance", "db", { instanceClass: "db.t4g.micro", allocatedStorage: 20, multiAz: true, engine: "postgres", engineVersion: "17", publiclyAccessible: false });
            assert.strictEqual(cost("aws", db).monthly, 27.96);
            assert.strictEqual(propertiesOf(db.type, db.inputs).properties.public, false);
            const odd = cost("aws", res("aws:rds/instance:Instance", "x", { instanceClass: "db.z99.huge" }));
            assert.strictEqual(odd.priced, false);
            assert.strictEqual(odd.monthly, 0);
        });
        it("ElastiCache: nodes x node-hours, Valkey 20% below Redis OSS", () => {
            const redis = res("aws:elasticache/replicationGroup:ReplicationGroup", "c", { nodeType: "cache.t4g.micro", numCacheClusters: 2, engine: "redis" });
            const valkey = res("aws:elasticache/replicationGroup:ReplicationGroup", "v", { nodeType: "cache.t4g.micro", numCacheClusters: 2, engine: "valkey" });
            assert.strictEqual(cost("aws", redis).monthly, 23.36);
            assert.strictEqual(cost("aws", valkey).monthly, 18.69);
        });
        it("an ALB, a NAT gateway; IAM and security groups cost nothing", () => {
            assert.strictEqual(cost("aws", res("aws:lb/loadBalancer:LoadBalancer", "lb", {})).monthly, 29.57);
            assert.strictEqual(cost("aws", res("aws:ec2/natGateway:NatGateway", "nat", {})).monthly, 33.3);
            const role = cost("aws", res("aws:iam/role:Role", "r", {}));
            assert.deepStrictEqual([role.monthly, role.priced], [0, true]);
        });
    });

    describe("managed MongoDB", () => {
        it("DocumentDB: each instance by its class x 730 h; the cluster's storage and I/O at the stated use", () => {
            const instance = res("aws:docdb/clusterInstance:ClusterInstance", "m-instance-0", { instanceClass: "db.t3.medium" });
            assert.strictEqual(cost("aws", instance).monthly, 56.94);
            const cluster = res("aws:docdb/cluster:Cluster", "m-cluster", { engineVersion: "8.0.0", storageEncrypted: true, backupRetentionPeriod: 7 });
            const c = cost("aws", cluster);
            assert.strictEqual(c.monthly, 3);
            assert.match(c.basis, /10 GB x \$0\.10\/GB-month \+ 10 million I\/Os/);
            assert.deepStrictEqual(propertiesOf(cluster.type, cluster.inputs).properties, { version: "8.0.0", encrypted: true, backupDays: 7, deletionProtection: false });
            assert.strictEqual(cost("aws", res("aws:docdb/clusterInstance:ClusterInstance", "x", { instanceClass: "db.x9.huge" })).priced, false);
        });
        it("Firestore: storage, reads and writes at the stated use; DigitalOcean MongoDB per node", () => {
            const db = res("gcp:firestore/database:Database", "m-database", { databaseEdition: "ENTERPRISE", locationId: "us-central1" });
            assert.strictEqual(cost("gcp", db).monthly, 1.26);
            const cluster = res("digitalocean:index/databaseCluster:DatabaseCluster", "m-cluster", { engine: "mongodb", size: "db-s-1vcpu-1gb", nodeCount: 3 });
            assert.strictEqual(cost("digitalocean", cluster).monthly, 45);
        });
    });

    describe("Google Cloud", () => {
        const run = (scaling: Record<string, unknown>, cpuIdle?: boolean) =>
            res("gcp:cloudrunv2/service:Service", "web", {
                ingress: "INGRESS_TRAFFIC_ALL",
                template: { containers: [{ image: "x", ports: { containerPort: 8080 }, resources: { limits: { cpu: "1", memory: "512Mi" }, ...(cpuIdle === undefined ? {} : { cpuIdle }) } }], scaling },
            });
        it("Cloud Run with CPU always allocated: instance-based rates for the minimum instances", () => {
            assert.strictEqual(cost("gcp", run({ minInstanceCount: 1 }, false)).monthly, 49.93);
            assert.deepStrictEqual(propertiesOf("gcp:cloudrunv2/service:Service", run({ minInstanceCount: 1 }, false).inputs).properties, {
                vcpu: 1,
                memoryMiB: 512,
                minInstances: 1,
                ports: "8080",
                billing: "instance-based",
                ingress: "INGRESS_TRAFFIC_ALL",
                public: true,
            });
        });
        it("Cloud Run billed by request (cpuIdle, the default): warm instances at the idle rate plus the assumed requests", () => {
            for (const c of [cost("gcp", run({ minInstanceCount: 1 }, true)), cost("gcp", run({ minInstanceCount: 1 }))]) {
                assert.ok(c.monthly > 10.3 && c.monthly < 10.35, String(c.monthly));
                assert.match(c.basis, /^1 instance kept warm x \(1 vCPU x \$0\.0000025\/vCPU-second/);
            }
        });
        it("Cloud Run scaling to zero: request-based rates for the assumed traffic", () => {
            const c = cost("gcp", run({ minInstanceCount: 0 }, true));
            assert.ok(c.priced && c.monthly > 0 && c.monthly < 2, String(c.monthly));
            assert.match(c.basis, /scales to zero/);
        });
        it("a worker pool: its instances all month", () => {
            const pool = res("gcp:cloudrunv2/workerPool:WorkerPool", "w", { scaling: { manualInstanceCount: 2 }, template: { containers: [{ resources: { limits: { cpu: "1", memory: "512Mi" } } }] } });
            assert.strictEqual(cost("gcp", pool).monthly, 99.86);
        });
        it("Cloud SQL: custom tiers by vCPU and memory, shared-core by name, twice when regional", () => {
            const sql = (tier: string, availabilityType = "ZONAL") =>
                res("gcp:sql/databaseInstance:DatabaseInstance", "db", { databaseVersion: "POSTGRES_17", settings: { tier, availabilityType, diskSize: 10, ipConfiguration: { ipv4Enabled: false } } });
            assert.strictEqual(cost("gcp", sql("db-custom-1-3840")).monthly, 51.01);
            assert.strictEqual(cost("gcp", sql("db-custom-1-3840", "REGIONAL")).monthly, 102.02);
            assert.ok(cost("gcp", sql("db-f1-micro")).monthly > 5);
            assert.strictEqual(cost("gcp", sql("db-unknown")).priced, false);
            assert.strictEqual(propertiesOf("gcp:sql/databaseInstance:DatabaseInstance", sql("db-f1-micro").inputs).properties.public, false);
        });
        it("Memorystore for Redis by GB and tier; for Valkey by nodes", () => {
            assert.strictEqual(cost("gcp", res("gcp:redis/instance:Instance", "r", { memorySizeGb: 1, tier: "BASIC", redisVersion: "REDIS_7_2" })).monthly, 35.77);
            assert.strictEqual(cost("gcp", res("gcp:memorystore/instance:Instance", "v", { shardCount: 2, replicaCount: 1, nodeType: "SHARED_CORE_NANO" })).monthly, 112.42);
        });
        it("Cloud NAT, the build bucket; routers and addresses in use cost nothing", () => {
            assert.strictEqual(cost("gcp", res("gcp:compute/routerNat:RouterNat", "nat", {})).monthly, 1.47);
            assert.strictEqual(cost("gcp", res("gcp:storage/bucket:Bucket", "b", {})).monthly, 0.02);
            assert.deepStrictEqual([cost("gcp", res("gcp:compute/router:Router", "r", {})).monthly, cost("gcp", res("gcp:compute/globalAddress:GlobalAddress", "a", {})).priced], [0, true]);
        });
        it("a global forwarding rule; an Artifact Registry repository; secrets", () => {
            assert.strictEqual(cost("gcp", res("gcp:compute/globalForwardingRule:GlobalForwardingRule", "fr", { portRange: "443" })).monthly, 18.33);
            // One charge covers a project's first 5 rules; each further rule pays its own.
            const rules = Array.from({ length: 7 }, (_, i) => res("gcp:compute/globalForwardingRule:GlobalForwardingRule", `fr${i}`, { portRange: i % 2 ? "80" : "443" }));
            const monthly = rules.map((r) => cost("gcp", r, rules).monthly);
            assert.deepStrictEqual(monthly, [18.33, 0, 0, 0, 0, 7.3, 7.3]);
            assert.match(cost("gcp", rules[1], rules).basis, /included in the charge for the project's first 5 forwarding rules \(on fr0\)/);
            assert.strictEqual(cost("gcp", res("gcp:artifactregistry/repository:Repository", "repo", { format: "DOCKER" })).monthly, 0.1);
            assert.strictEqual(cost("gcp", res("gcp:secretmanager/secretVersion:SecretVersion", "sv", {})).monthly, 0.06);
        });
    });

    describe("DigitalOcean", () => {
        const app = res("digitalocean:index/app:App", "app", {
            spec: {
                name: "helpdesk",
                region: "nyc",
                services: [{ name: "web", instanceSizeSlug: "apps-s-1vcpu-1gb", instanceCount: 2, httpPort: 3000 }],
                workers: [{ name: "worker", instanceSizeSlug: "apps-s-1vcpu-0.5gb", instanceCount: 1 }],
            },
        });
        it("the App: every service and worker at its size times its count", () => {
            const c = cost("digitalocean", app);
            assert.strictEqual(c.monthly, 29);
            assert.match(c.basis, /web: 2 x apps-s-1vcpu-1gb \$12\.00\/container-month \+ worker: 1 x apps-s-1vcpu-0\.5gb/);
            const props = propertiesOf(app.type, app.inputs).properties;
            assert.deepStrictEqual(props, { region: "nyc", services: "web", workers: "worker" });
        });
        it("managed databases by node size and count", () => {
            const pg = res("digitalocean:index/databaseCluster:DatabaseCluster", "db", { engine: "pg", version: "17", size: "db-s-1vcpu-1gb", nodeCount: 1, region: "nyc3" });
            assert.strictEqual(cost("digitalocean", pg).monthly, 15);
            const ha = res("digitalocean:index/databaseCluster:DatabaseCluster", "db2", { engine: "valkey", size: "db-s-1vcpu-2gb", nodeCount: 2, region: "nyc3" });
            assert.strictEqual(cost("digitalocean", ha).monthly, 60);
            assert.deepStrictEqual(propertiesOf(pg.type, pg.inputs).properties, { engine: "pg", version: "17", size: "db-s-1vcpu-1gb", nodes: 1, region: "nyc3" });
        });
    });

    describe("the tree", () => {
        const resources = [
            res("defang:index:DefangProject", "p", {}),
            res("defang:index:DefangService", "p-web", {}, "p"),
            res("aws:ecs/taskDefinition:TaskDefinition", "p-web-task", { cpu: "256", memory: "512" }, "p-web"),
            res("aws:ecs/service:Service", "p-web-service", { desiredCount: 1, taskDefinition: "p-web-task" }, "p-web"),
            res("aws:iam/role:Role", "p-web-role", {}, "p-web"),
            res("aws:iam/rolePolicy:RolePolicy", "p-web-role-policy", {}, "p-web-role"),
            res("aws:lb/loadBalancer:LoadBalancer", "p-lb", {}, "p"),
            res("aws:made/up:Thing", "p-thing", {}, "p"),
        ];
        it("puts each resource under its service (through nested parents) or the shared infrastructure", () => {
            const plan = cloudPlan({ status: "planned", cloud: "aws", resources, endpoints: { web: ["http://lb:80"] }, elapsedMs: 1 });
            assert.deepStrictEqual(
                plan.components.map((c) => c.name),
                ["web", SHARED],
            );
            const web = plan.components[0];
            assert.deepStrictEqual(web.resources.map((r) => r.name).sort(), ["p-web-role", "p-web-role-policy", "p-web-service", "p-web-task"]);
            assert.deepStrictEqual(web.endpoints, ["http://lb:80"]);
            assert.strictEqual(plan.resourceCount, 6);
            assert.strictEqual(plan.notPriced, 1, "an unknown type is counted as not priced");
            assert.strictEqual(plan.monthly, sumCents(plan.components.map((c) => c.monthly)));
            assert.strictEqual(plan.monthly, sumCents([web.monthly, 29.57]));
        });
        it("a DigitalOcean App's cost is shared out to the services it runs; totals still add up", () => {
            const doResources = [
                res("defang:index:DefangProject", "p", {}),
                res("defang:index:DefangService", "p-web", {}, "p"),
                res("defang:index:DefangService", "p-worker", {}, "p"),
                res(
                    "digitalocean:index/app:App",
                    "p-app",
                    {
                        spec: {
                            name: "p",
                            services: [{ name: "web", instanceSizeSlug: "apps-s-1vcpu-1gb", instanceCount: 2 }],
                            workers: [{ name: "worker", instanceSizeSlug: "apps-s-1vcpu-0.5gb" }],
                            egresses: [{ type: "DEDICATED_IP" }],
                        },
                    },
                    "p",
                ),
            ];
            const plan = cloudPlan({ status: "planned", cloud: "digitalocean", resources: doResources, endpoints: {}, elapsedMs: 1 });
            const by = Object.fromEntries(plan.components.map((c) => [c.name, c]));
            assert.strictEqual(by.web.monthly, 24);
            assert.strictEqual(by.web.resources[0].kind, "App Platform service");
            assert.strictEqual(by.worker.monthly, 5);
            assert.strictEqual(by[SHARED].monthly, 25, "the App keeps its dedicated egress IP");
            assert.strictEqual(plan.monthly, 54);
            assert.ok(!JSON.stringify(plan).includes("instanceSizeSlug"), "inputs do not leak into the plan");
        });

        it("a cloud that was not planned keeps its reason and no components", () => {
            const plan = cloudPlan({ status: "unavailable", cloud: "gcp", message: "the gcp backend is not available yet" });
            assert.deepStrictEqual([plan.status, plan.components.length, plan.monthly], ["unavailable", 0, 0]);
            assert.ok(plan.assumptions.some((a) => a.includes("us-central1")));
        });
    });

    it("keeps the shape of a secret structure, its numbers and descriptive strings, and nothing else", () => {
        const wrap = (value: unknown) => ({ [SECRET_SIG]: "1b47061264138c4ac30d75fd1eb44270", value });
        const spec = wrap({
            name: "app",
            services: [
                {
                    name: "web",
                    instanceSizeSlug: "apps-s-1vcpu-1gb",
                    instanceCount: 2,
                    envs: [
                        { key: "TOKEN", value: "hunter2", type: "SECRET" },
                        { key: "NAME", value: "x", type: "GENERAL" },
                    ],
                    runCommand: "serve --token hunter2",
                },
            ],
        });
        const out = redact({ spec }) as { spec: { name: string; services: Array<Record<string, unknown>> } };
        assert.strictEqual(out.spec.name, "app");
        assert.deepStrictEqual({ ...out.spec.services[0], envs: undefined }, { name: "web", instanceSizeSlug: "apps-s-1vcpu-1gb", instanceCount: 2, envs: undefined, runCommand: "[secret]" });
        assert.ok(!JSON.stringify(out).includes("hunter2"), "no secret survives");
    });

    it("redacts secrets and anything carrying a placeholder", () => {
        const wrapped = { [SECRET_SIG]: "1b47061264138c4ac30d75fd1eb44270", value: "hunter2" };
        assert.deepStrictEqual(redact({ a: wrapped, b: [`postgres://u:${PLACEHOLDER_SECRET}@db`], c: "plain", d: 3 }), { a: "[secret]", b: ["[secret]"], c: "plain", d: 3 });
    });
});
