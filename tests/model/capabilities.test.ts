import { strict as assert } from "assert";
import { loadProject } from "../../provider/src/compose/load";
import { cloudVerdict } from "../../provider/src/clouds/verdict";
import { unsupportedFeatures } from "../../provider/src/model/capabilities";
import { UnsupportedFeaturesError } from "../../provider/src/model/errors";
import { projectFromCompose } from "../../provider/src/model/from-compose";
import { memFiles, memPath } from "../support/memfs";

function model(yaml: string) {
    const r = loadProject({ ...memFiles({ "compose.yaml": yaml }), files: [memPath("compose.yaml")], validate: false });
    return projectFromCompose(r.project, { workingDir: r.workingDir, locator: r.locator });
}

describe("capability check", function () {
    const m = model(`
services:
  proxy:
    image: traefik
    volumes: ["/var/run/docker.sock:/var/run/docker.sock:ro"]
    ports: ["80:80"]
  agent:
    image: agent
    network_mode: host
    privileged: true
  big:
    image: big
    deploy: { resources: { reservations: { cpus: "32", memory: 256G } } }
  fine: { image: nginx, ports: ["8080"], volumes: [data:/data] }
volumes: { data: {} }
`);

    it("lists every unsupported feature of the project at once, with file, line, service, field and fix", function () {
        const error = new UnsupportedFeaturesError("aws", cloudVerdict(m.components, "aws", m.locate).refused);
        assert.deepEqual(
            error.features.map((f) => `${f.service}.${f.field}`),
            ["agent.network_mode", "agent.privileged", "big.deploy.resources.reservations.cpus", "big.deploy.resources.reservations.memory", "proxy.volumes[0]"],
        );
        assert.match(error.message, /^5 features are not supported on AWS; nothing was created:/);
        assert.match(error.message, /compose\.yaml:9:\d+: service "agent", network_mode: host networking/);
        assert.match(error.message, /fix: remove this volume/);
    });

    it("accepts what only degrades (a volume that starts empty) and a project without refused features", function () {
        assert.deepEqual(
            unsupportedFeatures(
                m.components.filter((c) => c.name === "fine"),
                "aws",
            ),
            [],
        );
    });

    it("refuses two services without a domain name on the same ingress port (AWS shares one load balancer)", function () {
        const two = model(`services:\n  a: { image: a, ports: ["8080"] }\n  b: { image: b, ports: ["8080"] }\n  c: { image: c, ports: ["8080"], domainname: c.example.com }\n`);
        const features = unsupportedFeatures(two.components, "aws", two.locate);
        // c is told apart by its domain name; a takes the rest of the port.
        assert.deepEqual(
            features.map((f) => `${f.service}.${f.field}`),
            ["b.ports[0]"],
        );
        assert.match(features[0].message, /public port 8080 is also the public port of "a", and the load balancer can tell them apart only by their domain names/);
        assert.equal(features[0].location?.line, 3);
        assert.deepEqual(unsupportedFeatures(two.components, "gcp"), []);
    });

    it("reads a cache's nodes from deploy.replicas and refuses more than the cloud's managed cache can have", function () {
        const cache = model(`services:\n  cache: { image: redis:7, x-defang-redis: true, deploy: { replicas: 4 } }\n`);
        assert.equal((cache.components[0] as { replicas: number }).replicas, 4);
        assert.deepEqual(unsupportedFeatures(cache.components, "aws"), []);
        const refused = unsupportedFeatures(cache.components, "digitalocean");
        assert.deepEqual(
            refused.map((f) => f.field),
            ["deploy.replicas"],
        );
        assert.match(refused[0].hint, /at most 3/);
    });

    it("applies each cloud's own limits", function () {
        const mid = model(`services:\n  mid: { image: x, deploy: { resources: { reservations: { cpus: "12" } } } }\n`);
        assert.equal(unsupportedFeatures(mid.components, "aws").length, 0);
        assert.equal(unsupportedFeatures(mid.components, "gcp").length, 1);
    });
});
