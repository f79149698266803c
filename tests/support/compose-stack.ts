/**
 * One compose file as a `DefangProject` on one cloud, under mocks: the registrations it made (or
 * the error it threw, with nothing registered), and the warnings it logged.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { DefangProject } from "../../provider/src/components/defang-project";
import { CloudName } from "../../provider/src/model/types";
import { MockRecorder, Registration, setConfig } from "./pulumi-mocks";

/** Stack config each cloud needs besides `defang:provider`. */
export const CLOUD_CONFIG: Record<CloudName, Record<string, string>> = {
    aws: {},
    gcp: { "gcp:project": "ports-project", "gcp:region": "us-central1" },
    digitalocean: {},
};

export interface ComposeStack {
    registrations: Registration[];
    project?: DefangProject;
    error?: Error;
    warnings: string[];
}

/** Deploys `yaml` (written to a temporary compose.yaml) on `cloud`; `config` adds stack config (sensitive keys are set as secrets). */
export async function composeStack(recorder: MockRecorder, cloud: CloudName, yaml: string, config: Record<string, string> = {}): Promise<ComposeStack> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ports-${cloud}-`));
    const file = path.join(dir, "compose.yaml");
    fs.writeFileSync(file, yaml);
    setConfig({ "defang:provider": cloud, ...CLOUD_CONFIG[cloud], ...config }, Object.keys(config));
    recorder.reset();
    const warnings: string[] = [];
    const warn = pulumi.log.warn;
    pulumi.log.warn = (message: string) => {
        warnings.push(message);
        return Promise.resolve();
    };
    const out: ComposeStack = { registrations: [], warnings };
    try {
        out.project = new DefangProject("ports", { composeFile: file });
    } catch (e) {
        out.error = e as Error;
    } finally {
        pulumi.log.warn = warn;
        fs.rmSync(dir, { recursive: true, force: true });
    }
    out.registrations = await recorder.settle();
    return out;
}

/** The compose files every cloud's port tests deploy, by what they show. */
export const PORTS_COMPOSE = {
    /** A postgres image reachable on 5432 by the project's services only, and an app that uses it. */
    exposeOnly: `name: ports
services:
  db:
    image: postgres:17
    expose: ["5432"]
    environment: { POSTGRES_PASSWORD: example }
  app:
    image: my/app:1
    ports: ["80:8080"]
    environment: { DATABASE_URL: "postgres://postgres:example@db:5432/postgres" }
    depends_on: [db]
`,
    /** A port bound to a loopback or private address. */
    hostIp: (address: string) => `name: ports
services:
  db:
    image: postgres:17
    ports: ["${address}:5432:5432"]
`,
    /** A web service whose container port 8080 is published on 80. */
    published: `name: ports
services:
  web:
    image: nginx:1.27
    ports: ["80:8080"]
`,
    /** Two services published on 80, told apart by their domain names. */
    twoDomains: `name: ports
services:
  shop:
    image: shop:1
    ports: ["80:3000"]
    domainname: shop.example.com
  blog:
    image: blog:1
    ports: ["80:4000"]
    domainname: blog.example.com
`,
    /** Two services published on 80 without domain names. */
    twoWithoutDomains: `name: ports
services:
  shop:
    image: shop:1
    ports: ["80:3000"]
  blog:
    image: blog:1
    ports: ["80:4000"]
`,
    /** A postgres image public on 5432. */
    publicDatabase: `name: ports
services:
  db:
    image: postgres:17
    ports: ["5432:5432"]
`,
    /** A DNS server on a public UDP port. */
    udp: `name: ports
services:
  dns:
    image: coredns/coredns:1.11
    ports: ["53:53/udp"]
`,
    /** A gRPC service. */
    grpc: `name: ports
services:
  api:
    image: api:1
    domainname: api.example.com
    ports:
      - { target: 50051, published: 443, app_protocol: grpc }
`,
};
