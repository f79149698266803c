/**
 * Managed MongoDB in the model and the verdict (no SDK, no resources): what `x-defang-mongodb` reads
 * from the mongo image's environment, what each cloud refuses (with positions), and how a
 * `mongodb://<name>` reference is rewritten to a managed endpoint.
 */
import { strict as assert } from "assert";
import { projectVerdict } from "../../provider/src/clouds/verdict";
import { DOCDB_VERSIONS, docdbVersion } from "../../provider/src/clouds/aws/data/docdb-versions";
import { MongoEndpoint, mongoReferences, mongoRewriteAddsSecret, rewriteMongoReferences } from "../../provider/src/clouds/mongo-references";
import { loadProject } from "../../provider/src/compose/load";
import { projectFromCompose } from "../../provider/src/model/from-compose";
import { MongoModel } from "../../provider/src/model/types";
import { memFiles, memPath } from "../support/memfs";

function load(yaml: string, validate = false) {
    return loadProject({ ...memFiles({ "compose.yaml": yaml }), files: [memPath("compose.yaml")], validate });
}
function model(yaml: string) {
    const r = load(yaml);
    return projectFromCompose(r.project, { workingDir: r.workingDir, locator: r.locator });
}

describe("managed MongoDB in the model", function () {
    it("reads version, user, password key, database and replicas from the mongo service, and orders it before its users", function () {
        const m = model(`
services:
  app: { image: app, depends_on: [docs], environment: { MONGODB_URI: "mongodb://docs:27017/notes" } }
  docs:
    image: mongo:7.0-jammy
    x-defang-mongodb: true
    deploy: { replicas: 2 }
    volumes: [data:/data/db]
    environment: { MONGO_INITDB_ROOT_USERNAME: notesadmin, MONGO_INITDB_ROOT_PASSWORD: null, MONGO_INITDB_DATABASE: notes }
volumes: { data: }
`);
        assert.deepEqual(
            m.components.map((c) => `${c.name}:${c.kind}`),
            ["docs:mongo", "app:service"],
        );
        const docs = m.components[0] as MongoModel;
        assert.equal(docs.version, "7.0");
        assert.equal(docs.user, "notesadmin");
        assert.equal(docs.database, "notes");
        assert.equal(docs.replicas, 2);
        assert.deepEqual(docs.password, { kind: "config", key: "MONGO_INITDB_ROOT_PASSWORD" });
        assert.deepEqual(docs.features, [], "the data directory's volume is the managed database's own storage, not a feature to refuse");
        assert.deepEqual(m.configKeys, ["MONGO_INITDB_ROOT_PASSWORD"]);
    });

    it("defaults to the user mongo, the database test and a generated password", function () {
        const docs = model(`services: { db: { image: mongo, x-defang-mongodb: true } }`).components[0] as MongoModel;
        assert.equal(docs.user, "mongo");
        assert.equal(docs.database, "test");
        assert.deepEqual(docs.password, { kind: "generated" });
        assert.equal(docs.version, undefined);
    });

    it("warns of no lost data for the managed service's volume, and of a non-mongo image under x-defang-mongodb", function () {
        const r = load(
            `
services:
  db: { image: postgres:16, x-defang-mongodb: true, volumes: [data:/data/db] }
volumes: { data: }
`,
            true,
        );
        const codes = r.warnings.map((w) => w.code);
        assert.ok(codes.includes("managed-mongodb-image"), codes.join(", "));
        assert.ok(!codes.includes("volume-not-persisted"), codes.join(", "));
        assert.ok(!codes.includes("unmanaged-database"), codes.join(", "));
    });
});

