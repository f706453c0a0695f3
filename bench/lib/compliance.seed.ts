import type { Insertable } from "kysely";
// Seeds an organisation at the size issue 4 names: 100,000 AI systems whose profiles each put five
// frameworks in scope, and assessments against those frameworks until 2,000,000 requirement
// statuses exist; then the dashboard's counters, rebuilt from the rows by `expectedCounters` (the
// same recount the tests check the running totals against). Rows are inserted in bulk, not through
// the API: the benchmark measures reads, and 100,000 ledgered creates would only measure seeding.
import { sql } from "kysely";
import type { Db } from "../../src/db/connect.ts";
import type { AiSystem, Database } from "../../src/db/schema.ts";
import { evaluateFacts, type Evaluation } from "../../src/applicability/evaluate.ts";
import { checkProfile } from "../../src/applicability/profile.ts";
import { prng, randomProfiles } from "../../src/applicability/profile.random.ts";
import { applicableIn } from "../../src/compliance/assessments.sync.ts";
import { expectedCounters } from "../../src/compliance/counters.recount.ts";
import type { ItemStatus } from "../../src/compliance/statuses.ts";
import type { Library } from "../../src/library/library.model.ts";
import { summarise } from "../../src/systems/systems.classify.ts";
import type { Lifecycle } from "../../src/systems/systems.schema.ts";
import { searchTextOf } from "../../src/systems/systems.store.ts";
import { seedOrg } from "../../test/support/app.ts";
import { progress } from "./report.ts";

export const AS_OF = "2026-11-22";
const NOW = "2026-11-22T00:00:00.000Z";

export interface ComplianceSeed {
  orgId: string;
  token: string;
  systems: number;
  assessments: number;
  items: number;
  departments: string[];
  ownerIds: string[];
  tags: string[];
}

const JA_SUBJECTS = ["採用", "顧客対応", "与信審査", "需要予測", "文書要約", "翻訳", "不正検知", "画像検査", "議事録作成", "コード生成", "保険査定", "在庫最適化"];
const JA_KINDS = ["支援システム", "アシスタント", "モデル", "エンジン", "チャットボット"];
const EN_SUBJECTS = ["Hiring", "Customer care", "Credit review", "Demand forecast", "Document summary", "Translation", "Fraud detection", "Visual inspection", "Minutes", "Code generation", "Claims review", "Inventory"];
const EN_KINDS = ["support system", "assistant", "model", "engine", "chatbot"];
export const TAGS = ["genai", "hr", "finance", "customer", "internal", "pilot", "vendor", "critical"];
const VENDORS = ["OpenAI", "Anthropic", "Google", "Microsoft", "NEC", "Fujitsu", "Preferred Networks", "NTT"];
const LIFECYCLE_WEIGHTS: [Lifecycle, number][] = [["planning", 0.15], ["development", 0.2], ["deployed", 0.55], ["retired", 0.1]];
/** Assessed rows: a third met, the rest spread over the other statuses. */
const STATUS_WEIGHTS: [ItemStatus, number][] = [["met", 0.35], ["partially_met", 0.1], ["not_met", 0.08], ["in_progress", 0.12], ["not_started", 0.25], ["not_applicable", 0.1]];

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}

function weighted<T>(rnd: () => number, xs: readonly [T, number][]): T {
  let r = rnd();
  for (const [v, w] of xs) if ((r -= w) < 0) return v;
  return xs[xs.length - 1]![0];
}

function day(rnd: () => number, fromYear: number, years: number): string {
  const y = fromYear + Math.floor(rnd() * years);
  return `${y}-${String(1 + Math.floor(rnd() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rnd() * 28)).padStart(2, "0")}`;
}

interface PooledProfile {
  profile: string;
  euClass: string | null;
  euClassFrom: string | null;
  frameworks: string[];
  evaluation: Evaluation;
}

/** Random valid profiles that put exactly `frameworks` frameworks in scope, evaluated once each. */
export function profilePool(library: Library, size: number, frameworks: number): PooledProfile[] {
  const pool: PooledProfile[] = [];
  for (let seed = 1; pool.length < size; seed++) {
    for (const p of randomProfiles(library, 200, seed)) {
      const evaluation = evaluateFacts(library, checkProfile(library, p, "en").facts, AS_OF);
      const s = summarise(evaluation);
      if (s.frameworks.length === frameworks) pool.push({ profile: JSON.stringify(p), euClass: s.euClass, euClassFrom: s.euClassFrom, frameworks: s.frameworks, evaluation });
      if (pool.length === size) break;
    }
  }
  return pool;
}

