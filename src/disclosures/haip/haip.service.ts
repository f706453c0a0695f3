import type { Transaction } from "kysely";
import { audited, type ChangeContext } from "../../audit/audited.ts";
import type { Db } from "../../db/connect.ts";
import type { Database } from "../../db/schema.ts";
import type { Library } from "../../library/library.model.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { nowIso } from "../../platform/time.ts";
import { cancelApproval, startApproval } from "../../workflow/approvals.service.ts";
import { checkPeople } from "../../workflow/tasks.service.ts";
import { insertPublication } from "../publications.service.ts";
import { buildHaipDocument } from "./haip.document.ts";
import { readOrgCalendar, reportingPeriod } from "./haip.period.ts";
import { prefill } from "./haip.prefill.ts";
import { findReport, readReport, type StoredPrefill } from "./haip.read.ts";
import type { HaipReportView } from "./haip.schema.ts";
import { questionnaireOf, questionsFor, SHIPPED_KEY, SHIPPED_VERSION } from "./questionnaire.ts";
import type { HaipPath, HaipRole, QuestionnaireQuestion } from "./questionnaire.schema.ts";

/** States in which answers may change: anything but waiting for approval. Editing an approved or published report returns it to draft. */
const EDITABLE = new Set(["draft", "approved", "published"]);

/**
 * Starts the organisation's report for a reporting year, against the shipped questionnaire or one
 * it loaded, with an empty answer per question asked — and drafts what the data supports.
 */
export async function createReport(db: Db, library: Library, userId: string | null, who: ChangeContext, input: { year: number; roles: HaipRole[]; path: HaipPath; questionnaire?: { key: string; version: string } | undefined; prefill: boolean }): Promise<HaipReportView> {
  const key = input.questionnaire?.key ?? SHIPPED_KEY;
  const version = input.questionnaire?.version ?? SHIPPED_VERSION;
  const q = await questionnaireOf(db.kysely, who.orgId, key, version);
  const asked = questionsFor(q, input.roles, input.path);
  if (asked.length === 0) throw new AppError(400, "validation_failed", [{ field: "body.roles", message: "The questionnaire asks no question of these roles on this path." }]);
  const id = newId("hrp");
  await audited(db, who, async (trx, record) => {
    const exists = await trx.selectFrom("haip_reports").select("id").where("org_id", "=", who.orgId).where("year", "=", input.year).executeTakeFirst();
    if (exists) throw new AppError(409, "report_exists", { id: exists.id, year: input.year });
    const now = nowIso();
    await trx.insertInto("haip_reports").values({ id, org_id: who.orgId, year: input.year, questionnaire_key: key, questionnaire_version: version, roles: JSON.stringify(input.roles), path: input.path, status: "draft", approval_id: null, approval_plan: null, created_by: userId, created_at: now, updated_at: now, version: 1 }).execute();
    await trx.insertInto("haip_answers").values(asked.map((question) => ({ org_id: who.orgId, report_id: id, question_id: question.id, text_ja: "", text_en: "", prefill: null, prefilled_at: null, edited_by: null, edited_at: null, version: 1 }))).execute();
    record({ action: "haip_report.created", entityType: "haip_report", entityId: id, after: { year: input.year, questionnaire: q.name, roles: input.roles, path: input.path } });
  });
  if (input.prefill) return prefillReport(db, library, who, id, { version: 1, replaceEdited: false });
  return readReport(db.kysely, who.orgId, id);
}

/**
 * Drafts answers from Musubi's data: each drafted answer keeps the text, the records it came from
 * and their fingerprints. An answer nobody has edited takes the new draft; an edited one keeps
 * its words (the new draft is shown beside it) unless `replaceEdited`. Sections written by people
 * are never drafted. The data is read before the transaction, so a long read never holds the
 * organisation's writers; the report's version guards against a concurrent change.
 */
