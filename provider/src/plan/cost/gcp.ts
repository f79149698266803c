/**
 * Monthly cost of Google Cloud resources, from their recorded inputs and the Google Cloud price table.
 */
import { GCP_PRICES, GCP_USAGE } from "../prices/gcp";
import { HOURS_PER_MONTH, JOB_MINUTES_PER_MONTH, SECONDS_PER_MONTH } from "../prices/price";
import { Price, lookupPrice } from "../prices/price";
import type { GcpResourceInputs } from "../../clouds/gcp/resource-inputs";
import { cloudRunContainer, cloudRunGpu, cloudRunJobContainer, cloudRunJobGpu, cloudRunMinInstances, cloudRunRequestBilling, cloudRunSize, gcpInputs } from "../properties/gcp";
import { num, str } from "../properties/read";
import { Plain } from "../properties/recorded";
import { CostFunction, CostTable, freeTypes, notPriced, perUnitOf, priced, rate } from "./estimate";

/** The cost function of Google Cloud resources of type `K`. */
type GcpCost<K extends keyof GcpResourceInputs> = CostFunction<Plain<GcpResourceInputs[K]>>;

const P = GCP_PRICES;
const H = HOURS_PER_MONTH;

/**
 * Cloud Run. Instance-based billing (worker pools, `cpuIdle: false`): every instance kept running,
 * all month. Request-based billing (`cpuIdle`, the default): minimum instances at the idle rate,
 * plus the assumed requests at the active rate. A GPU (`nodeSelector.accelerator`, which requires
 * instance-based billing) adds its per-second price to every instance.
 */
const cloudRun: CostFunction<Plain<GcpResourceInputs["gcp:cloudrunv2/service:Service"] | GcpResourceInputs["gcp:cloudrunv2/workerPool:WorkerPool"]>> = (r) => {
    const { vcpu, memoryMiB } = cloudRunSize(cloudRunContainer(r.inputs));
    const gpu = gpuPrice(cloudRunGpu(r.inputs));
    if (gpu === "unpriced") return notPriced(`GPU ${cloudRunGpu(r.inputs)} not in the price table`);
    const gib = memoryMiB / 1024;
    const min = cloudRunMinInstances(r.inputs);
    const instances = (n: number) => `${n} instance${n === 1 ? "" : "s"}`;
    const service = gcpInputs(r, "gcp:cloudrunv2/service:Service");
    if (!service || !cloudRunRequestBilling(service)) {
        const cpu = P["gcp.run.instance.vcpu-second"];
        const mem = P["gcp.run.instance.gib-second"];
        const n = Math.max(min, r.type === "gcp:cloudrunv2/workerPool:WorkerPool" ? 1 : 0);
        const total = n * (vcpu * cpu.usd + gib * mem.usd + (gpu?.usd ?? 0)) * SECONDS_PER_MONTH;
        return priced(total, `${instances(n)} x (${vcpu} vCPU x ${rate(cpu)} + ${gib} GiB x ${rate(mem)}${gpu ? ` + 1 GPU x ${rate(gpu)}` : ""}) x ${SECONDS_PER_MONTH} s`, gpu ? [cpu, mem, gpu] : [cpu, mem]);
    }
    const cpu = P["gcp.run.request.vcpu-second"];
    const mem = P["gcp.run.request.gib-second"];
    const req = P["gcp.run.requests-million"];
    const active = GCP_USAGE.requestsPerMonth * GCP_USAGE.secondsPerRequest;
    let total = active * (vcpu * cpu.usd + gib * mem.usd) + (GCP_USAGE.requestsPerMonth / 1e6) * req.usd;
    let basis = `${GCP_USAGE.requestsPerMonth} requests x ${GCP_USAGE.secondsPerRequest} s x (${vcpu} vCPU x ${rate(cpu)} + ${gib} GiB x ${rate(mem)}) + requests x ${rate(req)}`;
    const used = [cpu, mem, req];
    if (min > 0) {
        const idleCpu = P["gcp.run.idle.vcpu-second"];
        const idleMem = P["gcp.run.idle.gib-second"];
        total += min * (vcpu * idleCpu.usd + gib * idleMem.usd) * (SECONDS_PER_MONTH - active / min);
        basis = `${instances(min)} kept warm x (${vcpu} vCPU x ${rate(idleCpu)} + ${gib} GiB x ${rate(idleMem)}) idle + ${basis}`;
        used.push(idleCpu, idleMem);
    } else {
        basis = `scales to zero: ${basis}`;
    }
    return priced(total, basis, used);
};

