import * as assert from "assert";
import { canonicalPorts, PortError } from "../../provider/src/compose/canonical/ports";
import { splitShellWords, ShellWordsError } from "../../provider/src/compose/canonical/shellwords";
import { canonicalBytes, canonicalDuration, formatDuration, parseCpus, parseDuration, UnitError } from "../../provider/src/compose/canonical/units";
import { canonicalVolume, VolumeError } from "../../provider/src/compose/canonical/volumes";

describe("sizes", function () {
    it("reads binary multiples in every spelling", function () {
        for (const [input, bytes] of [
            ["512M", "536870912"],
            ["512MB", "536870912"],
            ["512m", "536870912"],
            ["1GB", "1073741824"],
            ["1g", "1073741824"],
            ["2gb", "2147483648"],
            ["100k", "102400"],
            ["10", "10"],
        ] as const) {
            assert.strictEqual(canonicalBytes(input), bytes, input);
        }
        assert.strictEqual(canonicalBytes(2147483648), "2147483648");
    });
    it("rejects what is not a size, saying how to write one", function () {
        assert.throws(
            () => canonicalBytes("lots"),
            (e: UnitError) => /512M/.test(e.message),
        );
        assert.throws(() => canonicalBytes("5 parsecs"), UnitError);
    });
});

describe("durations", function () {
    it("prints Go notation", function () {
        for (const [input, out] of [
            ["30s", "30s"],
            ["1m", "1m0s"],
            ["1m30s", "1m30s"],
            ["90s", "1m30s"],
            ["120s", "2m0s"],
            ["1h", "1h0m0s"],
            ["1.5s", "1.5s"],
            ["100ms", "100ms"],
            ["0", "0s"],
        ] as const) {
            assert.strictEqual(canonicalDuration(input), out, input);
        }
    });
    it("parses compound durations to nanoseconds", function () {
        assert.strictEqual(parseDuration("1h2m3s"), 3723e9);
        assert.strictEqual(formatDuration(1500), "1.5µs");
    });
    it("rejects what is not a duration", function () {
        assert.throws(
            () => parseDuration("soon"),
            (e: UnitError) => /30s/.test(e.message),
        );
        assert.throws(() => parseDuration("10 s x"), UnitError);
    });
    it("reads cpus as numbers", function () {
        assert.strictEqual(parseCpus("0.25"), 0.25);
        assert.strictEqual(parseCpus("2.0"), 2);
        assert.strictEqual(parseCpus(0.001), 0.001);
        assert.throws(() => parseCpus("two"), UnitError);
    });
});

describe("ports", function () {
    it("expands the short syntax to long form", function () {
        assert.deepStrictEqual(canonicalPorts(80), [{ mode: "ingress", target: 80, protocol: "tcp" }]);
        assert.deepStrictEqual(canonicalPorts("8081:81"), [{ mode: "ingress", target: 81, published: "8081", protocol: "tcp" }]);
        assert.deepStrictEqual(canonicalPorts("84/udp"), [{ mode: "ingress", target: 84, protocol: "udp" }]);
        assert.deepStrictEqual(canonicalPorts("127.0.0.1:8001:8001"), [{ mode: "ingress", host_ip: "127.0.0.1", target: 8001, published: "8001", protocol: "tcp" }]);
        assert.deepStrictEqual(canonicalPorts("[::1]:80:8080"), [{ mode: "ingress", host_ip: "::1", target: 8080, published: "80", protocol: "tcp" }]);
    });
    it("pairs ranges one to one", function () {
        const ports = canonicalPorts("9090-9091:8080-8081");
        assert.deepStrictEqual(
            ports.map((p) => [p.published, p.target]),
            [
                ["9090", 8080],
                ["9091", 8081],
            ],
        );
        assert.strictEqual(canonicalPorts("3001-3005").length, 5);
        assert.deepStrictEqual(canonicalPorts("8000-8010:80"), [{ mode: "ingress", target: 80, published: "8000-8010", protocol: "tcp" }]);
    });
    it("reads the long form, with a string target", function () {
        assert.deepStrictEqual(canonicalPorts({ target: "4000", mode: "host", published: 4000, app_protocol: "grpc" }), [{ mode: "host", target: 4000, published: "4000", protocol: "tcp", app_protocol: "grpc" }]);
    });
    it("rejects bad ports with what is wrong", function () {
        assert.throws(
            () => canonicalPorts("70000"),
            (e: PortError) => /0-65535/.test(e.message),
        );
        assert.throws(() => canonicalPorts("1:2:3:4"), PortError);
        assert.throws(() => canonicalPorts("8000-8001:80-82"), /differ in length/);
        assert.throws(() => canonicalPorts("abc"), PortError);
        assert.throws(() => canonicalPorts({ published: 80 }), PortError);
    });
});

describe("volumes", function () {
    const resolve = (p: string) => (p.startsWith("/") ? p : `/work/${p.replace(/^\.\//, "")}`);
    it("tells binds, named and anonymous volumes apart", function () {
        assert.deepStrictEqual(canonicalVolume("/var/lib/anon", resolve), { type: "volume", target: "/var/lib/anon", volume: {} });
        assert.deepStrictEqual(canonicalVolume("data:/var/lib/data", resolve), { type: "volume", source: "data", target: "/var/lib/data", volume: {} });
        assert.deepStrictEqual(canonicalVolume("./static:/srv:ro", resolve), { type: "bind", source: "/work/static", target: "/srv", read_only: true, bind: {} });
        assert.deepStrictEqual(canonicalVolume("/a:/b:z", resolve), { type: "bind", source: "/a", target: "/b", bind: { selinux: "z" } });
        assert.deepStrictEqual(canonicalVolume("data:/d:nocopy", resolve), { type: "volume", source: "data", target: "/d", volume: { nocopy: true } });
    });
    it("resolves long-form bind sources and tmpfs sizes", function () {
        assert.deepStrictEqual(canonicalVolume({ type: "bind", source: "./opt", target: "/opt" }, resolve), { type: "bind", source: "/work/opt", target: "/opt" });
        assert.deepStrictEqual(canonicalVolume({ type: "tmpfs", target: "/t", tmpfs: { size: "1m" } }, resolve), { type: "tmpfs", target: "/t", tmpfs: { size: "1048576" } });
    });
    it("rejects unknown options", function () {
        assert.throws(
            () => canonicalVolume("data:/d:bogus", resolve),
            (e: VolumeError) => /bogus/.test(e.message),
        );
    });
});

describe("shell words", function () {
    it("splits like a shell, without expanding", function () {
        assert.deepStrictEqual(splitShellWords(`something "with space" \${PORT}`), ["something", "with space", "${PORT}"]);
        assert.deepStrictEqual(splitShellWords(`sh -c 'echo $HOME && ls'`), ["sh", "-c", "echo $HOME && ls"]);
        assert.deepStrictEqual(splitShellWords(`a\\ b "c\\"d" ''`), ["a b", 'c"d', ""]);
        assert.deepStrictEqual(splitShellWords("  "), []);
    });
    it("rejects unterminated quotes", function () {
        assert.throws(() => splitShellWords(`echo "oops`), ShellWordsError);
        assert.throws(() => splitShellWords(`echo 'oops`), ShellWordsError);
    });
});