export async function prefillReport(db: Db, library: Library, who: ChangeContext, id: string, input: { version: number; questionIds?: string[] | undefined; replaceEdited: boolean }): Promise<HaipReportView> {
  const row = await findReport(db.kysely, who.orgId, id);
  if (!EDITABLE.has(row.status)) throw new AppError(409, "report_not_editable", { status: row.status });
  const q = await questionnaireOf(db.kysely, who.orgId, row.questionnaire_key, row.questionnaire_version);
  const asked = questionsFor(q, JSON.parse(row.roles) as HaipRole[], row.path as HaipPath).filter((x) => x.prefill !== null && !x.writtenByPeople && (!input.questionIds || input.questionIds.includes(x.id)));
  const calendar = await readOrgCalendar(db.kysely, who.orgId);
  const drafts = await prefill({ db: db.kysely, library, orgId: who.orgId, period: reportingPeriod(row.year, calendar.fyStart, calendar.timeZone), today: calendar.today }, asked.map((x) => x.prefill!));
  const writtenAt = nowIso();
  await audited(db, who, async (trx, record) => {
    await bumpReport(trx, who.orgId, id, input.version, row.status);
    const current = new Map((await trx.selectFrom("haip_answers").select(["question_id", "edited_by", "version", "text_ja", "text_en"]).where("org_id", "=", who.orgId).where("report_id", "=", id).execute()).map((a) => [a.question_id, a]));
    const replaced: string[] = [];
    for (const question of asked) {
      const d = drafts.get(question.prefill!)!;
      const stored: StoredPrefill = { ...d, writtenAt };
      const a = current.get(question.id);
      const takeText = !a || a.edited_by === null || input.replaceEdited;
      if (takeText) replaced.push(question.id);
      await upsertAnswer(trx, who.orgId, id, question, {
        prefill: JSON.stringify(stored),
        prefilled_at: writtenAt,
        ...(takeText ? { text_ja: d.text.ja, text_en: d.text.en, edited_by: null, edited_at: null } : {}),
        version: (a?.version ?? 0) + 1,
      });
    }
    record({ action: "haip_report.prefilled", entityType: "haip_report", entityId: id, after: { drafted: asked.map((x) => x.id), answersReplaced: replaced } });
  });
  return readReport(db.kysely, who.orgId, id);
}

/**
 * Saves one answer. Several people edit a report at once, so each answer carries its own version:
 * two people on different questions never collide, two on the same one get a 409 with the answer
 * as it now stands instead of overwriting each other. Editing an approved or published report
 * returns it to draft — its approval covered the words it had.
 */
export async function updateAnswer(db: Db, userId: string | null, who: ChangeContext, id: string, questionId: string, input: { version: number; ja: string; en: string }): Promise<HaipReportView> {
  await audited(db, who, async (trx, record) => {
    const row = await trx.selectFrom("haip_reports").selectAll().where("org_id", "=", who.orgId).where("id", "=", id).executeTakeFirst();
    if (!row) throw new AppError(404, "not_found");
    if (!EDITABLE.has(row.status)) throw new AppError(409, "report_not_editable", { status: row.status });
    const a = await trx.selectFrom("haip_answers").selectAll().where("org_id", "=", who.orgId).where("report_id", "=", id).where("question_id", "=", questionId).executeTakeFirst();
    if (!a) throw new AppError(404, "not_found");
    if (a.version !== input.version) throw new AppError(409, "conflict", { version: a.version, answer: { ja: a.text_ja, en: a.text_en }, editedBy: a.edited_by, editedAt: a.edited_at });
    if (a.text_ja === input.ja && a.text_en === input.en) return;
    const now = nowIso();
    await trx.updateTable("haip_answers").set({ text_ja: input.ja, text_en: input.en, edited_by: userId, edited_at: now, version: a.version + 1 }).where("org_id", "=", who.orgId).where("report_id", "=", id).where("question_id", "=", questionId).execute();
    const status = "draft";
    await trx.updateTable("haip_reports").set({ status, updated_at: now, version: row.version + 1 }).where("org_id", "=", who.orgId).where("id", "=", id).execute();
    record({ action: "haip_report.answer_updated", entityType: "haip_report", entityId: id, before: { question: questionId, ja: a.text_ja, en: a.text_en, status: row.status }, after: { question: questionId, ja: input.ja, en: input.en, status } });
  });
  return readReport(db.kysely, who.orgId, id);
}