async function insertChunked<T extends keyof Database>(db: Db, table: T, rows: Insertable<Database[T]>[], perStatement: number): Promise<void> {
  for (let i = 0; i < rows.length; i += perStatement) {
    await db.kysely.insertInto(table).values(rows.slice(i, i + perStatement) as never).execute();
  }
}

/** One system row; names, owners, dates and tags vary so filters and sorts have real work. */
function systemRow(orgId: string, i: number, rnd: () => number, p: PooledProfile, ownerIds: string[], departments: string[], libraryDigest: string): AiSystem {
  const code = `AIS-${String(i + 1).padStart(6, "0")}`;
  const s = rnd();
  const nameJa = `${pick(rnd, JA_SUBJECTS)}${pick(rnd, JA_KINDS)} ${String(i + 1).padStart(6, "0")}`;
  const nameEn = `${pick(rnd, EN_SUBJECTS)} ${pick(rnd, EN_KINDS)} ${String(i + 1).padStart(6, "0")}`;
  const tags = TAGS.filter(() => rnd() < 0.2);
  const vendors = [pick(rnd, VENDORS)];
  const purpose = `${nameJa}: 業務効率化のための AI 利用 / AI use for ${nameEn.toLowerCase()}`;
  const nextReview = s < 0.1 ? null : day(rnd, 2025, 3);
  return {
    id: `sys_bench${String(i).padStart(7, "0")}`,
    custom: "{}",
    org_id: orgId,
    code,
    name_ja: nameJa,
    name_en: nameEn,
    purpose,
    business_owner_id: pick(rnd, ownerIds),
    technical_owner_id: pick(rnd, ownerIds),
    department_id: pick(rnd, departments),
    lifecycle: weighted(rnd, LIFECYCLE_WEIGHTS),
    profile: p.profile,
    models: JSON.stringify([{ provider: vendors[0], name: "model", version: "1" }]),
    datasets: "[]",
    components: "[]",
    vendors: JSON.stringify(vendors),
    countries: JSON.stringify(rnd() < 0.3 ? ["JP", "DE"] : ["JP"]),
    tags: JSON.stringify(tags),
    last_reviewed_at: nextReview ? day(rnd, 2024, 2) : null,
    next_review_at: nextReview,
    eu_class: p.euClass,
    eu_class_from: p.euClassFrom,
    frameworks: JSON.stringify(p.frameworks),
    classified_on: AS_OF,
    // The library the rows were classified with, so the server does not classify them again at start.
    library_digest: libraryDigest,
    search_text: searchTextOf({ code, nameJa, nameEn, purpose, tags, vendors }),
    created_at: NOW,
    updated_at: `2026-${String(1 + (i % 11)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}T00:00:00.000Z`,
    version: 1,
  };
}

/**
 * Seeds the organisation. SQLite takes the rows in one transaction per table (a commit per chunk
 * would fsync 4,000 times); PostgreSQL in multi-row statements of a few thousand parameters.
 */
