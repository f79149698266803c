/**
 * schema.json is generated from the components' TypeScript (`make schema`) and committed: it must
 * be what the generator makes of the code now, and name exactly the components the plugin serves.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { COMPONENTS } from "../../provider/src/plugin/components";
import { isEnumType, localTypeToken, PackageSchema, TypeSpec } from "../../provider/src/plugin/package-schema";
import { generateSchema, schemaText } from "../../provider/src/plugin/schema/generate";
import { REPO_ROOT } from "../support/corpus";

describe("schema.json and the code", function () {
    const committedText = fs.readFileSync(path.join(REPO_ROOT, "schema.json"), "utf8");
    const committed = JSON.parse(committedText) as PackageSchema;
    let generated: PackageSchema;

    before(function () {
        generated = generateSchema(REPO_ROOT);
    });

    it("is what `make schema` generates from the components now", function () {
        // Compared as objects first, for a readable diff; then as text, so formatting is generated too.
        assert.deepStrictEqual(committed, generated, "schema.json is out of date with the components: run `make schema` and commit it");
        assert.strictEqual(committedText, schemaText(generated));
    });

    it("has a component for every token, and a token for every component", function () {
        assert.deepStrictEqual(Object.keys(committed.resources).sort(), Object.keys(COMPONENTS).sort());
        for (const token of Object.keys(committed.resources)) assert.strictEqual(committed.resources[token].isComponent, true, token);
    });

    it("refers only to types it defines", function () {
        const refs: string[] = [];
        const collect = (s: TypeSpec | undefined): void => {
            if (!s) return;
            if (s.$ref) refs.push(s.$ref);
            collect(s.items);
            collect(s.additionalProperties);
            s.oneOf?.forEach(collect);
        };
        for (const r of Object.values(committed.resources)) [...Object.values(r.inputProperties), ...Object.values(r.properties)].forEach(collect);
        for (const t of Object.values(committed.types)) if (!isEnumType(t)) Object.values(t.properties).forEach(collect);
        for (const ref of refs) {
            const token = localTypeToken(ref);
            if (token) assert.ok(committed.types[token], `${ref} is defined`);
            else assert.strictEqual(ref, "pulumi.json#/Any");
        }
    });

    it("describes every component, input and output, from the TSDoc", function () {
        for (const [token, r] of Object.entries(committed.resources)) {
            assert.ok(r.description, `${token} has a description`);
            for (const [k, p] of Object.entries(r.inputProperties)) assert.ok(p.description, `${token} input ${k} has a description`);
            for (const [k, p] of Object.entries(r.properties)) assert.ok(p.description, `${token} output ${k} has a description`);
        }
        const port = committed.types["defang:index:Port"];
        assert.ok(!isEnumType(port));
        assert.match(port.properties.target.description ?? "", /The container port/);
        assert.match(port.properties.mode.description ?? "", /Default: "ingress"/);
    });

    it("makes enums of the fields that are one of a set", function () {
        const enumValues = (token: string) => {
            const t = committed.types[token];
            return t && isEnumType(t) ? t.enum.map((e) => e.value) : undefined;
        };
        assert.deepStrictEqual(enumValues("defang:index:CloudName"), ["aws", "gcp", "digitalocean"]);
        assert.deepStrictEqual(enumValues("defang:index:PortMode"), ["ingress", "host"]);
        assert.deepStrictEqual(enumValues("defang:index:PortProtocol"), ["tcp", "udp"]);
        assert.deepStrictEqual(enumValues("defang:index:InfrastructureOptionsNat"), ["none", "single", "per-az"]);
        assert.deepStrictEqual(enumValues("defang:index:AppProtocol")?.sort(), ["grpc", "http", "http2", "tcp"]);
        assert.deepStrictEqual(enumValues("defang:index:Platform"), ["linux/amd64", "linux/arm64"]);
        for (const token of Object.keys(committed.resources)) {
            assert.strictEqual(committed.resources[token].inputProperties.cloud.$ref, "#/types/defang:index:CloudName", token);
            assert.strictEqual(committed.resources[token].inputProperties.provider.$ref, "#/types/defang:index:CloudName", token);
            assert.strictEqual(committed.resources[token].inputProperties.provider.deprecationMessage, "use `cloud`", token);
        }
    });

    it("marks secret outputs secret, and the values a program may compute take outputs of other resources", function () {
        const secrets = Object.entries(committed.resources).flatMap(([token, r]) =>
            Object.entries(r.properties)
                .filter(([, p]) => p.secret)
                .map(([k]) => `${token}.${k}`),
        );
        assert.deepStrictEqual(secrets.sort(), [
            "defang:index:DefangMongo.password",
            "defang:index:DefangMongo.url",
            "defang:index:DefangPostgres.password",
            "defang:index:DefangPostgres.url",
            "defang:index:DefangRedis.url",
        ]);
        const takesOutputs: string[] = [];
        for (const [token, t] of Object.entries(committed.types)) if (!isEnumType(t)) for (const [k, p] of Object.entries(t.properties)) if (!p.plain) takesOutputs.push(`${token}.${k}`);
        for (const [token, r] of Object.entries(committed.resources)) for (const [k, p] of Object.entries(r.inputProperties)) if (!p.plain) takesOutputs.push(`${token}.${k}`);
        assert.deepStrictEqual(takesOutputs.sort(), [
            "defang:index:Build.args",
            "defang:index:DefangLLM.command",
            "defang:index:DefangLLM.domainname",
            "defang:index:DefangLLM.image",
            "defang:index:DefangMongo.image",
            "defang:index:DefangPostgres.image",
            "defang:index:DefangRedis.image",
            "defang:index:DefangService.command",
            "defang:index:DefangService.domainname",
            "defang:index:DefangService.image",
            "defang:index:Deploy.replicas",
            "defang:index:EnvironmentVariable.value",
            "defang:index:ResourceSize.cpu",
            "defang:index:ResourceSize.cpus",
            "defang:index:ResourceSize.memory",
        ]);
    });
});
