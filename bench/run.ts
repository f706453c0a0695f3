// `npm run bench [-- name…]`: runs the benchmarks (all, or those named), prints each table and
// the pass/fail against the issue's targets, writes bench/results/latest.json, and exits 1 if
// any target is missed or a benchmark fails. PostgreSQL parts run when MUSUBI_BENCH_PG_URL is set.
import fs from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { applicabilityBench } from "./applicability.bench.ts";
import { checkpointBench } from "./checkpoint.bench.ts";
import { complianceBench } from "./compliance.bench.ts";
import { disclosuresBench } from "./disclosures.bench.ts";
import { exchangeBench } from "./exchange.bench.ts";
import { fanoutBench } from "./fanout.bench.ts";
import { importsBench } from "./imports.bench.ts";
import { ledgerBench } from "./ledger.bench.ts";
import { pgUrl } from "./lib/db.ts";
import { measureNoise, type Noise } from "./lib/noise.ts";
import { oscalBench } from "./oscal.bench.ts";
import { oversightBench } from "./oversight.bench.ts";
import { printFigures, printTable, type BenchResult } from "./lib/report.ts";
import { round } from "./lib/stats.ts";
import { readLoadBench } from "./read-load.bench.ts";
import { reportsBench } from "./reports.bench.ts";
import { startupBench } from "./startup.bench.ts";
import { uploadsBench } from "./uploads.bench.ts";
import { workflowBench } from "./workflow.bench.ts";
import { writeLoadBench } from "./write-load.bench.ts";

const BENCHES: Record<string, () => Promise<BenchResult>> = {
  startup: startupBench,
  ledger: ledgerBench,
  checkpoint: checkpointBench,
  "read-load": readLoadBench,
  "write-load": writeLoadBench,
  applicability: applicabilityBench,
  compliance: complianceBench,
  workflow: workflowBench,
  disclosures: disclosuresBench,
  uploads: uploadsBench,
  reports: reportsBench,
  oscal: oscalBench,
  exchange: exchangeBench,
  oversight: oversightBench,
  fanout: fanoutBench,
  imports: importsBench,
};

const wanted = process.argv.slice(2).filter((a) => a !== "--");
const unknown = wanted.filter((n) => !(n in BENCHES));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(", ")}; choose from ${Object.keys(BENCHES).join(", ")}`);
  process.exit(2);
}
const names = wanted.length ? wanted : Object.keys(BENCHES);

const machine = {
  cpu: os.cpus()[0]?.model ?? "unknown",
  cores: os.availableParallelism(),
  memGb: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
};
const pg = pgUrl();
console.log(`Musubi benchmarks: ${names.join(", ")}`);
console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memGb} GiB, Node ${machine.node}; load average ${os.loadavg().map(round).join(" ")}`);
console.log(`PostgreSQL: ${pg ? new URL(pg).host : "skipped: MUSUBI_BENCH_PG_URL not set"}`);

const started = performance.now();
const loadBefore = os.loadavg();
const results: (BenchResult & { error?: string; seconds: number; noise?: Noise | undefined })[] = [];
for (const name of names) {
  const t0 = performance.now();
  const noise = measureNoise();
  try {
    const r = await BENCHES[name]!();
    const n = noise();
    if (n) r.notes.push(`noise: other processes kept ${n.otherCores.toFixed(2)} of ${machine.cores} cores busy on average during this benchmark`);
    printFigures(r);
    results.push({ ...r, seconds: (performance.now() - t0) / 1000, noise: n });
  } catch (err) {
    const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
    console.error(`\n== ${name} == FAILED TO RUN\n${error}`);
    results.push({ bench: name, figures: [], notes: [], error, seconds: (performance.now() - t0) / 1000, noise: noise() });
  }
}

const targeted = results.flatMap((r) => r.figures.filter((f) => f.pass !== undefined));
const missed = targeted.filter((f) => !f.pass);
const broken = results.filter((r) => r.error);
console.log("\n== summary ==");
printTable([
  ["bench", "seconds", "other load (cores)", "targets met", "missed"],
  ...results.map((r) => {
    const t = r.figures.filter((f) => f.pass !== undefined);
    const miss = t.filter((f) => !f.pass).map((f) => `${f.name.trim()}${f.db ? ` [${f.db}]` : ""}`);
    const other = r.noise ? r.noise.otherCores.toFixed(2) : "n/a";
    return [r.bench, String(Math.round(r.seconds)), other, r.error ? "ERROR" : `${t.length - miss.length}/${t.length}`, miss.join("; ")];
  }),
]);

const summary = {
  date: new Date().toISOString(),
  machine,
  loadAverage: { before: loadBefore.map(round), after: os.loadavg().map(round) },
  postgres: pg ? new URL(pg).host : null,
  seconds: round((performance.now() - started) / 1000),
  ok: missed.length === 0 && broken.length === 0,
  missed: missed.map((f) => ({ bench: f.bench, name: f.name.trim(), db: f.db, value: round(f.value), unit: f.unit, target: f.target })),
  results,
};
const dir = fileURLToPath(new URL("./results/", import.meta.url));
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(`${dir}latest.json`, `${JSON.stringify(summary, null, 2)}\n`);
console.log(`\n${summary.ok ? "all targets met" : `${missed.length} target(s) missed, ${broken.length} benchmark(s) failed to run`}; ${round(summary.seconds)} s; wrote bench/results/latest.json`);
process.exit(summary.ok ? 0 : 1);
