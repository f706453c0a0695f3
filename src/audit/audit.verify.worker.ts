// Worker thread for parallel ledger verification (see verifyInThreads in audit.verify.ts).
import { parentPort, workerData } from "node:worker_threads";
import { claimer, verifyRanges } from "./audit.verify-range.ts";

if (parentPort) {
  const counter = new Int32Array(workerData.counter);
  parentPort.postMessage(await verifyRanges(workerData.source, claimer(workerData.ranges, counter)));
}
