// The worker thread of oversight.generate.ts: draws the history chunk by chunk, each posted when
// the main thread has given a credit for it, then the index of what it drew and the counters.
import { parentPort, workerData } from "node:worker_threads";
import type { ReportTemplate } from "./oversight.documents.ts";
import { history, historyIndex, type HistoryIndex, type HistoryOptions, type HistoryRow, type Member } from "./oversight.history.ts";

export interface Job {
  /** Members without their private keys: the history's messages are not signed. */
  options: Omit<HistoryOptions, "members"> & { members: Omit<Member, "privateKey">[]; template: ReportTemplate };
  chunk: number;
}

export type FromWorker = { chunk: HistoryRow[] } | { done: true; index: Omit<HistoryIndex, "code" | "id">; counters: [string, number][] };

/** Chunks drawn ahead of the main thread at most. */
const AHEAD = 4;

const port = parentPort!;
const { options, chunk } = workerData as Job;
let credits = AHEAD;
let credited: (() => void) | undefined;
port.on("message", () => {
  credits++;
  credited?.();
});
const index = historyIndex(options.submissions);
const counters = new Map<string, number>();
for (const rows of history({ ...options, members: options.members as Member[] }, index, chunk, counters)) {
  while (credits <= 0) await new Promise<void>((resolve) => (credited = resolve));
  credits--;
  port.postMessage({ chunk: rows } satisfies FromWorker);
}
const { code: _c, id: _i, ...arrays } = index;
port.postMessage({ done: true, index: arrays, counters: [...counters] } satisfies FromWorker);
