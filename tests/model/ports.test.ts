/**
 * Ports in the model: `published` kept as the public port (from compose and from the SDK alike),
 * `expose` and private host addresses as private ports, what a port carries, published ranges
 * refused on every cloud.
 */
import { strict as assert } from "assert";
import { loadProject } from "../../provider/src/compose/load";
import { unsupportedFeatures } from "../../provider/src/model/capabilities";
import { serviceFromArgs } from "../../provider/src/components/model-from-args";
import { componentFromCompose, projectFromCompose } from "../../provider/src/model/from-compose";
import { hostAddressReach, portTraffic } from "../../provider/src/model/ports";
import { CLOUD_NAMES, ServiceModel } from "../../provider/src/model/types";
import { memFiles, memPath, MEM_ROOT } from "../support/memfs";

function project(yaml: string) {
    const r = loadProject({ ...memFiles({ "compose.yaml": yaml }), files: [memPath("compose.yaml")], validate: false });
    return projectFromCompose(r.project, { workingDir: r.workingDir, locator: r.locator });
}
const service = (yaml: string, name: string) => project(yaml).components.find((c) => c.name === name) as ServiceModel;

describe("ports in the model", function () {
    it("keeps the published port, the same from the SDK's PortArgs as from compose", function () {
        const fromArgs = serviceFromArgs(
            "web",
            {
                image: "nginx:1.27",
                ports: [
                    { target: 8080, published: 80 },
                    { target: 9090, mode: "host" },
                ],
            },
            "DefangService",
            MEM_ROOT,
        );
        const r = loadProject({
            ...memFiles({ "compose.yaml": `services:\n  web:\n    image: nginx:1.27\n    ports: ["80:8080", { target: 9090, mode: host }]\n` }),
            files: [memPath("compose.yaml")],
            validate: false,
            normalize: false,
        });
        const fromCompose = componentFromCompose("web", r.project.services.web, MEM_ROOT) as ServiceModel;
        assert.deepEqual(fromArgs.ports, fromCompose.ports);
        assert.deepEqual(fromArgs.ports, [
            { target: 8080, mode: "ingress", protocol: "tcp", published: 80, field: ["ports", 0] },
            { target: 9090, mode: "host", protocol: "tcp", field: ["ports", 1] },
        ]);
    });

    it("reads expose as private ports, one per container port, after the ports already listed", function () {
        const s = service(`services:\n  svc:\n    image: x\n    ports: ["8080"]\n    expose: ["8080", "9000-9001", "53/udp"]\n`, "svc");
        assert.deepEqual(s.ports, [
            { target: 8080, mode: "ingress", protocol: "tcp", field: ["ports", 0] },
            { target: 9000, mode: "host", protocol: "tcp", field: ["expose", 1] },
            { target: 9001, mode: "host", protocol: "tcp", field: ["expose", 1] },
            { target: 53, mode: "host", protocol: "udp", field: ["expose", 2] },
        ]);
    });

    it("makes a port bound to a loopback or private address private; 0.0.0.0, :: and public addresses stay public", function () {
        const s = service(
            `services:\n  svc:\n    image: x\n    ports: ["127.0.0.1:5432:5432", "[::1]:6379:6379", "10.1.2.3:81:81", "172.16.0.1:82:82", "192.168.0.1:83:83", "[fd12::1]:84:84", "0.0.0.0:85:85", "[::]:86:86", "203.0.113.7:87:87", "172.32.0.1:88:88"]\n`,
            "svc",
        );
        assert.deepEqual(
            s.ports.map((p) => `${p.hostIp} ${p.mode}`),
            ["127.0.0.1 host", "::1 host", "10.1.2.3 host", "172.16.0.1 host", "192.168.0.1 host", "fd12::1 host", "0.0.0.0 ingress", ":: ingress", "203.0.113.7 ingress", "172.32.0.1 ingress"],
        );
        assert.deepEqual(["127.0.0.2", "169.254.1.1", "::ffff:10.0.0.1", "8.8.8.8", "2001:db8::1"].map(hostAddressReach), ["private", "private", "private", "public", "public"]);
    });

    it("judges what a port carries: UDP, plain TCP by app_protocol or a usual non-HTTP port, else HTTP", function () {
        const carries = (p: Partial<Parameters<typeof portTraffic>[0]>) => portTraffic({ protocol: "tcp", target: 8080, ...p });
        assert.deepEqual(
            [
                carries({}),
                carries({ protocol: "udp" }),
                carries({ target: 5432 }),
                carries({ target: 25565 }),
                carries({ target: 8080, published: 3306 }),
                carries({ target: 5432, appProtocol: "http" }),
                carries({ appProtocol: "grpc" }),
                carries({ appProtocol: "ws" }),
                carries({ appProtocol: "postgresql" }),
            ],
            ["http", "udp", "tcp", "tcp", "tcp", "http", "http", "http", "tcp"],
        );
    });

    it("refuses a published range on every cloud, at its published field", function () {
        const p = project(`services:\n  web:\n    image: nginx:1.27\n    ports: ["8000-8010:80"]\n`);
        const web = p.components[0] as ServiceModel;
        assert.deepEqual(web.ports, [{ target: 80, mode: "ingress", protocol: "tcp", publishedRange: "8000-8010", field: ["ports", 0] }]);
        for (const cloud of CLOUD_NAMES) {
            const refused = unsupportedFeatures(p.components, cloud, p.locate);
            assert.deepEqual(
                refused.map((f) => `${f.field}:${f.location?.line}`),
                ["ports[0].published:4"],
                cloud,
            );
            assert.match(refused[0].message, /a published port range .* cannot be given to a load balancer \(ports 8000-8010\)/);
            assert.match(refused[0].hint, /publish one port/);
        }
        // A range that pairs up one to one is one port each.
        assert.deepEqual(
            service(`services:\n  web:\n    image: x\n    ports: ["8000-8001:8000-8001"]\n`, "web").ports.map((q) => q.published),
            [8000, 8001],
        );
    });
});
