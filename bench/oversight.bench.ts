// Issue 16's figures for an authority's intake and analysis: signed submissions received per
// second (signature, replay, idempotency, schema, de-duplication, storing, trend counters, receipt,
// ledger: receiveMessage), and, with 10,000 registered organisations and 1,000,000 submissions, the
// trend dashboard, the intake queue and the de-duplication check — quiet, and while intake writes
// run in another process. Service calls in-process: no HTTP, no page cache.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Kysely, PostgresDialect, type CompiledQuery } from "kysely";
import { prng } from "../src/applicability/profile.random.ts";
import type { Database } from "../src/db/schema.ts";
import { MusubiSqliteDialect } from "../src/db/sqlite-dialect.ts";
import { ensureExchangeKey, publicKeyFromJwk } from "../src/exchange/exchange.keys.ts";
import type { VerifiedMessage } from "../src/exchange/exchange.message.ts";
import { wrapKeyOf } from "../src/exchange/exchange.party.ts";
import { tokenize } from "../src/incidents/similar/tokenize.ts";
import { getLibrary } from "../src/library/library.runtime.ts";
import { mostSimilar, prepareSubmission } from "../src/oversight/intake.receive.ts";
import { intakeQuery, listIntake } from "../src/oversight/intake.store.ts";
import { bands, minhash } from "../src/oversight/minhash.ts";
import { valueLabel } from "../src/oversight/open-data.ts";
import { trends, trendsQuery } from "../src/oversight/trends.ts";
import { TREND_DIMENSIONS, type TrendDimension } from "../src/oversight/trends.tags.ts";
import { dialects, openBenchDb, type BenchDb } from "./lib/db.ts";
import { drawReport } from "./lib/oversight.documents.ts";
import { generateInWorker } from "./lib/oversight.generate.ts";
import { envelopeOf, extractedOf, makeMembers, sectorAt, type HistoryIndex, type Member } from "./lib/oversight.history.ts";
import { checkReceipts, draw, runIntake, type IntakeTarget } from "./lib/oversight.intake.ts";
import { openLoader } from "./lib/oversight.load.ts";
import { checkGenerated, registerMembers, setupAuthority, BASE, type Authority } from "./lib/oversight.setup.ts";
import type { WriterConfig } from "./lib/oversight.writer.ts";
import { profiled } from "./lib/profile.ts";
import { ROOT } from "./lib/proc.ts";
import { figure, progress, type BenchResult, type Dialect, type Figure } from "./lib/report.ts";
import { median, percentile } from "./lib/stats.ts";

const ORGS = Number(process.env.MUSUBI_BENCH_OVERSIGHT_ORGS ?? 10_000);
const SUBMISSIONS = Number(process.env.MUSUBI_BENCH_OVERSIGHT_SUBMISSIONS ?? 1_000_000);
const INTAKE_SECONDS = Number(process.env.MUSUBI_BENCH_OVERSIGHT_INTAKE_SECONDS ?? 25);
/** Callers offering submissions at once, one intake run each (a list: "16,32,64"), so the run shows where throughput stops rising. */
const CONCURRENCY = (process.env.MUSUBI_BENCH_OVERSIGHT_CONCURRENCY ?? "16,32,64").split(",").map(Number);
const WRITERS = Number(process.env.MUSUBI_BENCH_OVERSIGHT_WRITERS ?? 4);
const SAMPLES = Number(process.env.MUSUBI_BENCH_OVERSIGHT_SAMPLES ?? 120);
/** Keep the history's signed messages too (the load then writes about three times as much). */
const HISTORY_MESSAGES = process.env.MUSUBI_BENCH_OVERSIGHT_HISTORY_MESSAGES === "1";
/** Submissions signed before the intake run per second of it: more than it can take, so senders' signing stays out of the run. */
const PRESIGN_PER_SECOND = 450;
const CHUNK = 500;
const CASE_BUDGET_MS = 30_000;
const HISTORY_FROM = Date.parse("2024-01-01T00:00:00.000Z");
const HISTORY_TO = Date.parse("2026-12-06T00:00:00.000Z");
const WRITER = fileURLToPath(new URL("./lib/oversight.writer.ts", import.meta.url));

