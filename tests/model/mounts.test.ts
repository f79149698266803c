/**
 * Volumes in the model: named volumes (short and long syntax, `read_only`, `volume.subpath`,
 * `volume.nocopy`), anonymous volumes and tmpfs as mounts; bind mounts, external volumes, volume
 * drivers and other mount types refused on every cloud with their positions; named volumes refused
 * on DigitalOcean only, by a message that names the alternative; the warnings for a database's data
 * directory on a network volume and for concurrent writers on Cloud Storage.
 */
import { strict as assert } from "assert";
import { loadProject } from "../../provider/src/compose/load";
import { unsupportedFeatures } from "../../provider/src/model/capabilities";
import { projectFromCompose } from "../../provider/src/model/from-compose";
import { numericUser } from "../../provider/src/model/mounts";
import { tableWarnings } from "../../provider/src/model/translation/warnings";
import { CloudName, ServiceModel } from "../../provider/src/model/types";
import { memFiles, memPath } from "../support/memfs";

function load(yaml: string) {
    const r = loadProject({ ...memFiles({ "compose.yaml": yaml }), files: [memPath("compose.yaml")], validate: false });
    return { project: r.project, model: projectFromCompose(r.project, { workingDir: r.workingDir, locator: r.locator }) };
}
const service = (yaml: string, name: string) => load(yaml).model.components.find((c) => c.name === name) as ServiceModel;
function refusals(yaml: string, cloud: CloudName): string[] {
    const { model } = load(yaml);
    return unsupportedFeatures(model.components, cloud, model.locate).map((f) => `${f.location?.line}:${f.location?.column} ${f.service} ${f.field}: ${f.message}`);
}
function warnings(yaml: string, cloud: CloudName): string[] {
    const { project, model } = load(yaml);
    return tableWarnings(project, model, [cloud]).map((d) => `${d.service} ${d.field}: ${d.message}`);
}

const APP = `services:
  app:
    image: ghcr.io/acme/app:1
    user: "1000:2000"
    volumes:
      - uploads:/srv/uploads
      - type: volume
        source: cache
        target: /srv/cache
        read_only: true
        volume: { subpath: "thumbs/", nocopy: true }
      - /var/scratch
      - type: tmpfs
        target: /tmp/work
        tmpfs: { size: 64m }
    tmpfs: ["/run:size=1m"]
volumes:
  uploads: {}
  cache: {}
`;

