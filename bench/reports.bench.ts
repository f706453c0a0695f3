import type { Insertable } from "kysely";
// The management reports at the size of the disclosures benchmark — 10,000 systems, 50,000 risks and
// 100,000 incidents in one organisation: the board report as a PDF (the figure: about 50
// pages in under 5 s with a peak RSS under 500 MB), and a framework's compliance report. Each run is
// a child process (bench/lib/reports.child.ts), so its time includes loading the font and its peak
// RSS (getrusage's maxRSS, read by the child at the end) is the report's alone.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Database } from "../src/db/schema.ts";
import { refreshPlannerStatistics } from "../src/db/maintenance.ts";
import { getLibrary } from "../src/library/library.runtime.ts";
import { newId } from "../src/platform/ids.ts";
import { prng } from "../src/applicability/profile.random.ts";
import { addDays, todayIn } from "../src/platform/time.ts";
import { fiscalYearOf } from "../src/workflow/periods.ts";
import { seedCompliance } from "./lib/compliance.seed.ts";
import { dialects, openBenchDb, type BenchDb } from "./lib/db.ts";
import { ROOT } from "./lib/proc.ts";
import { figure, progress, type BenchResult, type Figure } from "./lib/report.ts";
import { median } from "./lib/stats.ts";

const CHILD = fileURLToPath(new URL("./lib/reports.child.ts", import.meta.url));
const SYSTEMS = Number(process.env.MUSUBI_BENCH_CARD_SYSTEMS ?? 10_000);
const RISKS = Number(process.env.MUSUBI_BENCH_CARD_RISKS ?? 50_000);
const INCIDENTS = Number(process.env.MUSUBI_BENCH_CARD_INCIDENTS ?? 100_000);
const RUNS = 3;
const FRAMEWORK = "jp-ai-guidelines";

type Rows<T extends keyof Database> = Insertable<Database[T]>[];

function pickWeighted<T>(rnd: () => number, xs: [T, number][]): T {
  let r = rnd();
  for (const [v, w] of xs) if ((r -= w) < 0) return v;
  return xs[xs.length - 1]![0];
}

/**
 * Spreads the seeded systems' registration over the fiscal year so far, and adds risks (a third
 * past their review date, half with a residual rating) and incidents detected over the same months
 * (a quarter of them High or Critical), each linked to one system.
 */
async function seedPeriod(b: BenchDb, orgId: string, systems: string[]): Promise<void> {
  const today = todayIn("Asia/Tokyo");
  const fy = fiscalYearOf(today, 4);
  const days = Math.max(1, Math.round((Date.parse(today) - Date.parse(fy.start)) / 86_400_000));
  const rnd = prng(42);
  const dayIn = () => addDays(fy.start, Math.floor(rnd() * days));
  const chunk = Math.ceil(systems.length / 12);
  for (let m = 0; m < 12; m++) {
    const ids = systems.slice(m * chunk, (m + 1) * chunk);
    if (ids.length) await b.db.kysely.updateTable("ai_systems").set({ created_at: `${addDays(fy.start, Math.floor((m * days) / 12))}T03:00:00.000Z` }).where("org_id", "=", orgId).where("id", ">=", ids[0]!).where("id", "<=", ids.at(-1)!).execute();
  }
  const now = new Date().toISOString();
  const risks: Rows<"risks"> = [];
  for (let i = 0; i < RISKS; i++) {
    const l = 1 + Math.floor(rnd() * 5), im = 1 + Math.floor(rnd() * 5);
    const residual = rnd() < 0.5;
    risks.push({ id: newId("rsk"), org_id: orgId, code: `RSK-${String(i + 1).padStart(6, "0")}`, title_ja: `リスク ${i}`, title_en: `Risk ${i}`, description: "", system_id: systems[i % systems.length]!, categories: "[]", perspectives: "[]", owner_id: null, status: pickWeighted(rnd, [["open", 0.7], ["accepted", 0.1], ["closed", 0.2]]), inherent_likelihood: l, inherent_impact: im, residual_likelihood: residual ? Math.max(1, l - 1) : null, residual_impact: residual ? im : null, treatment: "mitigate", treatment_plan: "", accepted_by: null, accepted_at: null, acceptance_expires_on: null, acceptance_note: null, last_reviewed_at: null, next_review_on: rnd() < 0.33 ? addDays(today, -1 - Math.floor(rnd() * 200)) : addDays(today, 1 + Math.floor(rnd() * 300)), created_at: now, updated_at: now, version: 1 });
  }
  for (let i = 0; i < risks.length; i += 400) await b.db.kysely.insertInto("risks").values(risks.slice(i, i + 400)).execute();
  progress(`${b.dialect}: seeded ${RISKS} risks`);
  for (let start = 0; start < INCIDENTS; start += 10_000) {
    const incidents: Rows<"incidents"> = [];
    const links: Rows<"incident_links"> = [];
    for (let i = start; i < Math.min(INCIDENTS, start + 10_000); i++) {
      const id = newId("inc");
      const detected = `${dayIn()}T0${Math.floor(rnd() * 9)}:30:00.000Z`;
      incidents.push({ id, org_id: orgId, code: `INC-${String(i + 1).padStart(6, "0")}`, title: `事案 ${i}：回答に誤りがあった`, summary: "", status: pickWeighted(rnd, [["open", 0.2], ["investigating", 0.2], ["mitigated", 0.2], ["closed", 0.4]]), severity: pickWeighted(rnd, [["low", 0.4], ["medium", 0.35], ["high", 0.2], ["critical", 0.05]]), occurred_at: null, occurred_on: null, detected_at: detected, source: "api", external_key: null, reported_by: null, owner_id: null, harm_level: "unclear", harm_types: "[]", harm_basis: "[]", categories: "[]", rights: "[]", affected_parties: "", people_affected: null, lives_lost: null, injuries: null, personal_data: "unknown", data_subjects: null, sensitive_data: "unknown", root_cause: "", search_text: `事案 ${i}`, closed_at: null, closed_by: null, created_at: detected, updated_at: detected, version: 1 });
      links.push({ org_id: orgId, incident_id: id, target_type: "system", target_id: systems[Math.floor(rnd() * systems.length)]! });
    }
    await b.db.kysely.transaction().execute(async (trx) => {
      for (let i = 0; i < incidents.length; i += 300) await trx.insertInto("incidents").values(incidents.slice(i, i + 300)).execute();
      for (let i = 0; i < links.length; i += 1000) await trx.insertInto("incident_links").values(links.slice(i, i + 1000)).execute();
    });
  }
  progress(`${b.dialect}: seeded ${INCIDENTS} incidents`);
}

