// Runs the history generator (oversight.history.ts) in a worker thread, so that on a 2-core machine
// drawing the next rows overlaps with the databases taking the last ones. Chunks come back in
// order, a few ahead at most (the worker waits for a credit per chunk); at the end, the index of
// what was generated and the counters it adds up to.
import { Worker } from "node:worker_threads";
import { workerScript } from "../../src/platform/worker-entry.ts";
import { historyIndex, type HistoryIndex, type HistoryOptions, type HistoryRow } from "./oversight.history.ts";
import type { FromWorker, Job } from "./oversight.generate.worker.ts";

const WORKER = new URL("./oversight.generate.worker.ts", import.meta.url);
const WORKER_WITH_TSX = new URL("./oversight.generate.worker.mjs", import.meta.url);

export interface Generated {
  chunks: AsyncIterable<HistoryRow[]>;
  /** The index and counters, once every chunk has been taken. */
  result(): Promise<{ index: HistoryIndex; counters: Map<string, number> }>;
}

export async function generateInWorker(options: HistoryOptions, chunk: number): Promise<Generated> {
  const job: Job = { options: { ...options, members: options.members.map(({ privateKey: _, ...m }) => m) }, chunk };
  // Bundled once (as the server's own workers are): workers do not inherit the tsx loader.
  const worker = new Worker(await workerScript(WORKER, WORKER_WITH_TSX), { workerData: job });
  const queue: FromWorker[] = [];
  let wake: (() => void) | undefined;
  let failure: unknown;
  worker.on("message", (m: FromWorker) => {
    queue.push(m);
    wake?.();
  });
  worker.on("error", (err) => {
    failure = err;
    wake?.();
  });
  const next = async (): Promise<FromWorker> => {
    while (queue.length === 0) {
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    return queue.shift()!;
  };
  let end: Extract<FromWorker, { done: true }> | undefined;
  return {
    chunks: {
      async *[Symbol.asyncIterator]() {
        for (;;) {
          const m = await next();
          if ("done" in m) {
            end = m;
            return;
          }
          worker.postMessage("more");
          yield m.chunk;
        }
      },
    },
    async result() {
      if (!end) throw new Error("the history was not read to its end");
      await worker.terminate();
      return { index: historyIndex(0, end.index), counters: new Map(end.counters) };
    },
  };
}

