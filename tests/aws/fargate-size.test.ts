/**
 * Fargate sizes: a request is rounded UP to the cheapest combination AWS accepts; nothing asked is
 * the smallest task; more than the largest task is refused, naming the service and the field.
 */
import { strict as assert } from "assert";
import { DEFAULT_FARGATE_SIZE, FARGATE_SIZES, fargateSize, isFargateSize } from "../../provider/src/clouds/aws/compute/fargate-sizing";
import { InvalidArgumentError } from "../../provider/src/model/errors";

describe("aws fargate size", () => {
    it("is 0.25 vCPU / 512 MiB when nothing is asked", () => {
        assert.deepEqual(DEFAULT_FARGATE_SIZE, { cpu: 256, memoryMiB: 512 });
        assert.deepEqual(fargateSize("web", {}), { cpu: 256, memoryMiB: 512 });
    });

    it("rounds CPU and memory up to a combination Fargate accepts", () => {
        const cases: Array<[{ cpus?: number; memoryMiB?: number }, number, number]> = [
            [{ cpus: 0.5, memoryMiB: 3000 }, 512, 3072],
            [{ cpus: 3 }, 4096, 8192],
            [{ cpus: 0.1 }, 256, 512],
            [{ cpus: 0.25, memoryMiB: 1500 }, 256, 2048],
            [{ cpus: 0.25, memoryMiB: 2049 }, 512, 3072],
            [{ memoryMiB: 512 }, 256, 512],
            [{ memoryMiB: 5000 }, 1024, 5120],
            [{ memoryMiB: 20000 }, 4096, 20480],
            [{ memoryMiB: 40000 }, 8192, 40960],
            [{ memoryMiB: 70000 }, 16384, 73728],
            [{ cpus: 1, memoryMiB: 9000 }, 2048, 9216],
            [{ cpus: 16 }, 16384, 32768],
            [{ cpus: 5, memoryMiB: 16385 }, 8192, 20480],
            [{ memoryMiB: 122880 }, 16384, 122880],
        ];
        for (const [resources, cpu, memoryMiB] of cases) {
            const size = fargateSize("web", resources);
            assert.deepEqual(size, { cpu, memoryMiB }, JSON.stringify(resources));
            assert.ok(isFargateSize(size));
        }
    });

    it("knows the real table: 0.25 vCPU has no 1536 MiB, 8 and 16 vCPU step by 4 and 8 GiB", () => {
        assert.equal(isFargateSize({ cpu: 256, memoryMiB: 1536 }), false);
        assert.equal(isFargateSize({ cpu: 512, memoryMiB: 5120 }), false);
        assert.equal(isFargateSize({ cpu: 8192, memoryMiB: 17408 }), false);
        assert.equal(isFargateSize({ cpu: 8192, memoryMiB: 20480 }), true);
        assert.equal(isFargateSize({ cpu: 16384, memoryMiB: 40960 }), true);
        assert.equal(isFargateSize({ cpu: 16384, memoryMiB: 36864 }), false);
        assert.equal(FARGATE_SIZES.length, 7);
    });

    it("never gives less than asked, for every memory size up to the largest", () => {
        for (let memoryMiB = 256; memoryMiB <= 122880; memoryMiB += 777) {
            const size = fargateSize("web", { memoryMiB });
            assert.ok(size.memoryMiB >= memoryMiB && isFargateSize(size), `${memoryMiB} -> ${JSON.stringify(size)}`);
        }
    });

    it("refuses more memory than the largest task, naming service, field and the largest size", () => {
        assert.throws(
            () => fargateSize("api", { memoryMiB: 200 * 1024 }),
            (e: unknown) => e instanceof InvalidArgumentError && e.component === "api" && e.argument === "resources.memory" && /16 vCPU and 120 GiB/.test(e.message),
        );
    });

    it("refuses more CPUs than the largest task, and nonsense values", () => {
        assert.throws(
            () => fargateSize("api", { cpus: 17 }),
            (e: unknown) => e instanceof InvalidArgumentError && e.argument === "resources.cpus" && /16 vCPU/.test(e.message),
        );
        assert.throws(
            () => fargateSize("api", { cpus: 0 }),
            (e: unknown) => e instanceof InvalidArgumentError && e.argument === "resources.cpus",
        );
        assert.throws(
            () => fargateSize("api", { memoryMiB: -1 }),
            (e: unknown) => e instanceof InvalidArgumentError && e.argument === "resources.memory",
        );
    });
});
