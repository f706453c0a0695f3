import { SYSTEM_ACTOR } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import { ensureShippedReferenceCases } from "../incidents/aiid.ts";
import { createIncidentBody } from "../incidents/incidents.schema.ts";
import { addAction, closeIncident, createIncident } from "../incidents/incidents.service.ts";
import type { Library } from "../library/library.model.ts";
import type { Actor } from "../platform/authz.ts";
import { addDays, todayInTokyo } from "../platform/time.ts";
import { acceptRisk } from "../risks/risks.decisions.ts";
import { createRiskBody } from "../risks/risks.schema.ts";
import { createRisk } from "../risks/risks.service.ts";
import { createVendorBody } from "../vendors/vendors.schema.ts";
import { createVendor, reviewVendor } from "../vendors/vendors.service.ts";
import { QUESTIONS } from "../vendors/questionnaire.ts";
import { createSchedule, runSchedule } from "../workflow/schedules.service.ts";
import { completeTask } from "../workflow/tasks.service.ts";

const PERSPECTIVE = (n: number) => `urn:musubi:jaisi-evaluation:aisev-e0604d1e:perspective-${n}`;

/**
 * The demo's risk register, incidents, vendors and workflow: four risks on the default matrix
 * (one accepted), a closed incident whose risk came back for review, an open one with a corrective
 * action waiting for a two-step approval, two vendors (one reviewed), a fiscal-year review schedule,
 * and the public AIID cases — so every page of the PDCA loop has something to show.
 */
export async function seedDemoGovernance(db: Db, library: Library, orgId: string, users: Record<string, string>, systems: string[], controls: string[]): Promise<void> {
  const who = { actor: SYSTEM_ACTOR, orgId };
  // The demo organisation keeps the default zone (Asia/Tokyo, see createOrganization): Tokyo's day is its day.
  const today = todayInTokyo();
  const as = (key: string, role: Actor["role"]): Actor => ({ kind: "token", userId: users[key]!, orgId, role, timeZone: "Asia/Tokyo", label: "musubi demo" });
  const lead = as("caio", "governance_lead");
  const owner = as("owner", "system_owner");
  const [hr, chat, , legal] = systems;
  await ensureShippedReferenceCases(db);

  const risk = (body: Record<string, unknown>) => createRisk(db, library, lead, who, createRiskBody.parse(body), today);
  const bias = await risk({ titleJa: "選考スコアの性別による偏り", titleEn: "Gender bias in screening scores", systemId: hr, ownerId: users.owner, categories: ["1.1", "entity.ai", "timing.post-deployment"], perspectives: [PERSPECTIVE(1)], inherentLikelihood: 3, inherentImpact: 5, residualLikelihood: 2, residualImpact: 4, treatment: "mitigate", treatmentPlan: "四半期ごとの属性別評価と閾値の見直し。", controlIds: [controls[0]], nextReviewOn: addDays(today, 60) });
  const leak = await risk({ titleJa: "チャット回答への個人情報の混入", titleEn: "Personal data in chatbot answers", systemId: chat, ownerId: users.owner, categories: ["2.1", "entity.ai"], inherentLikelihood: 3, inherentImpact: 4, treatment: "mitigate", controlIds: [controls[1]], nextReviewOn: addDays(today, -5) });
  await risk({ titleJa: "誤った条項指摘への過度な依存", titleEn: "Over-reliance on wrong clause findings", systemId: legal, ownerId: users.caio, categories: ["5.1"], inherentLikelihood: 2, inherentImpact: 3, treatment: "mitigate" });
  const vendorRisk = await risk({ titleJa: "外部LLM事業者の仕様変更", titleEn: "Unannounced changes by the LLM vendor", ownerId: users.caio, categories: ["7.3"], inherentLikelihood: 4, inherentImpact: 2, residualLikelihood: 3, residualImpact: 2, treatment: "accept" });
  await acceptRisk(db, library, as("admin", "admin"), who, vendorRisk.id, { version: vendorRisk.version, expiresOn: addDays(today, 180), note: "代替事業者への切替手順を整備済みのため、残余リスクを受容する。" }, today);

  const file = (body: Record<string, unknown>) => createIncident(db, lead, who, createIncidentBody.parse(body), "web", today);
  const closed = await file({ title: "チャットボットが別の顧客の注文番号を回答", summary: "問い合わせ履歴の検索条件の誤りで、別の顧客の注文番号が回答に含まれた。", severity: "high", occurredAt: addDays(today, -40), ownerId: users.owner, harmLevel: "event", harmTypes: ["rights_violation"], rights: ["privacy"], personalData: "yes", dataSubjects: 2, sensitiveData: "no", categories: ["2.1"], systemIds: [chat], riskIds: [leak.id], controlIds: [controls[1]], rootCause: "検索条件に顧客IDの絞り込みがなかった。" });
  const withAction = await addAction(db, owner, who, closed.id, { kind: "corrective", title: "検索条件に顧客IDの絞り込みを追加", description: "", assigneeId: users.owner!, dueOn: addDays(today, -20), approvalPlan: null }, today);
  const fix = withAction.actions[0]!;
  await completeTask(db, owner, who, fix.id, { version: fix.version, comment: "修正をリリースし、回帰テストを追加した。" }, today);
  await closeIncident(db, owner, who, closed.id, { version: withAction.version, note: "修正後2週間、同種の事象なし。" }, today);

  const open = await file({ title: "女性応募者のスコアが一律に低い傾向", summary: "月次モニタリングで、女性応募者のスコア中央値が男性より12点低いことを検知した。", severity: "high", occurredAt: addDays(today, -3), ownerId: users.owner, harmLevel: "issue", harmTypes: ["protected_characteristic"], harmBasis: ["sex"], rights: ["non_discrimination"], personalData: "no", categories: ["1.1"], systemIds: [hr], riskIds: [bias.id], controlIds: [controls[0]] });
  const pending = await addAction(db, owner, who, open.id, { kind: "corrective", title: "学習データの再重み付けと再評価", description: "属性別の評価結果を添付して承認を得る。", assigneeId: users.owner!, dueOn: addDays(today, 14), approvalPlan: [[users.reviewer!], [users.caio!]] }, today);
  const action = pending.actions[0]!;
  await completeTask(db, owner, who, action.id, { version: action.version, comment: "再重み付け後、スコア差は2点以内。" }, today);

  const llm = await createVendor(db, who, createVendorBody.parse({ name: "外部LLM事業者", kind: "model_provider", services: "チャットボットの応答生成（API）", ownerId: users.caio, dataCountries: ["JP", "US"], contractStart: "2025-04-01", contractEnd: addDays(today, 75), reviewMonths: 6, systemIds: [chat], custom: { dpa_signed_on: "2025-03-28" } }), today);
  const answers = Object.fromEntries(QUESTIONS.map((q) => [q.id, { answer: q.id === "prov.training_data" ? ("partial" as const) : ("yes" as const), note: "" }]));
  await reviewVendor(db, lead, who, llm.id, { version: llm.version, answers, note: "学習データの出所は概要のみ開示。", status: "active" }, today);
  await createVendor(db, who, createVendorBody.parse({ name: "クラウド基盤ベンダー", kind: "platform", services: "推論基盤のホスティング", dataCountries: ["JP"], systemIds: [hr] }), today);

  const schedule = await createSchedule(db, who, { name: "年次AIシステムレビュー", subjectType: "system", cycle: "fiscal_year", intervalMonths: 12, anchorOn: null, assigneeId: null, approvalPlan: null, active: true });
  await runSchedule(db, orgId, schedule.id, today);
}
