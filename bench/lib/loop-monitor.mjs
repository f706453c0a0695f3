// Preloaded into a server the uploads benchmark starts (NODE_OPTIONS=--import=…), so the event loop
// is measured from inside the process that serves: on SIGUSR2 it prints the longest delay since the
// last report (a 10 ms timer's longest gap, so a stall of d ms reads as at most d + 10) and resets.
import fs from "node:fs";
import { monitorEventLoopDelay, PerformanceObserver, performance } from "node:perf_hooks";
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

// With MUSUBI_LOOP_LOG=<file>, every stall over 100 ms and every garbage collection over 30 ms is
// appended to the file with the process's clock, to find what a benchmark's longest stall was.
if (isMainThread && process.env.MUSUBI_LOOP_LOG) {
  const file = process.env.MUSUBI_LOOP_LOG;
  const log = (o) => fs.appendFileSync(file, `${JSON.stringify({ t: Math.round(performance.now()), ...o })}\n`);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.duration > 30) log({ gc: e.detail?.kind, ms: Math.round(e.duration) });
  }).observe({ entryTypes: ["gc"] });
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (now - last > 110) log({ stall: Math.round(now - last - 10) });
    last = now;
  }, 10).unref();
}