/** The per-second price of a Cloud Run GPU (`nodeSelector.accelerator`): none without a GPU, `unpriced` for a type not in the table. */
function gpuPrice(accelerator: string | undefined): Price | undefined | "unpriced" {
    if (accelerator === undefined) return undefined;
    return lookupPrice(P, `gcp.run.gpu.${accelerator}.second`) ?? "unpriced";
}

/** A one-off job: its tasks' time at the instance rate, only while it runs at deploy. */
const cloudRunJob: GcpCost<"gcp:cloudrunv2/job:Job"> = (r) => {
    const { vcpu, memoryMiB } = cloudRunSize(cloudRunJobContainer(r.inputs));
    const gib = memoryMiB / 1024;
    const gpu = gpuPrice(cloudRunJobGpu(r.inputs));
    if (gpu === "unpriced") return notPriced(`GPU ${cloudRunJobGpu(r.inputs)} not in the price table`);
    const tasks = num(r.inputs, "template.taskCount") ?? 1;
    const cpu = P["gcp.run.instance.vcpu-second"];
    const mem = P["gcp.run.instance.gib-second"];
    const seconds = JOB_MINUTES_PER_MONTH * 60;
    const total = tasks * (vcpu * cpu.usd + gib * mem.usd + (gpu?.usd ?? 0)) * seconds;
    const basis = `one-off job, runs only at deploy (~nothing a month): ${tasks} task${tasks === 1 ? "" : "s"} x (${vcpu} vCPU x ${rate(cpu)} + ${gib} GiB x ${rate(mem)}${gpu ? ` + 1 GPU x ${rate(gpu)}` : ""}) x ${seconds} s`;
    return priced(total, basis, gpu ? [cpu, mem, gpu] : [cpu, mem]);
};

/** Shared-core tiers by name; `db-custom-<vcpu>-<MiB>` by vCPU and memory. */
const cloudSql: GcpCost<"gcp:sql/databaseInstance:DatabaseInstance"> = (r) => {
    const tier = str(r.inputs, "settings.tier") ?? "";
    const copies = str(r.inputs, "settings.availabilityType") === "REGIONAL" ? 2 : 1;
    const disk = num(r.inputs, "settings.diskSize") ?? 10;
    const storage = P[str(r.inputs, "settings.diskType") === "PD_HDD" ? "gcp.sql.hdd-gb-month" : "gcp.sql.ssd-gb-month"];
    const ha = copies === 2 ? "2 (regional HA) x " : "";
    const shared = lookupPrice(P, `gcp.sql.${tier}`);
    if (shared) {
        return priced(copies * (shared.usd * H + disk * storage.usd), `${ha}(${tier} ${rate(shared)} x ${H} h + ${disk} GB x ${rate(storage)})`, [shared, storage]);
    }
    const custom = /^db-(?:custom|perf-optimized-N)-(\d+)-(\d+)$/.exec(tier);
    if (!custom) return notPriced(`tier ${tier || "?"} not in the price table`);
    const vcpu = Number(custom[1]);
    const gb = Number(custom[2]) / 1024;
    const cpu = P["gcp.sql.vcpu-hour"];
    const mem = P["gcp.sql.gb-hour"];
    const total = copies * ((vcpu * cpu.usd + gb * mem.usd) * H + disk * storage.usd);
    return priced(total, `${ha}((${vcpu} vCPU x ${rate(cpu)} + ${gb} GB x ${rate(mem)}) x ${H} h + ${disk} GB x ${rate(storage)})`, [cpu, mem, storage]);
};

const redis: GcpCost<"gcp:redis/instance:Instance"> = (r) => {
    const tier = (str(r.inputs, "tier") ?? "BASIC").toUpperCase();
    const price = P[tier === "STANDARD_HA" ? "gcp.redis.standard.gb-hour" : "gcp.redis.basic.gb-hour"];
    const gb = num(r.inputs, "memorySizeGb") ?? 1;
    return priced(gb * price.usd * H, `${gb} GB x ${rate(price)} x ${H} h (${tier})`, [price]);
};

