import { SYSTEM_ACTOR } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import { readOrgCalendar } from "../disclosures/haip/haip.period.ts";
import { createReport, publishReport, submitReport, updateAnswer } from "../disclosures/haip/haip.service.ts";
import { insertPublication } from "../disclosures/publications.service.ts";
import { publicCardOf } from "../disclosures/system-card.public.ts";
import { buildSystemCard } from "../disclosures/system-card.ts";
import { audited } from "../audit/audited.ts";
import type { Library } from "../library/library.model.ts";
import type { Actor } from "../platform/authz.ts";
import { decideApproval } from "../workflow/approvals.service.ts";
import { fiscalYearOf } from "../workflow/periods.ts";

/**
 * The demo's disclosures: last fiscal year's HAIP report, drafted from the demo's data, with its
 * people-written sections filled in, approved through a two-step 稟議 (CAIO, then the
 * administrator) and published — so the report page, the changes since last year and the public
 * trust page have something to show — and the résumé-screening system's card on the trust page.
 * This year's report is left for the user to start.
 */
export async function seedDemoDisclosures(db: Db, library: Library, orgId: string, users: Record<string, string>, systems: string[]): Promise<void> {
  const who = { actor: SYSTEM_ACTOR, orgId };
  const as = (key: string, role: Actor["role"]): Actor => ({ kind: "token", userId: users[key]!, orgId, role, timeZone: "Asia/Tokyo", label: "musubi demo" });
  const calendar = await readOrgCalendar(db.kysely, orgId);
  const lastYear = Number(fiscalYearOf(calendar.today, calendar.fyStart).key.slice(2)) - 1;
  let report = await createReport(db, library, users.owner!, who, { year: lastYear, roles: ["application-developer", "deployer"], path: "full", prefill: true });
  const written: Record<string, { ja: string; en: string }> = {
    "6.1": { ja: "AIの安全性評価の手法について、大学との共同研究に参加しています。", en: "We take part in joint research with a university on methods for evaluating AI safety." },
    "7.1": { ja: "採用選考の公平性を高めるため、AIの判断を人が確認する仕組みを整えています。", en: "We make hiring fairer by having people check every AI recommendation." },
    "7.2": { ja: "全従業員向けに生成AIの適切な利用に関する研修を年1回実施しています。", en: "All staff take a yearly course on using generative AI appropriately." },
  };
  for (const [qid, text] of Object.entries(written)) {
    const answer = report.sections.flatMap((s) => s.answers).find((a) => a.questionId === qid);
    if (answer) report = await updateAnswer(db, users.owner!, who, report.id, qid, { version: answer.version, ...text });
  }
  report = await submitReport(db, users.owner!, who, report.id, { version: report.version, approvalPlan: [[users.caio!], [users.admin!]] }, calendar.today);
  for (const approver of [as("caio", "governance_lead"), as("admin", "admin")]) {
    await decideApproval(db, approver, who, report.approval!.id, { decision: "approve", comment: "確認しました。" }, calendar.today);
  }
  const approved = await db.kysely.selectFrom("haip_reports").select("version").where("org_id", "=", orgId).where("id", "=", report.id).executeTakeFirstOrThrow();
  await publishReport(db, users.admin!, who, report.id, { version: approved.version });

  const card = publicCardOf(await buildSystemCard(db.kysely, library, orgId, systems[0]!));
  await audited(db, who, (trx, record) =>
    insertPublication(trx, record, { orgId, kind: "system-card", subject: card.system.code, title: { ja: `AIシステムカード ${card.system.name.ja}`, en: `AI system card: ${card.system.name.en}` }, document: card, sourceId: systems[0]!, publishedBy: users.admin! }),
  );
}