describe("managed MongoDB in the verdict", function () {
    it("each cloud refuses the versions it does not offer, by name, at the image's position", function () {
        const m = model(`
services:
  old:
    image: mongo:3.6
    x-defang-mongodb: true
`);
        const v = projectVerdict(m.components, ["aws", "gcp", "digitalocean"], m.locate);
        const refused = (cloud: string) => v.clouds.find((c) => c.cloud === cloud)!.refused;
        assert.deepEqual(
            refused("aws").map((f) => [f.service, f.field, f.message]),
            [["old", "image", "MongoDB 3.6 is not offered by Amazon DocumentDB (it is compatible with MongoDB 4.0, 5.0 and 8.0, which also serves 6.0 and 7.0 applications)"]],
        );
        assert.deepEqual(
            refused("gcp").map((f) => f.message),
            ["MongoDB 3.6 is older than Firestore with MongoDB compatibility serves"],
        );
        assert.deepEqual(
            refused("digitalocean").map((f) => f.message),
            ["MongoDB 3.6 is not offered as a managed database"],
        );
    });

    it("refuses a password written as a template, and a user name from config, with their positions", function () {
        const m = model(`
services:
  db:
    image: mongo:8
    x-defang-mongodb: true
    environment:
      MONGO_INITDB_ROOT_USERNAME: \${DB_USER}
      MONGO_INITDB_ROOT_PASSWORD: "pw-\${DB_PW}"
`);
        const aws = projectVerdict(m.components, ["aws"], m.locate).clouds[0].refused;
        assert.deepEqual(
            aws.map((f) => [f.field, f.message, f.location?.line]),
            [
                ["environment.MONGO_INITDB_ROOT_USERNAME", "MONGO_INITDB_ROOT_USERNAME must be written in the file: the user name is not a secret", 7],
                ["environment.MONGO_INITDB_ROOT_PASSWORD", "MONGO_INITDB_ROOT_PASSWORD must be a single config value", 8],
            ],
        );
    });

    it("AWS refuses a DocumentDB reserved user name; DigitalOcean refuses more than 3 nodes", function () {
        const m = model(`
services:
  db:
    image: mongo:8
    x-defang-mongodb: true
    deploy: { replicas: 4 }
    environment: { MONGO_INITDB_ROOT_USERNAME: admin }
`);
        const v = projectVerdict(m.components, ["aws", "digitalocean"], m.locate);
        assert.deepEqual(
            v.clouds[0].refused.map((f) => f.field),
            ["environment.MONGO_INITDB_ROOT_USERNAME"],
        );
        assert.deepEqual(
            v.clouds[1].refused.map((f) => [f.field, f.message]),
            [["deploy.replicas", "4 nodes is more than the 3 a managed MongoDB cluster can have"]],
        );
    });

    it("maps MongoDB 6 and 7 to DocumentDB 8.0, 4 and 5 to their own, no tag to the newest", function () {
        assert.deepEqual(Object.fromEntries(Object.entries(DOCDB_VERSIONS).map(([k, v]) => [k, v.engineVersion])), { "4": "4.0.0", "5": "5.0.0", "6": "8.0.0", "7": "8.0.0", "8": "8.0.0" });
        assert.equal(docdbVersion("db", undefined).engineVersion, "8.0.0");
        assert.equal(docdbVersion("db", "5.0.28").family, "docdb5.0");
        assert.throws(() => docdbVersion("db", "9"), /MongoDB 9 is not offered by Amazon DocumentDB/);
    });
});

describe("rewriting references to a managed MongoDB", function () {
    const endpoint: MongoEndpoint = {
        scheme: "mongodb",
        host: "db.example.internal",
        port: 27017,
        user: "app",
        password: "p@ss/w:rd",
        options: [
            ["tls", "true"],
            ["retryWrites", "false"],
        ],
    };
    const targets = new Map([["mongo", endpoint]]);

    it("gives a URL the endpoint, the encoded credentials (replacing any written) and the required options the URL does not set", function () {
        assert.equal(rewriteMongoReferences("mongodb://mongo:27017/notes", targets), "mongodb://app:p%40ss%2Fw%3Ard@db.example.internal:27017/notes?tls=true&retryWrites=false");
        assert.equal(
            rewriteMongoReferences("mongodb://root:example@mongo/notes?retryWrites=true&w=majority", targets),
            "mongodb://app:p%40ss%2Fw%3Ard@db.example.internal:27017/notes?retryWrites=true&w=majority&tls=true",
        );
        assert.equal(rewriteMongoReferences("mongodb://mongo", targets), "mongodb://app:p%40ss%2Fw%3Ard@db.example.internal:27017/?tls=true&retryWrites=false");
    });

    it("gives a bare name the host and name:port host:port, and leaves other names alone", function () {
        assert.equal(rewriteMongoReferences("mongo", targets), "db.example.internal");
        assert.equal(rewriteMongoReferences("mongo:27017", targets), "db.example.internal:27017");
        assert.equal(rewriteMongoReferences("mongodb://mongo-2:27017/x", targets), "mongodb://mongo-2:27017/x");
        assert.equal(rewriteMongoReferences("my-mongo", targets), "my-mongo");
        assert.deepEqual(mongoReferences("mongodb://mongo-2:27017/x", ["mongo"]), []);
    });

    it("drops the port for a DNS seed list (mongodb+srv)", function () {
        const srv = new Map([["mongo", { ...endpoint, scheme: "mongodb+srv" as const }]]);
        assert.equal(rewriteMongoReferences("mongodb://mongo:27017/notes", srv), "mongodb+srv://app:p%40ss%2Fw%3Ard@db.example.internal/notes?tls=true&retryWrites=false");
    });

    it("says a URL gains a secret, a bare host does not", function () {
        assert.equal(mongoRewriteAddsSecret("mongodb://mongo:27017/notes", ["mongo"]), true);
        assert.equal(mongoRewriteAddsSecret("mongo", ["mongo"]), false);
    });
});
