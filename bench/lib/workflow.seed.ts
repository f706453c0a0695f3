import type { Db } from "../../src/db/connect.ts";
import type { Database } from "../../src/db/schema.ts";
import type { Insertable } from "kysely";
import { expectedCounters } from "../../src/compliance/counters.recount.ts";
import { prng } from "../../src/applicability/profile.random.ts";
import { newId } from "../../src/platform/ids.ts";
import { addDays } from "../../src/platform/time.ts";
import { seedOrg, type SeededOrg } from "../../test/support/app.ts";

export const TODAY = "2026-11-22";

const JA_WHAT = ["採用AIが", "与信審査モデルが", "社内チャットボットが", "顔認証ゲートが", "需要予測AIが", "医療画像診断支援AIが", "コールセンターの音声認識が", "翻訳エンジンが", "自動運転の配送ロボットが", "広告配信AIが"];
const JA_HOW = ["女性応募者を一律に低く評価した", "特定の地域の申込者を不当に拒否した", "顧客の個人情報を回答に含めた", "高齢者を誤認識して入場を拒否した", "誤った需要予測で在庫が大量に廃棄された", "病変を見落とした", "方言を誤認識して誤った手続を案内した", "契約条項を誤訳した", "歩行者と接触しそうになった", "未成年に不適切な広告を表示した"];
const EN_WHAT = ["A hiring model", "A credit scoring model", "A customer chatbot", "A face recognition gate", "A demand forecasting model", "A radiology assistant", "A speech recognition system", "A translation engine", "A delivery robot", "An ad targeting system"];
const EN_HOW = ["rated women applicants lower", "rejected applicants from one region", "disclosed customer personal data", "misidentified elderly visitors", "over-forecast demand and wasted stock", "missed a lesion", "misrouted callers with regional accents", "mistranslated a contract clause", "nearly hit a pedestrian", "showed unsuitable ads to minors"];
const SUBDOMAINS = ["1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "4.3", "5.1", "6.2", "7.3", "7.4"];

export interface WorkflowSeed {
  org: SeededOrg;
  /** The user with the most tasks (an organisation-wide governance lead). */
  heavyUser: string;
  /** A user with an ordinary load. */
  typicalUser: string;
  tasks: number;
  risks: number;
  incidents: number;
}

async function insertAll<T extends keyof Database>(db: Db, table: T, rows: Insertable<Database[T]>[], chunk: number) {
  for (let i = 0; i < rows.length; i += chunk) await db.kysely.insertInto(table).values(rows.slice(i, i + chunk) as never).execute();
}

/**
 * One organisation with `users` people, `risks` risks, `tasks` tasks (40% still active; one lead
 * carries 5% of them) and `incidents` incidents, half written in Japanese and half in English.
 * Rows go straight into the tables (the services would take hours at this size); counters are
 * then rebuilt from the rows, as the running totals would have them.
 */
export async function seedWorkflow(db: Db, opts: { users: number; tasks: number; risks: number; incidents: number }, onProgress?: (what: string) => void): Promise<WorkflowSeed> {
  const org = await seedOrg(db, "workflow");
  const orgId = org.orgId;
  const rnd = prng(5);
  const now = new Date().toISOString();
  const users: string[] = [];
  const people: Database["users"][] = [];
  for (let i = 0; i < opts.users; i++) {
    const id = newId("usr");
    users.push(id);
    people.push({ id, org_id: orgId, email: `user${i}@workflow.test`, display_name: `User ${i}`, role: i % 10 === 0 ? "reviewer" : "system_owner", password_hash: "x", status: "active", locale: "ja", department_id: null, created_at: now, updated_at: now, version: 1 });
  }
  await db.kysely.transaction().execute(async (trx) => {
    for (let i = 0; i < people.length; i += 500) await trx.insertInto("users").values(people.slice(i, i + 500)).execute();
  });
  const heavyUser = org.users.governance_lead.id;

  const risks: Insertable<Database["risks"]>[] = [];
  for (let i = 0; i < opts.risks; i++) {
    const l = 1 + Math.floor(rnd() * 5), im = 1 + Math.floor(rnd() * 5);
    const residual = rnd() < 0.6;
    risks.push({ id: newId("rsk"), org_id: orgId, code: `RSK-${String(i + 1).padStart(6, "0")}`, title_ja: `リスク ${i}`, title_en: `Risk ${i}`, description: "", system_id: null, categories: JSON.stringify([SUBDOMAINS[i % SUBDOMAINS.length]]), perspectives: "[]", owner_id: users[i % users.length]!, status: "open", inherent_likelihood: l, inherent_impact: im, residual_likelihood: residual ? Math.max(1, l - 1) : null, residual_impact: residual ? Math.max(1, im - 1) : null, treatment: "mitigate", treatment_plan: "", accepted_by: null, accepted_at: null, acceptance_expires_on: null, acceptance_note: null, last_reviewed_at: null, next_review_on: addDays(TODAY, Math.floor(rnd() * 400) - 30), created_at: now, updated_at: now, version: 1 });
  }
  await insertAll(db, "risks", risks, 400);
  onProgress?.(`${opts.risks} risks`);

  const CHUNK = 10_000;
  for (let start = 0; start < opts.tasks; start += CHUNK) {
    const rows: Database["tasks"][] = [];
    for (let i = start; i < Math.min(opts.tasks, start + CHUNK); i++) {
      const active = rnd() < 0.4;
      const assignee = rnd() < 0.05 ? heavyUser : users[Math.floor(rnd() * users.length)]!;
      const due = rnd() < 0.1 ? null : addDays(TODAY, Math.floor(rnd() * 720) - 360);
      rows.push({ id: newId("tsk"), org_id: orgId, code: `TSK-${String(i + 1).padStart(7, "0")}`, kind: i % 4 === 0 ? "review" : "corrective", title: `タスク ${i}`, description: "", subject_type: "risk", subject_id: risks[i % risks.length]!.id, assignee_id: assignee, due_on: due, status: active ? (i % 3 === 0 ? "in_progress" : "open") : "done", active: active ? 1 : 0, approval_plan: null, approval_id: null, schedule_id: null, period: null, created_by: null, completed_by: null, completed_at: active ? null : now, escalated_at: null, created_at: now, updated_at: now, version: 1 });
    }
    await db.kysely.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 400) await trx.insertInto("tasks").values(rows.slice(i, i + 400)).execute();
    });
    if ((start / CHUNK) % 10 === 9) onProgress?.(`${start + CHUNK} tasks`);
  }

  const incidents: Insertable<Database["incidents"]>[] = [];
  for (let i = 0; i < opts.incidents; i++) {
    const k = Math.floor(rnd() * 10), h = Math.floor(rnd() * 10);
    const ja = i % 2 === 0;
    const title = ja ? `${JA_WHAT[k]}${JA_HOW[h]}（事案 ${i}）` : `${EN_WHAT[k]} ${EN_HOW[h]} (case ${i})`;
    incidents.push({ id: newId("inc"), org_id: orgId, code: `INC-${String(i + 1).padStart(6, "0")}`, title, summary: ja ? `${JA_WHAT[(k + 3) % 10]}関連の調査中。` : `Under investigation with ${EN_WHAT[(k + 3) % 10]!.toLowerCase()}.`, status: "closed", severity: "medium", occurred_at: null, occurred_on: null, detected_at: now, source: "api", external_key: null, reported_by: null, owner_id: null, harm_level: "unclear", harm_types: "[]", harm_basis: "[]", categories: JSON.stringify([SUBDOMAINS[(k + h) % SUBDOMAINS.length]]), rights: "[]", affected_parties: "", people_affected: null, lives_lost: null, injuries: null, personal_data: "unknown", data_subjects: null, sensitive_data: "unknown", root_cause: "", search_text: title.toLowerCase(), closed_at: null, closed_by: null, created_at: now, updated_at: now, version: 1 });
  }
  await insertAll(db, "incidents", incidents, 300);
  onProgress?.(`${opts.incidents} incidents`);

  const counters = await expectedCounters(db.kysely, orgId);
  const rows: Database["counters"][] = [];
  for (const name of ["risks.inherent", "risks.current"]) for (const [key, n] of counters.get(name) ?? []) rows.push({ org_id: orgId, name, key, n });
  await insertAll(db, "counters", rows, 200);
  const typicalUser = users[1]!;
  return { org, heavyUser, typicalUser, tasks: opts.tasks, risks: opts.risks, incidents: opts.incidents };
}

/** Texts a person might type when filing an incident, in both languages. */
export function similarQueries(n: number): string[] {
  const rnd = prng(11);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = Math.floor(rnd() * 10), h = Math.floor(rnd() * 10);
    out.push(i % 2 === 0 ? `${JA_WHAT[k]}${JA_HOW[h]}可能性がある` : `${EN_WHAT[k]} appears to have ${EN_HOW[h]}`);
  }
  return out;
}