const valkey: GcpCost<"gcp:memorystore/instance:Instance"> = (r) => {
    const nodeType = (str(r.inputs, "nodeType") ?? "SHARED_CORE_NANO").toLowerCase().replace(/_/g, "-");
    const price = lookupPrice(P, `gcp.valkey.${nodeType}`);
    if (!price) return notPriced(`node type ${nodeType} not in the price table`);
    const nodes = (num(r.inputs, "shardCount") ?? 1) * ((num(r.inputs, "replicaCount") ?? 0) + 1);
    return priced(nodes * price.usd * H, `${nodes} node${nodes === 1 ? "" : "s"} x ${rate(price)} x ${H} h`, [price]);
};

/**
 * Forwarding rules are billed per project: one hourly charge covers the first 5 together, each
 * further rule has its own; the data processed is charged once. So the first rule of the plan
 * carries the base charge and the data, the next four are included, and the rest pay the extra rate.
 */
const forwardingRule: GcpCost<"gcp:compute/globalForwardingRule:GlobalForwardingRule"> = (r, context) => {
    const rules = [...context.byName.values()].filter((x) => x.type === r.type);
    const index = rules.indexOf(r);
    if (index > 0 && index < 5) return priced(0, `included in the charge for the project's first 5 forwarding rules (on ${rules[0]?.name ?? "the first"})`, []);
    if (index >= 5) {
        const extra = P["gcp.lb.extra-forwarding-rule-hour"];
        return priced(extra.usd * H, `${rate(extra)} x ${H} h (the project's forwarding rule number ${index + 1})`, [extra]);
    }
    const hour = P["gcp.lb.forwarding-rule-hour"];
    const gb = P["gcp.lb.data-gb"];
    return priced(hour.usd * H + GCP_USAGE.lbGb * gb.usd, `${rate(hour)} x ${H} h (up to 5 forwarding rules) + ${GCP_USAGE.lbGb} GB x ${rate(gb)}`, [hour, gb]);
};

const connector: GcpCost<"gcp:vpcaccess/connector:Connector"> = (r) => {
    const p = P["gcp.vpcaccess.e2-micro-hour"];
    const n = num(r.inputs, "minInstances") ?? 2;
    return priced(n * p.usd * H, `${n} e2-micro x ${rate(p)} x ${H} h`, [p]);
};

const cloudNat: GcpCost<"gcp:compute/routerNat:RouterNat"> = () => {
    const hour = P["gcp.nat.hour"];
    const gb = P["gcp.nat.gb"];
    return priced(hour.usd * H + GCP_USAGE.natGb * gb.usd, `${rate(hour)} x ${H} h + ${GCP_USAGE.natGb} GB x ${rate(gb)}`, [hour, gb]);
};

const perUnit = perUnitOf(P);

/** Firestore bills by use: storage, read and write units, at the stated usage. */
const firestore: GcpCost<"gcp:firestore/database:Database"> = () => {
    const storage = P["gcp.firestore.enterprise.storage-gib-month"];
    const read = P["gcp.firestore.enterprise.read-million"];
    const write = P["gcp.firestore.enterprise.write-million"];
    const { firestoreGib, firestoreReadMillions, firestoreWriteMillions } = GCP_USAGE;
    const total = firestoreGib * storage.usd + firestoreReadMillions * read.usd + firestoreWriteMillions * write.usd;
    return priced(total, `${firestoreGib} GiB x ${rate(storage)} + ${firestoreReadMillions} M reads x ${rate(read)} + ${firestoreWriteMillions} M writes x ${rate(write)}`, [storage, read, write]);
};