export async function seedCompliance(db: Db, library: Library, opts: { systems: number; items: number; frameworks: number }): Promise<ComplianceSeed> {
  const org = await seedOrg(db, "bench");
  const orgId = org.orgId;
  const ownerIds = Object.values(org.users).map((u) => u.id);
  const departments = Array.from({ length: 40 }, (_, i) => `dep_bench${String(i).padStart(3, "0")}`);
  await insertChunked(
    db,
    "departments",
    departments.map((id, i) => ({ id, org_id: orgId, code: `D${String(i).padStart(3, "0")}`, name_ja: `部署 ${i}`, name_en: `Department ${i}`, created_at: NOW, updated_at: NOW, version: 1 }) as never),
    200,
  );

  const pool = profilePool(library, 500, opts.frameworks);
  progress(`seed: ${pool.length} profiles with ${opts.frameworks} frameworks in scope`);
  const rnd = prng(2026);
  const rows: AiSystem[] = [];
  for (let i = 0; i < opts.systems; i++) rows.push(systemRow(orgId, i, rnd, pool[i % pool.length]!, ownerIds, departments, library.digest));

  const inOneTransaction = async (fn: () => Promise<void>) => {
    if (db.sqlite) db.sqlite.exec("BEGIN");
    await fn();
    if (db.sqlite) db.sqlite.exec("COMMIT");
  };
  await inOneTransaction(() => insertChunked(db, "ai_systems", rows, 400));
  progress(`seed: ${rows.length} systems`);

  let items = 0;
  let assessments = 0;
  await inOneTransaction(async () => {
    let asmRows: Database["assessments"][] = [];
    let itemRows: Database["assessment_items"][] = [];
    for (let i = 0; i < rows.length && items < opts.items; i++) {
      const system = rows[i]!;
      const p = pool[i % pool.length]!;
      for (const framework of p.frameworks) {
        const wanted = applicableIn(p.evaluation, framework);
        if (wanted.length === 0 || items >= opts.items) continue;
        const assessmentId = `asm_bench${String(assessments).padStart(7, "0")}`;
        assessments++;
        asmRows.push({ id: assessmentId, org_id: orgId, system_id: system.id, framework_id: framework, framework_version: library.current.get(framework)!.file.version, library_digest: "bench", signed_off_by: null, signed_off_at: null, signoff_note: null, created_at: NOW, updated_at: NOW, version: 1 });
        for (let k = 0; k < wanted.length && items < opts.items; k++) {
          const r = wanted[k]!;
          const effective = weighted(rnd, STATUS_WEIGHTS);
          const answer = effective === "not_started" ? null : effective;
          itemRows.push({
            id: `itm_bench${String(items).padStart(8, "0")}`,
            org_id: orgId,
            assessment_id: assessmentId,
            system_id: system.id,
            framework_id: framework,
            requirement_urn: r.urn,
            position: k + 1,
            applicable: 1,
            change: null,
            timing: r.timing,
            applies_from: r.from,
            answer,
            answer_source: answer ? "person" : null,
            inference: null,
            effective,
            justification: effective === "not_applicable" ? "対象業務なし / not in this business" : null,
            owner_id: system.business_owner_id,
            due_date: answer ? null : day(rnd, 2026, 2),
            comment: null,
            answered_by: answer ? "bench" : null,
            answered_at: answer ? NOW : null,
            updated_at: NOW,
            version: 1,
          });
          items++;
        }
        if (itemRows.length >= 20_000) {
          await insertChunked(db, "assessments", asmRows, 500);
          await insertChunked(db, "assessment_items", itemRows, 1_000);
          asmRows = [];
          itemRows = [];
          if (items % 200_000 < 20_000) progress(`seed: ${items} requirement statuses`);
        }
      }
    }
    await insertChunked(db, "assessments", asmRows, 500);
    await insertChunked(db, "assessment_items", itemRows, 1_000);
  });
  progress(`seed: ${assessments} assessments, ${items} requirement statuses`);

  const evidence: Database["evidence"][] = Array.from({ length: 2_000 }, (_, i) => ({
    id: `evd_bench${String(i).padStart(5, "0")}`,
    org_id: orgId,
    kind: "note",
    title: `監査記録 ${i} / Audit record ${i}`,
    note: "bench",
    url: null,
    file_sha256: null,
    file_name: null,
    file_size: null,
    media_type: null,
    valid_from: "2025-01-01",
    valid_until: day(rnd, 2026, 3),
    created_by: "bench",
    created_by_id: null,
    created_at: NOW,
    updated_at: NOW,
    version: 1,
  }));
  await insertChunked(db, "evidence", evidence, 500);

  const counters = await expectedCounters(db.kysely, orgId);
  const counterRows: Database["counters"][] = [];
  for (const [name, family] of counters) for (const [key, n] of family) counterRows.push({ org_id: orgId, name, key, n });
  counterRows.push({ org_id: orgId, name: "sequence", key: "system_code", n: rows.length });
  await insertChunked(db, "counters", counterRows, 300);
  await sql`ANALYZE`.execute(db.kysely);
  progress(`seed: ${counterRows.length} counters`);
  return { orgId, token: org.tokens.admin, systems: rows.length, assessments, items, departments, ownerIds, tags: TAGS };
}

