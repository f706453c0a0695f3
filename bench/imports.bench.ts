// Issue 17's figures. (1) A 100,000-row register in a foreign shape — its own headers, lifecycle
// words that need a value mapping, tags joined with "|" that need a split rule, and three columns
// that go into the organisation's own fields (text, a choice read through a value mapping, a
// number) — is imported
// through a real server (upload, then commit, polled as the wizard polls), then imported again
// with an upsert by code (nothing changes), then again with a tenth of the rows changed; the
// longest event-loop stall of the server is measured in it. (2) With those 100,000 systems, the
// inventory's search (folding and the glossary) one request at a time, page cache off; on
// PostgreSQL, after each import, how long the records take to be filed into the text index. (3)
// 100,000 public incidents imported as reference cases of a named source, then the similar-incident
// search over them. SQLite, and PostgreSQL when MUSUBI_BENCH_PG_URL is set.
import { prng } from "../src/applicability/profile.random.ts";
import { similarIncidents } from "../src/incidents/similar/similar.service.ts";
import { importReferenceCases, suggestReferenceMapping } from "../src/incidents/reference.import.ts";
import { readTable } from "../src/systems/io/table.read.ts";
import { seedOrg, testApp } from "../test/support/app.ts";
import { dialects, openBenchDb, PG_SKIPPED, pgUrl } from "./lib/db.ts";
import { startServe } from "./lib/proc.ts";
import { figure, progress, type BenchResult, type Dialect, type Figure } from "./lib/report.ts";
import { max, median, percentile } from "./lib/stats.ts";
import { measure, post } from "./uploads.bench.ts";
import { fileURLToPath } from "node:url";

const ROWS = Number(process.env.MUSUBI_BENCH_IMPORT_ROWS ?? 100_000);
const CASES = Number(process.env.MUSUBI_BENCH_REFERENCE_CASES ?? 100_000);
const MONITOR = fileURLToPath(new URL("./lib/loop-monitor.mjs", import.meta.url));

/** What the register's rows are about: words in several languages and scripts, as real registers mix them. */
const PURPOSES = [
  "Fraud detection for card payments",
  "Détection de fraude sur les paiements privés",
  "顧客対応の不正検知",
  "Customer’s credit scoring",
  "採用選考の書類審査",
  "与信審査の自動化",
  "Chatbot answering citizens' questions",
  "Données privées des patients — triage",
  "需要予測と在庫の最適化",
  "Traffic camera number-plate reading",
];
const STAGES = ["Live", "Pilot", "Idea", "Decommissioned"] as const;
const STAGE_VALUES = { Live: "deployed", Pilot: "development", Idea: "planning", Decommissioned: "retired" };
const TAGS = ["hr", "finance", "public", "vision", "nlp", "pii"];
const LEGAL_BASES = ["Art. 6(1)(e) GDPR", "個人情報保護法第18条", "Public task, statute 12", "Consent"];
const TIERS = ["Tier 1", "Tier 2", "Tier 3"];
/** The organisation's own fields the register's last three columns fill. */
const CUSTOM_FIELDS = [
  { entity: "system", key: "legal_basis", labelJa: "法的根拠", labelEn: "Legal basis", type: "text" },
  { entity: "system", key: "risk_tier", labelJa: "リスク区分", labelEn: "Risk tier", type: "choice", options: [{ value: "high", labelJa: "高", labelEn: "High" }, { value: "medium", labelJa: "中", labelEn: "Medium" }, { value: "low", labelJa: "低", labelEn: "Low" }] },
  { entity: "system", key: "annual_users", labelJa: "年間利用者数", labelEn: "Annual users", type: "number" },
];

