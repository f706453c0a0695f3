// Preloaded into a server the uploads benchmark starts (NODE_OPTIONS=--import=…), so the event loop
// is measured from inside the process that serves: on SIGUSR2 it prints the longest delay since the
// last report (a 10 ms timer's longest gap, so a stall of d ms reads as at most d + 10) and resets.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { isMainThread } from "node:worker_threads";

if (isMainThread) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  process.on("SIGUSR2", () => {
    const ms = (ns) => Math.round(ns / 1e5) / 10;
    process.stderr.write(`loop-monitor ${JSON.stringify({ maxMs: ms(histogram.max), p99Ms: ms(histogram.percentile(99)), samples: histogram.count })}\n`);
    histogram.reset();
  });
}