type Run = (db: Kysely<Database>) => Promise<unknown>;
interface ReadCase {
  key: string;
  name: string;
  target: number;
  /** Taken in turn, one per call: dimensions, statuses, drill-downs, submissions. */
  variants: { label: string; run: Run }[];
}
interface Timed {
  all: number[];
  byVariant: Map<string, number[]>;
}

async function sample(db: Kysely<Database>, c: ReadCase, samples: number): Promise<Timed> {
  // Warm: plans prepared, the public-case index built (the server builds it on its first submission).
  for (const v of c.variants.slice(0, 3)) await v.run(db);
  const t: Timed = { all: [], byVariant: new Map() };
  const t0 = performance.now();
  // A read that misses its target by far gets fewer samples (every variant at least once): the run stays bounded.
  for (let i = 0; i < samples && (i < c.variants.length || performance.now() - t0 < CASE_BUDGET_MS); i++) {
    const v = c.variants[i % c.variants.length]!;
    const t0 = performance.now();
    await v.run(db);
    const ms = performance.now() - t0;
    t.all.push(ms);
    t.byVariant.set(v.label, [...(t.byVariant.get(v.label) ?? []), ms]);
  }
  return t;
}

function slowest(t: Timed): { label: string; p95: number } {
  let worst = { label: "", p95: -1 };
  for (const [label, xs] of t.byVariant) if (percentile(xs, 95) > worst.p95) worst = { label, p95: percentile(xs, 95) };
  return worst;
}

/** The statements one call runs, each with EXPLAIN (ANALYZE, BUFFERS) on PostgreSQL or its plan and time on SQLite: slowest first. */
async function explain(b: BenchDb, run: Run): Promise<string> {
  const queries: CompiledQuery[] = [];
  const log = (e: { level: string; query: CompiledQuery }) => void (e.level === "query" && queries.push(e.query));
  const k = b.db.pgPool ? new Kysely<Database>({ dialect: new PostgresDialect({ pool: b.db.pgPool }), log }) : new Kysely<Database>({ dialect: new MusubiSqliteDialect(b.db.sqlite!), log });
  await run(k);
  const plans: { ms: number; text: string }[] = [];
  for (const q of queries) {
    const params = q.parameters as unknown[];
    if (b.db.pgPool) {
      const r = await b.db.pgPool.query<Record<string, string>>(`explain (analyze, buffers) ${q.sql}`, params);
      const lines = r.rows.map((x) => x["QUERY PLAN"]!);
      plans.push({ ms: Number(/Execution Time: ([\d.]+)/.exec(lines.join("\n"))?.[1] ?? 0), text: `${q.sql}\n    params ${JSON.stringify(params).slice(0, 400)}\n    ${lines.join("\n    ")}` });
    } else {
      const st = b.db.sqlite!.prepare(q.sql);
      const t0 = performance.now();
      if (st.reader) st.all(...params);
      const ms = performance.now() - t0;
      const plan = b.db.sqlite!.prepare(`explain query plan ${q.sql}`).all(...params) as { detail: string }[];
      plans.push({ ms, text: `${q.sql}\n    params ${JSON.stringify(params).slice(0, 400)}\n    plan: ${plan.map((p) => p.detail).join(" | ")}` });
    }
  }
  plans.sort((x, y) => y.ms - x.ms);
  let generic = "";
  const top = plans[0] && queries.find((q) => plans[0]!.text.startsWith(q.sql));
  if (b.db.pgPool && top && top.parameters.length > 0) {
    // The server runs its statements as named prepared statements: after five runs PostgreSQL may
    // keep a generic plan, made without the values. Its plan, for comparison.
    const c = await b.db.pgPool.connect();
    try {
      const literal = (v: unknown) => (typeof v === "number" ? String(v) : v === null ? "null" : c.escapeLiteral(String(v)));
      await c.query("set plan_cache_mode = force_generic_plan");
      await c.query(`prepare bench_generic as ${top.sql}`);
      const r = await c.query<Record<string, string>>(`explain (analyze, buffers) execute bench_generic(${top.parameters.map(literal).join(", ")})`);
      generic = `\n  generic plan of the slowest statement (what a prepared statement may settle on):\n    ${r.rows.map((x) => x["QUERY PLAN"]!).join("\n    ")}`;
      await c.query("deallocate bench_generic");
      await c.query("reset plan_cache_mode");
    } finally {
      c.release();
    }
  }
  return plans.map((p) => `  [${p.ms.toFixed(1)} ms] ${p.text}`).join("\n") + generic;
}

