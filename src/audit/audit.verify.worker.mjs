// Worker thread for parallel ledger verification. Plain JavaScript so that it starts the same way
// under the CLI, the server and the test runner: it registers tsx, then runs the TypeScript walker.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { claimer, verifyRanges } = await import("./audit.verify-range.ts");
const counter = new Int32Array(workerData.counter);
parentPort.postMessage(await verifyRanges(workerData.source, claimer(workerData.ranges, counter)));
