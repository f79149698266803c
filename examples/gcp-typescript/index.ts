import * as defang from "@defang-io/pulumi-defang";

// Cloud SQL for PostgreSQL 17 (private IP, TLS required, backups), its password from config.
const db = new defang.DefangPostgres("database", { image: "postgres:17", environment: [{ name: "POSTGRES_PASSWORD" }] });
// Memorystore for Redis 7.2 (private, AUTH and TLS).
const cache = new defang.DefangRedis("cache", { image: "redis:7" });
// Built on Cloud Build from ./app (no local Docker), run on Cloud Run, public.
const app = new defang.DefangService("app", {
    build: { context: "./app", dockerfile: "Dockerfile" },
    ports: [{ mode: "ingress", target: 8080 }],
    environment: [{ name: "NODE_ENV", value: "production" }, { name: "API_KEY" }, { name: "DATABASE_URL", value: db.url }, { name: "REDIS_URL", value: cache.url }],
    healthcheck: { test: ["CMD", "wget", "-q", "--spider", "http://localhost:8080/health"] },
    deploy: { replicas: 2, resources: { reservations: { cpu: "1", memory: "512M" } } },
});
export const endpoint = app.endpoints[0];