/** What receiveMessage hands prepareSubmission for a drawn submission: a verified message (not signed; this times the check alone). */
function verifiedOf(t: IntakeTarget, sender: Member, n: number, textSeed: number, sector: string | null, near: boolean): { message: VerifiedMessage; text: string } {
  const d = drawReport(t.template, { nameJa: sender.nameJa, nameEn: sender.nameEn, sector, domain: sender.domain }, 80_000_000 + n, `INC-CHECK-${n}`, Date.now(), textSeed, near ? 80_000_000 + n : 0);
  const claims = { iss: sender.party, aud: t.audience, iat: Math.floor(Date.now() / 1000), jti: `bench-check-${String(n).padStart(8, "0")}`, idempotencyKey: `check-${n}`, kind: "incident-report" as const, schema: "musubi-submission/1", payloadSha256: "0".repeat(64) };
  return { message: { kid: sender.kid, claims, payload: envelopeOf(d) }, text: extractedOf(d).text };
}

/** The reads issue 16 sets targets for, each over the variants an analyst uses. */
function readCases(a: Authority, t: IntakeTarget, idx: HistoryIndex, size: number): { cases: ReadCase[]; checkTexts: string[]; checks: { near: boolean; message: VerifiedMessage; text: string }[] } {
  const library = getLibrary();
  const label = (d: TrendDimension, v: string) => valueLabel(library, d, v);
  const drill: [TrendDimension, string][] = [["sector", "finance"], ["sector", "education"], ["harmType", "involving_minor"], ["right", "privacy"], ["modelProvider", "OpenAI"], ["severity", "critical"], ["generative", "yes"], ["actorRole", "ai-developer"], ["kind", "incident-report"]];
  // Submissions as they arrive: most about new incidents, some another organisation's account of a recent one.
  const rnd = prng(16);
  const checks = Array.from({ length: 60 }, (_, n) => {
    const sender = t.members[Math.floor(rnd() * t.members.length)]!;
    const near = rnd() < 0.2;
    const j = size - 1 - Math.floor(rnd() * Math.min(size, 20_000));
    return { near, ...(near ? verifiedOf(t, sender, n, idx.textSeed[j]!, sectorAt(idx.textSector[j]!), true) : verifiedOf(t, sender, n, 70_000_000 + n, sender.sector, false)) };
  });
  const cases: ReadCase[] = [
    { key: "trends", name: "trend dashboard: trends, last 12 months, each of the 8 dimensions", target: 200, variants: TREND_DIMENSIONS.map((d) => ({ label: d, run: (db: Kysely<Database>) => trends(db, a.orgId, trendsQuery.parse({ dimension: d }), label) })) },
    { key: "queue", name: "queue page: listIntake, first page, newest first", target: 50, variants: [{ label: "default", run: (db) => listIntake(db, a.orgId, intakeQuery.parse({})) }] },
    { key: "status", name: "queue page, status filter (each status in turn)", target: 50, variants: ["new", "triaged", "closed", "duplicate", "superseded"].map((s) => ({ label: s, run: (db: Kysely<Database>) => listIntake(db, a.orgId, intakeQuery.parse({ status: s })) })) },
    { key: "drill", name: "queue page, trend drill-down (dimension=value, 9 in turn)", target: 50, variants: drill.map(([d, v]) => ({ label: `${d}=${v}`, run: (db: Kysely<Database>) => listIntake(db, a.orgId, intakeQuery.parse({ dimension: d, value: v })) })) },
    { key: "dedup", name: "de-duplication check: prepareSubmission (schema, MinHash bands, similarity, public case)", target: 20, variants: checks.map((c, n) => ({ label: `${c.near ? "near-duplicate" : "new"} #${n}`, run: (db: Kysely<Database>) => prepareSubmission(db, a.orgId, c.message.claims.iss, c.message) })) },
  ];
  return { cases, checkTexts: checks.map((c) => c.text), checks };
}