interface ChildResult {
  ms: number;
  pages: number;
  bytes: number;
  rssMb: number;
  baselineRssMb: number;
  rssBeforeMb: number;
}

/** One run; with `keepDir` (MUSUBI_BENCH_REPORT_DIR), the report is also written there to look at. */
function child(b: BenchDb, args: string[], keepDir?: string): ChildResult {
  const out = keepDir ? { MUSUBI_BENCH_REPORT_OUT: `${keepDir}/${b.dialect}-${args.slice(0, 3).join("-")}.${args[1]}` } : {};
  const r = spawnSync(process.execPath, ["--import", "tsx", CHILD, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, MUSUBI_LOG_LEVEL: "warn", ...b.env, ...out }, maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`reports child failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as ChildResult;
}

/** `RUNS` child processes of one report: the median time, the largest peak RSS, the pages. */
function measure(b: BenchDb, args: string[]): { seconds: number[]; rss: number[]; baseline: number[]; before: number[]; pages: number; bytes: number } {
  const runs = Array.from({ length: RUNS }, (_, i) => child(b, args, i === 0 ? process.env.MUSUBI_BENCH_REPORT_DIR : undefined));
  return { seconds: runs.map((r) => r.ms / 1000), rss: runs.map((r) => r.rssMb), baseline: runs.map((r) => r.baselineRssMb), before: runs.map((r) => r.rssBeforeMb), pages: runs[0]!.pages, bytes: runs[0]!.bytes };
}

export async function reportsBench(): Promise<BenchResult> {
  const figures: Figure[] = [];
  const notes: string[] = [
    `seeded: ${SYSTEMS.toLocaleString("en")} systems (5 frameworks in scope, 20 assessment rows each, registered over the fiscal year so far), ${RISKS.toLocaleString("en")} risks and ${INCIDENTS.toLocaleString("en")} incidents detected over the same months, in one organisation`,
    `each run is a fresh child process (node --import tsx bench/lib/reports.child.ts) that opens the database, loads the library, then times produceReport: reading, composing and writing the file, font loading included; peak RSS is the child's getrusage maxRSS at the end (baseline: the same before the report). "in-process" writes the file in the child's own thread (the CLI); "worker" in a worker thread (the server's jobs and downloads), whose memory counts in the same process`,
  ];
  const library = getLibrary();
  for (const dialect of dialects()) {
    const b = await openBenchDb(dialect);
    try {
      const seed = await seedCompliance(b.db, library, { systems: SYSTEMS, items: SYSTEMS * 20, frameworks: 5 });
      const systems = (await b.db.kysely.selectFrom("ai_systems").select("id").where("org_id", "=", seed.orgId).orderBy("id").execute()).map((r) => r.id);
      await seedPeriod(b, seed.orgId, systems);
      await refreshPlannerStatistics(b.db, { full: true });

      const cases: [string, string[], boolean][] = [
        ["board report, PDF, in-process", ["board", "pdf", "inline"], true],
        ["board report, PDF, worker thread", ["board", "pdf", "worker"], true],
        ["board report, XLSX, in-process", ["board", "xlsx", "inline"], false],
        [`compliance report (${FRAMEWORK}), PDF, in-process`, ["compliance", "pdf", "inline", FRAMEWORK], false],
        [`compliance report (${FRAMEWORK}), XLSX, in-process`, ["compliance", "xlsx", "inline", FRAMEWORK], false],
      ];
      for (const [name, args, targeted] of cases) {
        const m = measure(b, args);
        progress(`${dialect}: ${name}: ${median(m.seconds).toFixed(2)} s, ${Math.max(...m.rss).toFixed(0)} MB, ${m.pages} pages`);
        figures.push(figure({ bench: "reports", name: `${name}: seconds, median of ${RUNS}`, db: dialect, value: median(m.seconds), unit: "s", ...(targeted ? { target: { op: "<" as const, value: 5 } } : {}), detail: { min: Math.min(...m.seconds), max: Math.max(...m.seconds), pages: m.pages, kilobytes: Math.round(m.bytes / 1024) } }));
        figures.push(figure({ bench: "reports", name: `${name}: peak RSS, largest of ${RUNS}`, db: dialect, value: Math.max(...m.rss), unit: "MB", ...(targeted ? { target: { op: "<" as const, value: 500 } } : {}), detail: { peakBeforeReportMb: Math.round(Math.max(...m.baseline)), rssBeforeReportMb: Math.round(Math.max(...m.before)) } }));
        if (args[0] === "board" && args[1] === "pdf" && args[2] === "inline") figures.push(figure({ bench: "reports", name: "board report, PDF: pages", db: dialect, value: m.pages, unit: "pages", target: { op: ">=", value: 40 } }));
      }
    } finally {
      await b.cleanup();
    }
  }
  return { bench: "reports", figures, notes };
}
