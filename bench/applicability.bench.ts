import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { assessProfile } from "../src/applicability/applicability.service.ts";
import { getLibrary } from "../src/library/library.runtime.ts";
import { randomProfiles } from "../src/applicability/profile.random.ts";
import { ROOT } from "./lib/proc.ts";
import { figure, progress, type BenchResult } from "./lib/report.ts";
import { max, median, min, percentile } from "./lib/stats.ts";

const CHILD = fileURLToPath(new URL("./lib/applicability.child.ts", import.meta.url));
const SYSTEMS = Number(process.env.MUSUBI_BENCH_SYSTEMS ?? 100_000);

function child(args: string[]): Record<string, number> {
  // One core: the evaluation is single-threaded, and taskset keeps the runtime's helpers on it too.
  const pin = spawnSync("taskset", ["--version"]).status === 0 ? ["taskset", "-c", "0"] : [];
  const cmd = [...pin, process.execPath, "--import", "tsx", CHILD, ...args];
  const r = spawnSync(cmd[0]!, cmd.slice(1), { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`applicability child failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, number>;
}

/**
 * The applicability engine: library load and validation in a fresh process, one full report
 * (profile check, every rule, presentation with texts and reasons) per system, and a bulk
 * re-evaluation of 100,000 systems on one core with its peak memory.
 */
export async function applicabilityBench(): Promise<BenchResult> {
  const loads: number[] = [];
  for (let i = 0; i < 7; i++) loads.push(child(["load"]).ms!);
  progress(`applicability: library load ${loads.map(Math.round).join(", ")} ms`);

  const library = getLibrary();
  const profiles = randomProfiles(library, 3000, 11);
  for (const p of profiles.slice(0, 500)) assessProfile(library, p, "2026-11-22", "ja");
  const single: number[] = [];
  for (const p of profiles) {
    const t0 = performance.now();
    assessProfile(library, p, "2026-11-22", "ja");
    single.push(performance.now() - t0);
  }

  const bulk = child(["bulk", String(SYSTEMS)]);
  progress(`applicability: ${SYSTEMS} systems in ${Math.round(bulk.ms!)} ms, peak RSS ${Math.round(bulk.rssMb!)} MB`);
  const rules = library.compiled.rules.length + library.compiled.definitions.length;
  return {
    bench: "applicability",
    figures: [
      figure({ bench: "applicability", name: "library load + validation (fresh process), median of 7", value: median(loads), unit: "ms", target: { op: "<", value: 500 }, detail: { min: min(loads), max: max(loads), nodes: library.nodes.size, rules } }),
      figure({ bench: "applicability", name: "one system against the whole library (full report), median", value: median(single), unit: "ms", target: { op: "<", value: 2 }, detail: { p95: percentile(single, 95), max: max(single), samples: single.length } }),
      figure({ bench: "applicability", name: `${SYSTEMS.toLocaleString("en")} systems against the whole library, one core`, value: bulk.ms! / 1000, unit: "s", target: { op: "<", value: 10 }, detail: { "µs/system": bulk.perSystemUs!, "requirements/system": bulk.requirements! } }),
      figure({ bench: "applicability", name: `peak memory (RSS) for ${SYSTEMS.toLocaleString("en")} systems`, value: bulk.rssMb!, unit: "MB", target: { op: "<", value: 1024 }, detail: { heapMb: bulk.heapMb! } }),
    ],
    notes: [`${rules} definitions and rules, ${library.nodes.size} nodes; profiles are random valid answers to all ${library.profile.questions.length} questions (5% left unanswered)`],
  };
}