/** How many earlier submissions share a band with each checked one: what the de-duplication lookup has to go through. */
async function candidates(db: Kysely<Database>, orgId: string, texts: string[]): Promise<number[]> {
  const out: number[] = [];
  for (const text of texts) {
    const sig = minhash(tokenize(text));
    if (!sig) continue;
    const r = await db.selectFrom("oversight_intake_bands").select((eb) => eb.fn.count<number>("intake_id").distinct().as("n")).where("org_id", "=", orgId).where("band", "in", bands(sig)).executeTakeFirstOrThrow();
    out.push(Number(r.n));
  }
  return out;
}

/** Intake writers in their own process (bench/lib/oversight.writer.ts), started and ready. */
async function startWriters(b: BenchDb, a: Authority, members: Member[]) {
  const file = path.join(b.dataDir, "writer.json");
  const config: WriterConfig = {
    database: b.db.pgPool ? { url: b.env.DATABASE_URL! } : { file: b.db.location! },
    dataDir: b.dataDir,
    base: BASE,
    slug: a.slug,
    audience: a.party,
    concurrency: WRITERS,
    template: a.template,
    members: members.map(({ privateKey, ...m }) => ({ ...m, pkcs8: privateKey.export({ format: "der", type: "pkcs8" }).toString("base64") })),
  };
  fs.writeFileSync(file, JSON.stringify(config));
  const child = spawn(process.execPath, ["--import", "tsx", WRITER, file], { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"] });
  let out = "";
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("ready\n")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`intake writers exited (${code}) before they were ready`)));
    setTimeout(() => reject(new Error("intake writers not ready after 120 s")), 120_000).unref();
  });
  await ready.catch((err: unknown) => {
    child.kill();
    throw err;
  });
  return {
    async stop(): Promise<{ accepted: number; other: number; seconds: number; latencies: number[] }> {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.stdin.end();
      await exited;
      return JSON.parse(out.split("\n").filter(Boolean).at(-1)!);
    },
  };
}

/** CPU ticks (1/100 s) of a process, from /proc; 0 when it is gone or not on Linux. */
function ticksOf(pid: number): number {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return Number(f[11]) + Number(f[12]);
  } catch {
    return 0;
  }
}

/** Measures the CPU this process and the database's server processes for this database (PostgreSQL on this machine) use from now on. */
async function cpuMeter(b: BenchDb): Promise<() => Promise<{ nodeMs: number; serverMs: number | undefined }>> {
  const backends = async () => (b.db.pgPool ? (await b.db.pgPool.query<{ pid: number }>("select pid from pg_stat_activity where datname = current_database()")).rows.map((r) => r.pid) : []);
  const before = new Map((await backends()).map((pid) => [pid, ticksOf(pid)]));
  const cpu0 = process.cpuUsage();
  return async () => {
    const cpu = process.cpuUsage(cpu0);
    let ticks = 0;
    for (const pid of await backends()) ticks += ticksOf(pid) - (before.get(pid) ?? 0);
    return { nodeMs: (cpu.user + cpu.system) / 1000, serverMs: b.db.pgPool ? ticks * 10 : undefined };
  };
}

