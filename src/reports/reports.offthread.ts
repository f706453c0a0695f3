import { Worker } from "node:worker_threads";
import { workerScript } from "../platform/worker-entry.ts";
import type { RenderJob, RenderReply } from "./reports.worker.ts";

const WORKER = new URL("./reports.worker.ts", import.meta.url);
const WORKER_WITH_TSX = new URL("./reports.worker.mjs", import.meta.url);
/** The worker's heap: a 50-page board report needs about a tenth of it. */
const WORKER_HEAP_MB = 1024;

let busy: Promise<unknown> = Promise.resolve();

/**
 * Writes a composed report (PDF or workbook) in a worker thread, so the server's event loop never
 * waits the seconds a long report takes to lay out and write. One report is written at a time per
 * process: a second waits its turn, which bounds the memory reports can take together.
 */
export function renderOffThread(job: RenderJob): Promise<Uint8Array> {
  const run = busy.then(() => inWorker(job));
  busy = run.catch(() => undefined);
  return run;
}

async function inWorker(job: RenderJob): Promise<Uint8Array> {
  const script = await workerScript(WORKER, WORKER_WITH_TSX);
  const reply = await new Promise<RenderReply>((resolve, reject) => {
    const worker = new Worker(script, { workerData: job, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      done();
      void worker.terminate();
    };
    worker.once("message", (r: RenderReply) => settle(() => resolve(r)));
    worker.once("error", (err) => settle(() => reject(err)));
    worker.once("exit", (code) => settle(() => reject(new Error(`the report worker exited with code ${code} before answering`))));
  });
  if (!reply.ok) throw new Error(`writing the report failed in the worker: ${reply.crash}`);
  return reply.bytes;
}