/** The register as CSV: its own headers, foreign stage words, "|"-joined tags; `changeEvery` rows get a new purpose. */
export function foreignRegister(rows: number, changeEvery = 0): Buffer {
  const rnd = prng(17);
  const lines = ["Use case ID,Use case name,Name (JA),Summary,Stage,Unit,Business owner,Technical owner,Labels,Legal basis,Risk tier,Annual users"];
  const roles = ["admin", "governance_lead", "system_owner", "reviewer"];
  for (let i = 0; i < rows; i++) {
    const n = String(i + 1).padStart(6, "0");
    const purpose = `${PURPOSES[i % PURPOSES.length]} ${n}${changeEvery > 0 && i % changeEvery === 0 ? " (revised)" : ""}`;
    const tags = TAGS.filter(() => rnd() < 0.3).join("|");
    const basis = LEGAL_BASES[i % LEGAL_BASES.length];
    lines.push([`UC-${n}`, `Use case ${n}`, `ユースケース ${n}`, `"${purpose}"`, STAGES[i % STAGES.length], `D${String(i % 40).padStart(3, "0")}`, `${roles[i % 4]}@bench.test`, `${roles[(i + 1) % 4]}@bench.test`, tags, `"${basis}"`, TIERS[i % TIERS.length], `"${((i * 37) % 90_000 + 100).toLocaleString("en-US")}"`].join(","));
  }
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}

const MAPPING = [
  { column: "Use case ID", field: "code" },
  { column: "Use case name", field: "nameEn" },
  { column: "Name (JA)", field: "nameJa" },
  { column: "Summary", field: "purpose" },
  { column: "Stage", field: "lifecycle", values: STAGE_VALUES },
  { column: "Unit", field: "departmentCode" },
  { column: "Business owner", field: "businessOwnerEmail" },
  { column: "Technical owner", field: "technicalOwnerEmail" },
  { column: "Labels", field: "tags", split: "|" },
  { column: "Legal basis", field: "custom.legal_basis" },
  { column: "Risk tier", field: "custom.risk_tier", values: { "Tier 1": "high", "Tier 2": "medium", "Tier 3": "low" } },
  { column: "Annual users", field: "custom.annual_users" },
];