async function count(db: Kysely<Database>, q: (db: Kysely<Database>) => Promise<{ n: unknown }>): Promise<number> {
  return Number((await q(db)).n);
}

interface Side {
  dialect: Dialect;
  b: BenchDb;
  a: Authority;
}

export async function oversightBench(): Promise<BenchResult> {
  const figures: Figure[] = [];
  const notes: string[] = [];
  const library = getLibrary();
  const members = makeMembers(ORGS - 2);
  const byParty = new Map(members.map((m) => [m.party, m]));
  const opened: BenchDb[] = [];
  try {
    const sides: Side[] = [];
    for (const dialect of dialects()) {
      const b = await openBenchDb(dialect);
      opened.push(b);
      const a = await setupAuthority(b.db, b.dataDir, library);
      await registerMembers(b.db, a, members);
      sides.push({ dialect, b, a });
      progress(`${dialect}: authority, ${ORGS.toLocaleString("en")} registered organisations (2 of them through connectToAuthority, decideRegistration and a real submission)`);
    }
    // One pass of the generator feeds every database: the same history in each.
    const { a: first } = sides[0]!;
    // The rows are drawn in a worker thread while this one hands the previous ones to the databases.
    const generated = await generateInWorker({ submissions: SUBMISSIONS, members, template: first.template, audience: first.party, fromMs: HISTORY_FROM, toMs: HISTORY_TO, nearDuplicates: 0.05, resubmissions: 0.03, messages: HISTORY_MESSAGES }, CHUNK);
    const loaders = await Promise.all(sides.map((s) => openLoader(s.b.db, s.a.orgId, s.a.analystIds)));
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    let rows = 0;
    let checked = 0;
    for await (const chunk of generated.chunks) {
      if (rows === 0) checked = await checkGenerated(sides[0]!.b.db, first, chunk.slice(0, 100), byParty);
      for (const l of loaders) await l.add(chunk);
      rows += chunk.length;
      if (rows % 100_000 < CHUNK) progress(`${rows.toLocaleString("en")} submissions generated and loaded, ${Math.round(rows / ((performance.now() - t0) / 1000))}/s`);
    }
    const { index: idx, counters } = await generated.result();
    const cpu = process.cpuUsage(cpu0);
    notes.push(`load: this process (generator thread included) spent ${((cpu.user + cpu.system) / rows).toFixed(0)} µs of CPU per submission drawing it and handing it to ${sides.map((s) => s.dialect).join(" and ")} (${((performance.now() - t0) / 1000 / 60).toFixed(1)} min wall)`);
    // PostgreSQL builds its indexes in its own process while SQLite sorts its staged rows in this one.
    const finishing = sides.map((s, k) => ({ s, stats: loaders[k]!.finish(counters) }));
    for (const { s, stats } of finishing) {
      const loaded = await stats;
      const total = await count(s.b.db.kysely, (db) => db.selectFrom("oversight_intake").select((eb) => eb.fn.countAll().as("n")).where("org_id", "=", s.a.orgId).executeTakeFirstOrThrow());
      if (total !== SUBMISSIONS + 2) throw new Error(`${s.dialect}: ${total} submissions in the intake, expected ${SUBMISSIONS + 2}`);
      const minutes = (loaded.loadSeconds + loaded.indexSeconds) / 60;
      notes.push(`${s.dialect}: loaded ${loaded.rows.toLocaleString("en")} submissions with ${loaded.bands.toLocaleString("en")} band rows, ${loaded.tags.toLocaleString("en")} tag rows, ${loaded.rows.toLocaleString("en")} idempotency rows and ${loaded.counters.toLocaleString("en")} counters: ${(loaded.loadSeconds / 60).toFixed(1)} min taking rows (as fast as the generator made them, ${sides.length} databases fed at once), ${(loaded.indexSeconds / 60).toFixed(1)} min indexes and statistics`);
      figures.push(figure({ bench: "oversight", db: s.dialect, name: "bulk load of the history (rows, bands, tags, counters, indexes)", value: minutes, unit: "min", detail: { submissions: loaded.rows, rowsPerSecond: Math.round(loaded.rows / loaded.loadSeconds) } }));
    }
    notes.push(`${checked} generated rows checked against prepareSubmission (columns, MinHash) and applyTrend (counters) before loading`);
    for (const s of sides) await measure(s, { members, idx, figures, notes });
  } finally {
    for (const b of opened) await b.cleanup();
  }
  return { bench: "oversight", figures, notes: [`${ORGS.toLocaleString("en")} registered organisations; ${SUBMISSIONS.toLocaleString("en")} submissions of the past three years, 5% another organisation's near-duplicate, 3% superseded by a resubmission; reads: ${SAMPLES} calls per figure after 3 warm-up calls`, ...notes] };
}