export const GCP_COSTS = {
    "gcp:cloudrunv2/service:Service": cloudRun,
    "gcp:cloudrunv2/workerPool:WorkerPool": cloudRun,
    "gcp:cloudrunv2/job:Job": cloudRunJob,
    "gcp:sql/databaseInstance:DatabaseInstance": cloudSql,
    "gcp:redis/instance:Instance": redis,
    "gcp:firestore/database:Database": firestore,
    "gcp:memorystore/instance:Instance": valkey,
    "gcp:compute/globalForwardingRule:GlobalForwardingRule": forwardingRule,
    "gcp:vpcaccess/connector:Connector": connector,
    "gcp:compute/routerNat:RouterNat": cloudNat,
    "gcp:storage/bucket:Bucket": (r, context) =>
        // The project's volume bucket is `<infrastructure>-volumes` (see clouds/gcp/storage/volume-bucket.ts); any other holds build sources.
        r.name.endsWith("-volumes")
            ? perUnit("gcp.storage.standard-gb-month", GCP_USAGE.volumeGb, "GB of volume data")(r, context)
            : perUnit("gcp.storage.standard-gb-month", GCP_USAGE.buildBucketGb, "GB of build sources")(r, context),
    "gcp:artifactregistry/repository:Repository": perUnit("gcp.artifactregistry.gb-month", GCP_USAGE.imageGb, "GB of images"),
    "gcp:secretmanager/secretVersion:SecretVersion": perUnit("gcp.secretmanager.version-month", 1, "active version"),
    "gcp:cloudbuild/trigger:Trigger": perUnit("gcp.cloudbuild.build-minute", GCP_USAGE.buildMinutes, "build minutes"),
    // An address in use by a forwarding rule is not charged separately (estimate).
    "gcp:compute/globalAddress:GlobalAddress": () => ({ monthly: 0, priced: true, basis: "in use by the forwarding rule: no separate charge (estimate)" }),
    ...freeTypes([
        "gcp:secretmanager/secret:Secret",
        "gcp:secretmanager/secretIamMember:SecretIamMember",
        "gcp:sql/database:Database",
        "gcp:sql/user:User",
        "gcp:firestore/userCreds:UserCreds",
        "gcp:compute/router:Router",
        "gcp:storage/bucketObject:BucketObject",
        "gcp:compute/managedSslCertificate:ManagedSslCertificate",
        "gcp:compute/uRLMap:URLMap",
        "gcp:compute/targetHttpsProxy:TargetHttpsProxy",
        "gcp:compute/targetHttpProxy:TargetHttpProxy",
        "gcp:compute/backendService:BackendService",
        "gcp:compute/regionNetworkEndpointGroup:RegionNetworkEndpointGroup",
        "gcp:compute/network:Network",
        "gcp:compute/subnetwork:Subnetwork",
        "gcp:compute/firewall:Firewall",
        "gcp:servicenetworking/connection:Connection",
        "gcp:serviceaccount/account:Account",
        "gcp:projects/iAMMember:IAMMember",
        "gcp:projects/service:Service",
        "gcp:cloudrunv2/serviceIamMember:ServiceIamMember",
        "gcp:cloudrunv2/workerPoolIamMember:WorkerPoolIamMember",
        "gcp:cloudrunv2/jobIamMember:JobIamMember",
        "gcp:cloudrunv2/serviceIamBinding:ServiceIamBinding",
        "gcp:artifactregistry/repositoryIamMember:RepositoryIamMember",
        "gcp:storage/bucketIAMMember:BucketIAMMember",
        "gcp:dns/recordSet:RecordSet",
        "gcp:dns/managedZone:ManagedZone",
        "random:index/randomPassword:RandomPassword",
        "random:index/randomId:RandomId",
        "random:index/randomString:RandomString",
    ]),
    // The Cloud Build run of a service's image (Dockerfile or buildpacks: the same machine, the same rate).
    "pulumi-nodejs:dynamic:Resource": perUnit("gcp.cloudbuild.build-minute", GCP_USAGE.buildMinutes, "build minutes"),
} satisfies CostTable<GcpResourceInputs>;

export const GCP_ASSUMPTIONS = [
    `region us-central1 (Tier 1) list prices, ${H} hours a month, no free tier, no committed-use discounts`,
    "Cloud Run services bill by request: minimum instances at the idle rate plus " +
        `${GCP_USAGE.requestsPerMonth} requests a month of ${GCP_USAGE.secondsPerRequest} s at the active rate; worker pools, and services with a GPU (instance-based billing), bill every instance all month, a GPU at its per-second price`,
    `one-off jobs: ${JOB_MINUTES_PER_MONTH} minutes of their tasks a month at the instance rate (they run only at the deployments that change them)`,
    `Cloud NAT: ${GCP_USAGE.natGb} GB a month; build sources: ${GCP_USAGE.buildBucketGb} GB`,
    `named volumes (when used): ${GCP_USAGE.volumeGb} GB in Cloud Storage Standard; Cloud Storage operations made by Cloud Storage FUSE are not included`,
    `load balancer: ${GCP_USAGE.lbGb} GB a month; images: ${GCP_USAGE.imageGb} GB per repository; builds: ${GCP_USAGE.buildMinutes} minutes a month per service built from source`,
    "Vertex AI model use is billed per token and is not included",
    "many Google Cloud figures are marked estimate in provider/src/plan/prices/gcp.ts: recalled list prices not confirmed from a published page",
];