/** Asks for the report's approval (稟議) through the same chains tasks use; the report waits, unchangeable, for the outcome. */
export async function submitReport(db: Db, userId: string | null, who: ChangeContext, id: string, input: { version: number; approvalPlan: string[][] }, today: string): Promise<HaipReportView> {
  await audited(db, who, async (trx, record) => {
    const row = await findReport(trx, who.orgId, id);
    if (row.status === "in_review") throw new AppError(409, "report_not_editable", { status: row.status });
    if (row.version !== input.version) throw new AppError(409, "conflict", { version: row.version });
    await checkPeople(trx, who.orgId, null, input.approvalPlan);
    const approvalId = await startApproval(trx, record, who.orgId, { subjectType: "haip_report", subjectId: id, title: `HAIP ${row.year}`, plan: input.approvalPlan, requestedBy: userId, today });
    await trx.updateTable("haip_reports").set({ status: "in_review", approval_id: approvalId, approval_plan: JSON.stringify(input.approvalPlan), updated_at: nowIso(), version: row.version + 1 }).where("org_id", "=", who.orgId).where("id", "=", id).execute();
    record({ action: "haip_report.submitted", entityType: "haip_report", entityId: id, before: { status: row.status }, after: { status: "in_review", approvalId } });
  });
  return readReport(db.kysely, who.orgId, id);
}

/** Takes the report back from approval to edit it: its pending approval is cancelled. */
export async function withdrawSubmission(db: Db, who: ChangeContext, id: string, input: { version: number }): Promise<HaipReportView> {
  await audited(db, who, async (trx, record) => {
    const row = await findReport(trx, who.orgId, id);
    if (row.status !== "in_review") throw new AppError(409, "already_decided", { status: row.status });
    if (row.version !== input.version) throw new AppError(409, "conflict", { version: row.version });
    if (row.approval_id) await cancelApproval(trx, record, who.orgId, row.approval_id);
    await trx.updateTable("haip_reports").set({ status: "draft", updated_at: nowIso(), version: row.version + 1 }).where("org_id", "=", who.orgId).where("id", "=", id).execute();
    record({ action: "haip_report.submission_withdrawn", entityType: "haip_report", entityId: id, before: { status: "in_review" }, after: { status: "draft" } });
  });
  return readReport(db.kysely, who.orgId, id);
}

/**
 * Publishes the approved report: its document is frozen as the next numbered version, hashed into
 * the ledger and served on the trust page; an earlier version stops being served.
 */
export async function publishReport(db: Db, userId: string | null, who: ChangeContext, id: string, input: { version: number }): Promise<HaipReportView> {
  const view = await readReport(db.kysely, who.orgId, id);
  if (view.status.value !== "approved") throw new AppError(409, "report_not_approved", { status: view.status.value });
  if (view.version !== input.version) throw new AppError(409, "conflict", { version: view.version });
  await audited(db, who, async (trx, record) => {
    await bumpReport(trx, who.orgId, id, input.version, "approved");
    const last = await trx.selectFrom("publications").select("number").where("org_id", "=", who.orgId).where("kind", "=", "haip-report").where("subject", "=", String(view.year)).orderBy("number", "desc").limit(1).executeTakeFirst();
    const publishedAt = nowIso();
    const document = await buildHaipDocument(trx, who.orgId, view, { number: (last?.number ?? 0) + 1, publishedAt });
    await insertPublication(trx, record, { orgId: who.orgId, kind: "haip-report", subject: String(view.year), title: { ja: `HAIP 透明性報告書 ${view.year}年度`, en: `HAIP transparency report FY${view.year}` }, document, sourceId: id, publishedBy: userId, publishedAt });
    await trx.updateTable("haip_reports").set({ status: "published" }).where("org_id", "=", who.orgId).where("id", "=", id).execute();
  });
  return readReport(db.kysely, who.orgId, id);
}

/** Moves the report's version on, refusing a stale one or a status that changed meanwhile. */
async function bumpReport(trx: Transaction<Database>, orgId: string, id: string, version: number, status: string): Promise<void> {
  const res = await trx.updateTable("haip_reports").set((eb) => ({ version: eb("version", "+", 1), updated_at: nowIso() })).where("org_id", "=", orgId).where("id", "=", id).where("version", "=", version).where("status", "=", status).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError(409, "conflict", { reason: "report_changed" });
}

async function upsertAnswer(trx: Transaction<Database>, orgId: string, reportId: string, question: QuestionnaireQuestion, set: Partial<Database["haip_answers"]> & { version: number }): Promise<void> {
  const res = await trx.updateTable("haip_answers").set(set).where("org_id", "=", orgId).where("report_id", "=", reportId).where("question_id", "=", question.id).executeTakeFirst();
  if (Number(res.numUpdatedRows) === 1) return;
  await trx.insertInto("haip_answers").values({ org_id: orgId, report_id: reportId, question_id: question.id, text_ja: "", text_en: "", prefill: null, prefilled_at: null, edited_by: null, edited_at: null, ...set }).execute();
}
