/**
 * Google Cloud list prices, us-central1 (Iowa, Tier 1), on-demand, in USD. Free tiers and
 * committed-use discounts are not taken into account.
 */
import { PRICES_READ, priceTable } from "./price";

const RUN = "https://cloud.google.com/run/pricing";
const SQL = "https://cloud.google.com/sql/pricing";
const MEMORYSTORE = "https://cloud.google.com/memorystore/docs/redis/pricing";
const VALKEY = "https://cloud.google.com/memorystore/docs/valkey/pricing";
const LB = "https://cloud.google.com/vpc/network-pricing#lb";
const FIRESTORE = "https://cloud.google.com/firestore/mongodb-compatibility/pricing";
const read = PRICES_READ;

export const GCP_REGION_ASSUMED = "us-central1";

export const GCP_PRICES = priceTable([
    { id: "gcp.run.instance.vcpu-second", usd: 0.000018, unit: "vCPU-second", source: RUN, read, estimate: true, note: "instance-based billing (CPU always allocated), Tier 1; recalled list price, not re-confirmed" },
    { id: "gcp.run.instance.gib-second", usd: 0.000002, unit: "GiB-second", source: RUN, read, estimate: true, note: "instance-based billing, Tier 1" },
    { id: "gcp.run.request.vcpu-second", usd: 0.000024, unit: "vCPU-second", source: RUN, read, estimate: true, note: "request-based billing, active time only, Tier 1" },
    { id: "gcp.run.request.gib-second", usd: 0.0000025, unit: "GiB-second", source: RUN, read, estimate: true },
    { id: "gcp.run.idle.vcpu-second", usd: 0.0000025, unit: "vCPU-second", source: RUN, read, estimate: true, note: "request-based billing: a minimum instance while idle, Tier 1" },
    { id: "gcp.run.idle.gib-second", usd: 0.0000025, unit: "GiB-second", source: RUN, read, estimate: true, note: "request-based billing: a minimum instance while idle" },
    {
        id: "gcp.run.gpu.nvidia-l4.second",
        usd: 0.0001867,
        unit: "GPU-second",
        source: RUN,
        read: "2026-12-07",
        estimate: true,
        note: "NVIDIA L4 without zonal redundancy (as deployed), instance-based billing, Tier 1; about $0.67 an hour, as 2026 write-ups quote the Google page, not re-confirmed there",
    },
    { id: "gcp.run.requests-million", usd: 0.4, unit: "million requests", source: RUN, read, estimate: true },
    { id: "gcp.sql.db-f1-micro", usd: 0.0105, unit: "instance-hour", source: SQL, read, estimate: true, note: "shared-core; recalled list price" },
    { id: "gcp.sql.db-g1-small", usd: 0.035, unit: "instance-hour", source: SQL, read, estimate: true, note: "shared-core; recalled list price" },
    { id: "gcp.sql.vcpu-hour", usd: 0.0413, unit: "vCPU-hour", source: SQL, read, note: "Enterprise edition, dedicated core; confirmed by a 2026 pricing summary quoting the Google page" },
    { id: "gcp.sql.gb-hour", usd: 0.007, unit: "GB-hour", source: SQL, read, note: "Enterprise edition memory" },
    { id: "gcp.sql.ssd-gb-month", usd: 0.17, unit: "GB-month", source: SQL, read, estimate: true },
    { id: "gcp.sql.hdd-gb-month", usd: 0.09, unit: "GB-month", source: SQL, read, estimate: true },
    { id: "gcp.redis.basic.gb-hour", usd: 0.049, unit: "GB-hour", source: MEMORYSTORE, read, estimate: true, note: "Memorystore for Redis, Basic tier, M1 (1-4 GB)" },
    { id: "gcp.redis.standard.gb-hour", usd: 0.064, unit: "GB-hour", source: MEMORYSTORE, read, estimate: true, note: "Standard (HA) tier, M1" },
    { id: "gcp.valkey.shared-core-nano", usd: 0.0385, unit: "node-hour", source: VALKEY, read, estimate: true, note: "Memorystore for Valkey smallest node (1.4 GB); not confirmed" },
    { id: "gcp.valkey.standard-small", usd: 0.146, unit: "node-hour", source: VALKEY, read, estimate: true, note: "not confirmed" },
    { id: "gcp.valkey.highmem-medium", usd: 0.222, unit: "node-hour", source: VALKEY, read, estimate: true, note: "not confirmed" },
    { id: "gcp.valkey.highmem-xlarge", usd: 0.888, unit: "node-hour", source: VALKEY, read, estimate: true, note: "not confirmed" },
    { id: "gcp.firestore.enterprise.storage-gib-month", usd: 0.24, unit: "GiB-month", source: FIRESTORE, read, estimate: true, note: "Firestore Enterprise edition (MongoDB compatibility); recalled, not confirmed" },
    { id: "gcp.firestore.enterprise.read-million", usd: 0.05, unit: "million read units", source: FIRESTORE, read, estimate: true, note: "a read unit is 4 KiB read; recalled, not confirmed" },
    { id: "gcp.firestore.enterprise.write-million", usd: 0.26, unit: "million write units", source: FIRESTORE, read, estimate: true, note: "a write unit is 1 KiB written; recalled, not confirmed" },
    { id: "gcp.lb.forwarding-rule-hour", usd: 0.025, unit: "forwarding rule-hour", source: LB, read, estimate: true, note: "the first 5 forwarding rules of a project together" },
    { id: "gcp.lb.extra-forwarding-rule-hour", usd: 0.01, unit: "forwarding rule-hour", source: LB, read, estimate: true, note: "each forwarding rule after the first 5 of a project" },
    { id: "gcp.lb.data-gb", usd: 0.008, unit: "GB processed", source: LB, read, estimate: true },
    { id: "gcp.artifactregistry.gb-month", usd: 0.1, unit: "GB-month", source: "https://cloud.google.com/artifact-registry/pricing", read, note: "the first 0.5 GB a month is free" },
    { id: "gcp.secretmanager.version-month", usd: 0.06, unit: "active secret version-month", source: "https://cloud.google.com/secret-manager/pricing", read },
    {
        id: "gcp.cloudbuild.build-minute",
        usd: 0.006,
        unit: "build-minute",
        source: "https://cloud.google.com/build/pricing",
        read,
        estimate: true,
        note: "e2-standard-2; 2,500 free minutes a month per billing account are not deducted",
    },
    {
        id: "gcp.vpcaccess.e2-micro-hour",
        usd: 0.0084,
        unit: "instance-hour",
        source: "https://cloud.google.com/vpc/pricing#serverless-vpc-pricing",
        read,
        estimate: true,
        note: "a Serverless VPC Access connector runs at least 2 e2-micro instances",
    },
    { id: "gcp.nat.hour", usd: 0.0014, unit: "VM-hour", source: "https://cloud.google.com/nat/pricing", read, estimate: true, note: "Cloud NAT per instance using it, counting one" },
    { id: "gcp.nat.gb", usd: 0.045, unit: "GB processed", source: "https://cloud.google.com/nat/pricing", read, estimate: true },
    { id: "gcp.storage.standard-gb-month", usd: 0.02, unit: "GB-month", source: "https://cloud.google.com/storage/pricing", read, estimate: true, note: "Standard storage, us-central1" },
    { id: "gcp.logging.ingest-gb", usd: 0.5, unit: "GiB ingested", source: "https://cloud.google.com/stackdriver/pricing", read, note: "the first 50 GiB a month per project are free" },
]);

export const GCP_USAGE = {
    /** Requests a month to a service that scales to zero. */
    requestsPerMonth: 100_000,
    /** Active time per request of a service that scales to zero. */
    secondsPerRequest: 0.2,
    /** Data through the load balancer a month. */
    lbGb: 10,
    /** A Firestore (MongoDB) database's data, and the read and write units it uses a month (a small app). */
    firestoreGib: 1,
    firestoreReadMillions: 10,
    firestoreWriteMillions: 2,
    /** Data through Cloud NAT a month. */
    natGb: 10,
    /** Data kept in the project's named volumes (the volume bucket). */
    volumeGb: 10,
    /** Build sources kept in the build bucket. */
    buildBucketGb: 1,
    /** Image storage per repository. */
    imageGb: 1,
    /** Build minutes a month per service built from source. */
    buildMinutes: 60,
};
