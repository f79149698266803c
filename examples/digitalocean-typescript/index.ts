import * as defang from "@defang-io/pulumi-defang";

// A managed PostgreSQL 17 cluster and a managed Valkey cache, each trusting only the App below.
const db = new defang.DefangPostgres("database", { image: "postgres:17", environment: [{ name: "POSTGRES_DB", value: "app" }], deploy: { resources: { reservations: { memory: "1G" } } } });
const cache = new defang.DefangRedis("cache", { image: "valkey/valkey:8" });

// One App Platform App with this service, its image built from ./app and pushed to the account's registry.
const app = new defang.DefangService("app", {
    build: { context: "./app", dockerfile: "Dockerfile" },
    ports: [{ mode: "ingress", target: 8080 }],
    environment: [{ name: "NODE_ENV", value: "production" }, { name: "API_KEY" }, { name: "DATABASE_URL", value: db.url }, { name: "REDIS_URL", value: cache.url }],
    healthcheck: { test: ["CMD", "wget", "-q", "--spider", "http://localhost:8080/"] },
    deploy: { replicas: 2, resources: { reservations: { cpu: "0.5", memory: "512M" } } },
});

export const endpoint = app.endpoints[0];
