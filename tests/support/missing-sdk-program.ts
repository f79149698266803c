/**
 * A child program for tests/components/missing-cloud-sdk.test.ts: builds one DefangService on the
 * cloud named by its argument under the mocks, and prints what happened as JSON.
 */
import { DefangService } from "../../provider/src/components/defang-service";
import { useMocks } from "./pulumi-mocks";

async function main(): Promise<void> {
    const recorder = await useMocks();
    let error: { name: string; message: string } | undefined;
    try {
        new DefangService("web", { image: "nginx", provider: process.argv[2] as "aws" }, recorder.opts());
    } catch (e) {
        error = { name: (e as Error).name, message: (e as Error).message };
    }
    const registrations = await recorder.settle();
    process.stdout.write(JSON.stringify({ error, registered: registrations.map((r) => r.type) }));
}

void main();