describe("volumes in the model", function () {
    it("reads named volumes and tmpfs as mounts, with read_only and subpath, and leaves anonymous volumes to the container's file system", function () {
        const s = service(APP, "app");
        assert.deepEqual(s.mounts, [
            { kind: "volume", volume: "uploads", target: "/srv/uploads", readOnly: false, field: ["volumes", 0] },
            { kind: "volume", volume: "cache", target: "/srv/cache", readOnly: true, subpath: "thumbs", field: ["volumes", 1] },
            { kind: "memory", target: "/tmp/work", sizeBytes: 64 * 1024 * 1024, field: ["volumes", 3] },
            { kind: "memory", target: "/run", sizeBytes: 1024 * 1024, field: ["tmpfs", 0] },
        ]);
    });

    it("runs them on AWS and Google Cloud, and refuses the named volumes on DigitalOcean, naming the alternative", function () {
        assert.deepEqual(refusals(APP, "aws"), []);
        assert.deepEqual(refusals(APP, "gcp"), []);
        const text = "App Platform has no volumes: the files of a named volume would not be kept across restarts or shared between services";
        assert.deepEqual(
            refusals(APP, "digitalocean").filter((l) => l.includes("volumes[")),
            [`6:9 app volumes[0]: ${text} (uploads:/srv/uploads)`, `7:9 app volumes[1]: ${text} (cache:/srv/cache)`],
        );
        const { model } = load(APP);
        const hint = unsupportedFeatures(model.components, "digitalocean")[0].hint;
        assert.match(hint, /x-defang-postgres/);
        assert.match(hint, /DigitalOcean Spaces/);
        assert.match(hint, /deploy to AWS \(Amazon EFS\) or Google Cloud \(Cloud Storage\)/);
    });

    it("refuses bind mounts, external volumes, volume drivers and image mounts on every cloud, each at its position", function () {
        const yaml = `services:
  web:
    image: nginx:1.27
    volumes:
      - ./site:/usr/share/nginx/html:ro
      - shared:/data
      - nfs:/mnt/nfs
      - hostdir:/mnt/host
      - type: image
        source: alpine
        target: /mnt/image
volumes:
  shared: { external: true }
  nfs: { driver_opts: { type: nfs, o: "addr=10.0.0.1", device: ":/export" } }
  hostdir: { driver: local, driver_opts: { type: none, o: bind, device: /srv/data } }
`;
        for (const cloud of ["aws", "gcp", "digitalocean"] as const) {
            const lines = refusals(yaml, cloud);
            assert.equal(lines.length, 5, `${cloud}: ${lines.join("\n")}`);
            assert.match(lines[0], /^5:9 web volumes\[0\]: a bind mount shares a directory of the deploying machine, and the cloud's containers run on no host of yours \(\.\/site:\/usr\/share\/nginx\/html\)$/);
            assert.equal(lines[1], "6:9 web volumes[1]: an external volume was created outside the project, and the cloud has no such volume to mount (volume shared)");
            assert.match(lines[2], /^7:9 web volumes\[2\]: a volume driver and its options .* \(volume nfs: driver_opts device, o, type\)$/);
            assert.equal(lines[3], "8:9 web volumes[3]: a bind mount shares a directory of the deploying machine, and the cloud's containers run on no host of yours (volume hostdir binds /srv/data)");
            assert.match(lines[4], /^9:9 web volumes\[4\]: only named volumes, anonymous volumes and tmpfs can be mounted: .* \(type: image\)$/);
        }
    });

    it("does not mount a bind of the service's own build context, with a warning, and refuses one outside it", function () {
        const yaml = `services:\n  app:\n    build: ./app\n    volumes: ["./app:/usr/src/app", "./app/src:/usr/src/app/src", "./application:/x"]\n`;
        for (const cloud of ["aws", "gcp", "digitalocean"] as const) {
            assert.deepEqual(
                refusals(yaml, cloud).filter((l) => l.includes("volumes[")),
                ["4:67 app volumes[2]: a bind mount shares a directory of the deploying machine, and the cloud's containers run on no host of yours (./application:/x)"],
            );
            // One verdict per service and attribute: the warning shows once the refusal is fixed.
            const w = warnings(yaml.replace(', "./application:/x"', ""), cloud).filter((l) => l.includes("build context"));
            assert.equal(w.length, 1, w.join("\n"));
            assert.match(w[0], /^app volumes\[\d\]: this bind mount shares the service's own build context, which is not mounted/);
        }
    });

    it("keeps refusing the Docker socket as the Docker socket", function () {
        const lines = refusals(`services:\n  proxy:\n    image: traefik:3\n    volumes: ["/var/run/docker.sock:/var/run/docker.sock:ro"]\n`, "aws");
        assert.deepEqual(lines, ["4:15 proxy volumes[0]: there is no Docker daemon whose socket could be mounted (/var/run/docker.sock)"]);
    });

    it("warns that a database's data directory on a network volume belongs in the managed service, naming its extension", function () {
        const yaml = `services:\n  db:\n    image: postgres:17\n    volumes: ["pgdata:/var/lib/postgresql/data"]\n  kv:\n    image: mysql:8\n    volumes: ["mydata:/var/lib/mysql"]\nvolumes:\n  pgdata: {}\n  mydata: {}\n`;
        for (const cloud of ["aws", "gcp"] as const) {
            const w = warnings(yaml, cloud).filter((l) => l.includes("image:"));
            assert.equal(w.length, 2, `${cloud}: ${w.join("\n")}`);
            assert.match(
                w[0],
                /^db image: a database's data directory on a network volume is slow and unsafe: .* \(postgres:17 keeps its data in volume pgdata; add `x-defang-postgres: true` for a managed PostgreSQL service\)$/,
            );
            assert.match(w[1], /^kv image: .*\(mysql:8 keeps its data in volume mydata; use a managed MySQL service of the cloud\)$/);
        }
        // A managed database keeps its data in its own storage: no warning, and its volume is not mounted.
        const managed = load(`services:\n  db:\n    image: postgres:17\n    x-defang-postgres: true\n    volumes: ["pgdata:/var/lib/postgresql/data"]\nvolumes:\n  pgdata: {}\n`);
        assert.deepEqual(
            tableWarnings(managed.project, managed.model, ["aws"]).filter((d) => /database/.test(d.message)),
            [],
        );
    });

    it("warns on Google Cloud only when several services or replicas write the same volume", function () {
        const yaml = `services:\n  a:\n    image: x\n    volumes: ["files:/files"]\n  b:\n    image: y\n    deploy: { replicas: 3 }\n    volumes: ["files:/files", "own:/own"]\n  c:\n    image: z\n    volumes: ["files:/files:ro"]\nvolumes:\n  files: {}\n  own: {}\n`;
        const shared = (cloud: CloudName) => warnings(yaml, cloud).filter((l) => l.includes("no file locks"));
        assert.deepEqual(shared("aws"), []);
        const gcp = shared("gcp");
        assert.equal(gcp.length, 2, gcp.join("\n"));
        assert.match(gcp[0], /^a \(service\): .* \(volume files is also written by b\)$/);
        assert.match(gcp[1], /^b \(service\): .* \(volume files is also written by a; volume own is written by 3 replicas\)$/);
    });

    it("warns that a new volume starts without the image's files unless nocopy says so, and that anonymous volumes and tmpfs are not kept", function () {
        const aws = warnings(APP, "aws");
        assert.ok(
            aws.some((l) => /^app volumes\[\d\]: (a new volume starts empty|an anonymous volume is not mounted|Fargate has no tmpfs)/.test(l)),
            aws.join("\n"),
        );
        const anonymous = warnings(`services:\n  app:\n    image: x\n    volumes: ["/app/node_modules"]\n`, "gcp");
        assert.deepEqual(anonymous, [
            "app volumes[0]: an anonymous volume is not mounted: the path stays on the container's own file system, which has the image's files and is lost when the task or instance is replaced (Docker keeps an anonymous volume across `docker compose up`) (/app/node_modules)",
        ]);
        assert.ok(
            aws.some((l) => /^app tmpfs: Fargate has no tmpfs/.test(l)),
            aws.join("\n"),
        );
        const only = warnings(`services:\n  app:\n    image: x\n    volumes: ["data:/data"]\nvolumes:\n  data: {}\n`, "gcp");
        assert.deepEqual(only, ["app volumes[0]: a new volume starts empty: the files the image has at the mount path are not copied into it, as Docker copies them into a new volume (data:/data)"]);
        const nocopy = warnings(`services:\n  app:\n    image: x\n    volumes: ["data:/data:nocopy"]\nvolumes:\n  data: {}\n`, "gcp");
        assert.deepEqual(nocopy, []);
    });

    it("reads a numeric user as uid and gid, and leaves names to the image", function () {
        assert.deepEqual(numericUser("1000"), { uid: 1000, gid: 1000 });
        assert.deepEqual(numericUser("1000:2000"), { uid: 1000, gid: 2000 });
        assert.equal(numericUser("node"), undefined);
        assert.equal(numericUser("node:1000"), undefined);
        assert.equal(numericUser(undefined), undefined);
    });
});
