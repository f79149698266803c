/**
 * The Mermaid diagram's edges from one service to another: `depends_on`, and every host written in
 * the environment by the one host grammar the clouds use (`model/host-references.ts`): a URL's
 * host, `name:port`, or the name alone; never a name inside a longer host, a path or a sentence.
 */
import { strict as assert } from "assert";
import { loadProject } from "../../provider/src/compose/load";
import { projectFromCompose } from "../../provider/src/model/from-compose";
import { renderMermaid } from "../../provider/src/plan/render-mermaid";
import { memFiles, memPath } from "../support/memfs";

function edges(yaml: string): string[] {
    const r = loadProject({ ...memFiles({ "compose.yaml": yaml }), files: [memPath("compose.yaml")], validate: false });
    const model = projectFromCompose(r.project, { workingDir: r.workingDir, locator: r.locator });
    return renderMermaid(model, [])
        .split("\n")
        .filter((l) => l.includes("-->") && !l.includes("internet"))
        .map((l) => l.trim());
}

const SERVICES = `
  db: { image: postgres:17, ports: ["5432"] }
  cache: { image: redis:7, ports: ["6379"] }
  search: { image: opensearchproject/opensearch:2, ports: ["9200"] }
  mail: { image: axllent/mailpit, ports: ["1025"] }
`;

describe("plan --format mermaid: who reaches whom", function () {
    it("draws an edge for each host written as a URL, as name:port, or alone", function () {
        const lines = edges(`
services:
  app:
    image: nginx
    environment:
      DATABASE_URL: postgres://u:pw@db:5432/app
      REDIS_ADDR: cache:6379
      SEARCH_HOST: search
${SERVICES}`);
        assert.deepEqual(lines.sort(), [`n_app -->|"5432"| n_db`, `n_app -->|"6379"| n_cache`, `n_app -->|"9200"| n_search`].sort());
    });

    it("draws none for a name inside a longer host, in a path, or in a sentence", function () {
        const lines = edges(`
services:
  app:
    image: nginx
    environment:
      OTHER: http://db2.example.com/db
      NOTE: the cache is warm
      MAILER: mail.example.com:25
${SERVICES}`);
        assert.deepEqual(lines, []);
    });

    it("draws depends_on once, even when the environment names the same service", function () {
        const lines = edges(`
services:
  app:
    image: nginx
    depends_on: [db]
    environment:
      DATABASE_URL: postgres://db:5432/app
${SERVICES}`);
        assert.deepEqual(lines, [`n_app -->|"5432"| n_db`]);
    });
});