/** Reads quiet, the intake run, and the reads again under intake writes, on one database. */
async function measure({ dialect, b, a }: Side, o: { members: Member[]; idx: HistoryIndex; figures: Figure[]; notes: string[] }): Promise<void> {
  const { members, idx, figures, notes } = o;
  const size = SUBMISSIONS;
  const add = (f: Omit<Figure, "bench" | "db">) => figures.push(figure({ bench: "oversight", db: dialect, ...f }));
  const reader = (b.db.reader ?? b.db).kysely;
  const target: IntakeTarget = { env: a.env, slug: a.slug, audience: a.party, members, template: a.template, history: { idx, size } };
  const { cases, checkTexts, checks } = readCases(a, target, idx, size);
  const report = async (phase: string, timed: Map<string, Timed>) => {
    for (const c of cases) {
      const t = timed.get(c.key)!;
      const worst = slowest(t);
      const extra = c.key === "dedup" ? await candidates(b.db.kysely, a.orgId, checkTexts) : undefined;
      add({ name: `${c.name}${phase}`, value: percentile(t.all, 95), unit: "ms p95", target: { op: "<", value: c.target }, detail: { median: median(t.all), samples: t.all.length, slowest: `${worst.label} p95 ${worst.p95.toFixed(1)}`, ...(extra && { bandCandidatesMedian: median(extra), bandCandidatesP95: percentile(extra, 95), bandCandidatesMax: Math.max(...extra) }) } });
      if (percentile(t.all, 95) >= c.target) notes.push(`${dialect}${phase}: "${c.name}" missed its target; the statements of one call of its slowest variant (${worst.label}):\n${await explain(b, c.variants.find((v) => v.label === worst.label)!.run)}`);
    }
  };
  const quiet = new Map<string, Timed>();
  for (const c of cases) quiet.set(c.key, await sample(reader, c, SAMPLES));
  await report("", quiet);
  // What the cap on candidates costs in finding: the near-duplicate checks, compared with the cap the intake uses and with four times as many.
  const flagged = async (cap?: number) => {
    let n = 0;
    for (const c of checks.filter((x) => x.near)) {
      const sig = minhash(tokenize(c.text));
      if (sig && (await mostSimilar(reader, a.orgId, c.message.claims.iss, sig, cap))) n++;
    }
    return n;
  };
  const nearChecks = checks.filter((x) => x.near).length;
  add({ name: "de-duplication check: near-duplicates flagged as possibly the same incident (another organisation's account of a recent one)", value: await flagged(), unit: `of ${nearChecks}`, detail: { withFourTimesTheCandidates: await flagged(200) } });
  progress(`${dialect}: reads timed`);

  // Intake: many senders, each number of callers in turn, for INTAKE_SECONDS each.
  const tag = dialect === "sqlite" ? "sq" : "pg";
  const key = await ensureExchangeKey(b.db.kysely, wrapKeyOf(a.env), a.orgId);
  let drawn = 0;
  for (const callers of CONCURRENCY) {
    const presigned: Awaited<ReturnType<typeof draw>>[] = [];
    for (let k = 0; k < INTAKE_SECONDS * PRESIGN_PER_SECOND; k++) presigned.push(await draw(target, tag, drawn++));
    const startedAt = new Date().toISOString();
    progress(`${dialect}: ${presigned.length} submissions signed; receiving for ${INTAKE_SECONDS} s with ${callers} callers`);
    const meter = await cpuMeter(b);
    const run = await profiled(`intake-${dialect}-${callers}`, () => runIntake(target, presigned, { concurrency: callers, seconds: INTAKE_SECONDS, tag, first: drawn }));
    drawn += run.signedDuring;
    const used = await meter();
    const { receipted, refused } = await checkReceipts(run, a.party, { kid: key.kid, key: publicKeyFromJwk(key.publicKey.jwk).key });
    const stored = await count(b.db.kysely, (db) => db.selectFrom("oversight_intake").select((eb) => eb.fn.countAll().as("n")).where("org_id", "=", a.orgId).where("received_at", ">=", startedAt).executeTakeFirstOrThrow());
    const ledgered = await count(b.db.kysely, (db) => db.selectFrom("audit_log").select((eb) => eb.fn.countAll().as("n")).where("org_id", "=", a.orgId).where("action", "=", "exchange.message_received").where("ts", ">=", startedAt).executeTakeFirstOrThrow());
    const sent = run.sent.length;
    const byKind = new Map<string, number>();
    for (const s of run.sent) byKind.set(s.kind, (byKind.get(s.kind) ?? 0) + 1);
    const kinds = [...byKind].map(([k, v]) => `${k} ${v}`).join(", ");
    add({
      name: `intake: signed submissions received per second, ${callers} concurrent callers, ${INTAKE_SECONDS} s`,
      value: sent / run.seconds,
      unit: "msg/s",
      ...(dialect === "postgres" && { target: { op: ">=" as const, value: 300 } }),
      detail: { perSecondMedian: median(run.perSecond), slowestSecond5pct: percentile(run.perSecond, 5), latencyMedianMs: median(run.latencies), latencyP95Ms: percentile(run.latencies, 95), sent, signedDuringRun: run.signedDuring, nodeCpuMsPerMsg: used.nodeMs / sent, ...(used.serverMs !== undefined && { postgresCpuMsPerMsg: used.serverMs / sent }) },
    });
    add({ name: `intake: submissions lost (sent − stored) plus answers without a verified receipt, ${callers} callers`, value: sent - stored + (sent - receipted), unit: "", target: { op: "==", value: 0 }, detail: { sent, stored, receipted, ledgerEntries: ledgered, refused: JSON.stringify(refused) } });
    notes.push(`${dialect}, ${callers} callers: intake mix ${kinds}; every answer checked (201, receipt verified with the authority's key, naming the submission's idempotency key and payload hash)`);
  }

  // The same reads while WRITERS callers in another process keep receiving submissions.
  const writers = await startWriters(b, a, members.slice(0, 400));
  const loadedReads = new Map<string, Timed>();
  for (const c of cases) loadedReads.set(c.key, await sample(reader, c, SAMPLES));
  const w = await writers.stop();
  await report(`, under ${WRITERS} concurrent intake writers`, loadedReads);
  notes.push(`${dialect}: during the reads under load the writers' process received ${w.accepted} submissions in ${w.seconds.toFixed(1)} s (${(w.accepted / w.seconds).toFixed(0)}/s, ${w.other} other answers; latency median ${median(w.latencies).toFixed(1)} ms, p95 ${percentile(w.latencies, 95).toFixed(1)} ms)`);
  if (w.other > 0) throw new Error(`the intake writers got ${w.other} answers other than 201`);
}
