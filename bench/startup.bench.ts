import { SYSTEM_ACTOR } from "../src/audit/audited.ts";
import { createOrganization } from "../src/orgs/orgs.service.ts";
import { bundleCli } from "./lib/bundle.ts";
import { openBenchDb } from "./lib/db.ts";
import { run, startServe } from "./lib/proc.ts";
import { figure, progress, type BenchResult } from "./lib/report.ts";
import { max, median, min } from "./lib/stats.ts";

const RUNS = Number(process.env.MUSUBI_BENCH_STARTUP_RUNS ?? 9);

/**
 * Spawn of `musubi serve --no-demo` to the first 200 from /api/health (polled every 10 ms), on
 * an existing SQLite data folder. Timed alongside, interleaved: a bare `node -e ""` (the floor)
 * and, as a diagnostic, the same CLI precompiled with esbuild (what tsx's loading costs).
 */
export async function startupBench(): Promise<BenchResult> {
  const bdb = await openBenchDb("sqlite");
  try {
    await createOrganization(bdb.db, SYSTEM_ACTOR, {
      slug: "bench",
      nameJa: "ベンチ株式会社",
      nameEn: "Bench Inc.",
      admin: { email: "admin@bench.test", displayName: "Admin", password: "bench password 1234" },
    });
    await bdb.db.close();
    // First start initialises the folder and warms tsx's transform cache; not counted.
    const first = await startServe(bdb.env);
    await first.server.stop();
    progress(`startup: first (uncounted) start ${Math.round(first.ms)} ms`);

    const bundle = await bundleCli();
    const notes = "error" in bundle ? [`precompiled diagnostic skipped: ${bundle.error}`] : [];
    let entry = "entry" in bundle ? bundle.entry : undefined;
    const startBundled = async (): Promise<number | undefined> => {
      if (!entry) return undefined;
      try {
        const b = await startServe(bdb.env, entry);
        await b.server.stop();
        return b.ms;
      } catch (err) {
        notes.push(`precompiled diagnostic failed: ${err instanceof Error ? err.message.slice(0, 300) : String(err)}`);
        entry = undefined;
        return undefined;
      }
    };
    const samples: number[] = [];
    const floor: number[] = [];
    const bundled: number[] = [];
    try {
      await startBundled(); // uncounted, like the first tsx start
      for (let i = 0; i < RUNS; i++) {
        const s = await startServe(bdb.env);
        samples.push(s.ms);
        await s.server.stop();
        floor.push((await run(process.execPath, ["-e", ""])).ms);
        const b = await startBundled();
        if (b !== undefined) bundled.push(b);
      }
    } finally {
      if ("cleanup" in bundle) bundle.cleanup();
    }
    progress(`startup samples: ${samples.map((x) => Math.round(x)).join(", ")} ms`);
    if (bundled.length) notes.push(`same run: tsx start / precompiled start = ${(median(samples) / median(bundled)).toFixed(2)}x`);
    return {
      bench: "startup",
      figures: [
        figure({
          bench: "startup",
          name: "spawn to first 200 /api/health",
          db: "sqlite",
          value: median(samples),
          unit: "ms",
          target: { op: "<", value: 1500 },
          detail: { runs: RUNS, min: min(samples), max: max(samples) },
        }),
        figure({
          bench: "startup",
          name: "bare `node -e ''` (floor, same run)",
          value: median(floor),
          unit: "ms",
          detail: { runs: RUNS, min: min(floor), max: max(floor) },
        }),
        ...(bundled.length
          ? [
              figure({
                bench: "startup",
                name: "diagnostic: same, CLI precompiled (esbuild)",
                db: "sqlite",
                value: median(bundled),
                unit: "ms",
                detail: { runs: bundled.length, min: min(bundled), max: max(bundled) },
              }),
            ]
          : []),
      ],
      notes,
    };
  } finally {
    await bdb.cleanup();
  }
}
