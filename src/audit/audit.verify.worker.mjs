// Worker thread for parallel ledger verification. Plain JavaScript so that it starts the same way
// under the CLI, the server and the test runner: it registers tsx, then runs the TypeScript walker.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { verifyRanges } = await import("./audit.verify-range.ts");
parentPort.postMessage(await verifyRanges(workerData.source, workerData.ranges));
