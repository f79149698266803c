import * as defang from "@defang-io/pulumi-defang";
const db = new defang.DefangPostgres("database", { image: "postgres:18", environment: [{ name: "POSTGRES_PASSWORD" }] });
const app = new defang.DefangService("app", {
    build: { context: "./app", dockerfile: "./app/Dockerfile" },
    ports: [{ mode: "ingress", target: 8080 }],
    environment: [{ name: "NODE_ENV", value: "production" }, { name: "API_KEY" }],
    deploy: { replicas: 2, resources: { reservations: { cpu: "0.5", memory: "512M" } } },
});
export const endpoint = app.endpoints[0];