/** Uploads a file and commits it with the mapping (and options), polling as the wizard does; answers what the import reported. */
async function importThrough(url: string, token: string, csv: Buffer, options: Record<string, unknown>): Promise<{ answer: string; polls: number; upsert?: { new: number; changed: number; unchanged: number } }> {
  const up = await post(url, token, "/api/imports", new Uint8Array(csv), { "x-file-name": "register.csv" });
  if (up.status !== 201) throw new Error(`upload answered ${up.answer}`);
  const commit = await post(url, token, `/api/imports/${up.json.id}/commit`, JSON.stringify({ mapping: MAPPING, ...options }), { "content-type": "application/json" });
  if (commit.status !== 202) throw new Error(`commit answered ${commit.answer}: ${JSON.stringify(commit.json).slice(0, 400)}`);
  let polls = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    const s = (await (await fetch(`${url}/api/imports/${up.json.id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { status: string; imported: number; progress?: unknown; report?: { upsert?: { new: number; changed: number; unchanged: number } } };
    if (s.progress) polls++;
    if (s.status === "committed") return { answer: `committed ${s.imported} rows`, polls, ...(s.report?.upsert && { upsert: s.report.upsert }) };
    if (s.status === "failed") throw new Error(`import failed: ${JSON.stringify(s).slice(0, 400)}`);
  }
}

async function inventory(dialect: Dialect, figures: Figure[], notes: string[]): Promise<void> {
  const bdb = await openBenchDb(dialect);
  try {
    const org = await seedOrg(bdb.db, "bench");
    const token = org.tokens.admin;
    const api = testApp(bdb.db, bdb.dataDir);
    for (let i = 0; i < 40; i++) {
      const code = `D${String(i).padStart(3, "0")}`;
      await api.call("POST", "/api/departments", { token, body: { code, nameJa: `部署${code}`, nameEn: `Dept ${code}` } });
    }
    for (const f of CUSTOM_FIELDS) {
      const made = await api.call("POST", "/api/fields", { token, body: f });
      if (made.status !== 201) throw new Error(`field ${f.key}: ${JSON.stringify(made.body)}`);
    }
    await bdb.db.close();
    const first = foreignRegister(ROWS);
    const revised = foreignRegister(ROWS, 10);
    const { url, server } = await startServe({ ...bdb.env, MUSUBI_BACKGROUND_JOBS: "0", MUSUBI_PAGE_CACHE_MB: "0", NODE_OPTIONS: `--import=${MONITOR}` });
    try {
      const rows = ROWS.toLocaleString("en-US");
      const runs: [string, Buffer, Record<string, unknown>, ((r: Awaited<ReturnType<typeof importThrough>>) => void)?][] = [
        [`${rows}-row foreign register, value mapping + split rule + 3 custom fields (new systems)`, first, {}],
        [`same file again, upsert by code (nothing changes)`, first, { upsertBy: "code" }, (r) => {
          if (r.upsert?.unchanged !== ROWS) throw new Error(`expected ${ROWS} unchanged, got ${JSON.stringify(r.upsert)}`);
        }],
        [`a tenth of the rows revised, upsert by code`, revised, { upsertBy: "code" }, (r) => {
          if (r.upsert?.changed !== ROWS / 10) throw new Error(`expected ${ROWS / 10} changed, got ${JSON.stringify(r.upsert)}`);
        }],
      ];
      for (const [name, file, options, check] of runs) {
        progress(`imports ${dialect}: ${name}`);
        const m = await measure(url, server, () => importThrough(url, token, file, options));
        check?.(m.result);
        figures.push(
          figure({ bench: "imports", name: `${name}: upload to committed`, db: dialect, value: m.seconds, unit: "s", target: { op: "<", value: 30 }, detail: { answer: m.result.answer, progressPolls: m.result.polls, ...(m.result.upsert && { upsert: JSON.stringify(m.result.upsert) }) } }),
          figure({ bench: "imports", name: "  longest event-loop stall", db: dialect, value: m.loopMaxMs, unit: "ms", target: { op: "<", value: 100 }, detail: { healthPollMaxMs: m.healthMaxMs } }),
        );
        if (dialect === "postgres") {
          // PostgreSQL files the written records into the text index after the import's commit
          // (search finds them meanwhile, more slowly): how long that takes, before the next run.
          const filed = await untilIndexed(bdb.env.DATABASE_URL!);
          figures.push(figure({ bench: "imports", name: "  then filed into the text index (after commit)", db: dialect, value: filed, unit: "s" }));
        }
      }

      // Search over the 100,000 systems, one request at a time, no page cache.
      // Common words (a tenth of the register each) and rare ones (a code, a word no record holds):
      // the first are found by walking the sort order, the others through the text index.
      const queries = ["prive", "privées", "fraud", "FRAUD", "ｆｒａｕｄ", "不正", "customer's", "customer’s", "与信", "採用", "012345", "ＵＣ－０４２４２４", "審査の自動化 000777", "quantum"];
      const ms: number[] = [];
      const byQuery = new Map<string, number[]>();
      const found: Record<string, number> = {};
      for (let round = 0; round < 10; round++) {
        for (const q of queries) {
          const t0 = performance.now();
          const res = await fetch(`${url}/api/systems?q=${encodeURIComponent(q)}&limit=50`, { headers: { authorization: `Bearer ${token}` } });
          const body = (await res.json()) as { items?: unknown[]; total?: number };
          ms.push(performance.now() - t0);
          byQuery.set(q, [...(byQuery.get(q) ?? []), performance.now() - t0]);
          if (res.status !== 200) throw new Error(`search ${q} answered ${res.status}`);
          found[q] = body.items?.length ?? 0;
        }
      }
      // Outside the target's mix, reported as it is: a piece of a name whose every pair ("us", "ca",
      // "00", "01") is in most records, so that the index narrows little; 100 systems match.
      const hard: number[] = [];
      for (let round = 0; round < 10; round++) {
        const t0 = performance.now();
        const res = await fetch(`${url}/api/systems?q=${encodeURIComponent("Use case 0001")}&limit=50`, { headers: { authorization: `Bearer ${token}` } });
        await res.json();
        hard.push(performance.now() - t0);
      }
      figures.push(figure({ bench: "imports", name: `inventory search over ${rows} systems (folding + glossary, no page cache, 1 conn): p95`, db: dialect, value: percentile(ms, 95), unit: "ms", target: { op: "<", value: 30 }, detail: { p50: median(ms), max: max(ms), requests: ms.length, firstPageRows: queries.map((q) => `${q}=${found[q]}`).join(" "), slowest: [...byQuery].map(([q, t]) => [q, median(t)] as const).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([q, t]) => `${q}:${t.toFixed(1)}ms`).join(" ") } }));
      figures.push(figure({ bench: "imports", name: `  a name piece of common pairs ("Use case 0001"): median`, db: dialect, value: median(hard), unit: "ms", detail: { max: max(hard) } }));
    } finally {
      await server.stop();
    }
  } finally {
    await bdb.cleanup();
  }
  notes.push(`${dialect}: register ${(foreignRegister(10).length / 10 * ROWS / 2 ** 20).toFixed(1)} MB of CSV; stage words mapped through values, tags split on "|"`);
}

/** Seconds until PostgreSQL's queue of records for the text index is empty (polled every 100 ms). */
async function untilIndexed(databaseUrl: string): Promise<number> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const t0 = performance.now();
    while (Number((await client.query("select count(*) as n from search_pending")).rows[0].n) > 0) await new Promise((r) => setTimeout(r, 100));
    return (performance.now() - t0) / 1000;
  } finally {
    await client.end();
  }
}

const HARMS = ["wrongful arrest after a facial recognition match", "hiring model rejected older applicants", "chatbot leaked personal data", "自動運転車が歩行者と接触", "与信モデルが特定地域の申込者を不利に扱った", "deepfake voice used for fraud", "medical triage model missed sepsis", "content filter removed lawful speech"];

/** A public incident register of `n` cases: ids, titles, descriptions, year- or day-precise dates. */
function caseRegister(n: number): Buffer {
  const rnd = prng(5);
  const lines = ["Case ID,Date,Headline,Summary,Deployer,Harmed"];
  for (let i = 0; i < n; i++) {
    const harm = HARMS[i % HARMS.length]!;
    const year = 2015 + (i % 11);
    const date = i % 3 === 0 ? String(year) : `${year}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
    lines.push([`C-${i + 1}`, date, `"${harm} (case ${i + 1})"`, `"Reported ${harm}; affected ${Math.floor(rnd() * 1000)} people in region ${i % 97}."`, `Operator ${i % 500}`, `Group ${i % 50}`].join(","));
  }
  return Buffer.from(lines.join("\n"), "utf8");
}

async function reference(dialect: Dialect, figures: Figure[]): Promise<void> {
  const bdb = await openBenchDb(dialect);
  try {
    const org = await seedOrg(bdb.db, "bench");
    const file = caseRegister(CASES);
    progress(`imports ${dialect}: ${CASES} reference cases`);
    const t0 = performance.now();
    const table = await readTable(new Uint8Array(file), "cases.csv");
    const r = await importReferenceCases(bdb.db, table, suggestReferenceMapping(table.headers), { name: "Bench Register", licence: "CC0-1.0" });
    const seconds = (performance.now() - t0) / 1000;
    if (r.cases !== CASES) throw new Error(`imported ${r.cases} of ${CASES}`);
    figures.push(figure({ bench: "imports", name: `${CASES.toLocaleString("en-US")} reference cases (CSV read + import)`, db: dialect, value: seconds, unit: "s", target: { op: "<", value: 60 }, detail: { importMs: r.ms, skipped: r.skipped.length } }));

    const queries = ["facial recognition wrongful arrest", "顔認識の誤認で逮捕", "chatbot leaked personal data", "個人情報の漏えい", "hiring discrimination older applicants", "採用で年齢差別", "deepfake fraud voice", "自動運転 歩行者"];
    const b0 = performance.now();
    await similarIncidents(bdb.db.kysely, org.orgId, { text: queries[0]!, limit: 5 });
    const buildMs = performance.now() - b0;
    const ms: number[] = [];
    for (let round = 0; round < 25; round++) {
      for (const text of queries) {
        const s = performance.now();
        const res = await similarIncidents(bdb.db.kysely, org.orgId, { text, limit: 5 });
        ms.push(performance.now() - s);
        if (res.public.length === 0) throw new Error(`no public match for ${text}`);
      }
    }
    figures.push(figure({ bench: "imports", name: `similar-incident search over ${CASES.toLocaleString("en-US")} reference cases: p95`, db: dialect, value: percentile(ms, 95), unit: "ms", target: { op: "<", value: 20 }, detail: { p50: median(ms), max: max(ms), queries: ms.length, firstSearchWithIndexBuildMs: Math.round(buildMs) } }));
  } finally {
    await bdb.cleanup();
  }
}

export async function importsBench(): Promise<BenchResult> {
  const figures: Figure[] = [];
  const notes: string[] = [];
  for (const dialect of dialects()) {
    await inventory(dialect, figures, notes);
    await reference(dialect, figures);
  }
  if (!pgUrl()) notes.push(PG_SKIPPED);
  return { bench: "imports", figures, notes };
}
