import type { Kysely, Transaction } from "kysely";
import { z } from "zod";
import { audited, type ChangeContext, type RecordChange } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import type { Database } from "../db/schema.ts";
import type { ConnectionRow } from "../exchange/connections.store.ts";
import { queueOutgoing } from "../exchange/exchange.outgoing.ts";
import { completeTaskFor, insertTask } from "../workflow/tasks.service.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { fieldText } from "../platform/http/field-messages.ts";
import { newId } from "../platform/ids.ts";
import { nowIso } from "../platform/time.ts";
import { ConfidentialMark, DOCUMENT_SCHEMAS, pointerExists, SUBMISSION_SCHEMA, type SubmissionEnvelope } from "../oversight/submission.schema.ts";
import { RFI_ANSWER_SCHEMA, RfiAnswerDocument, type RfiPayload } from "../oversight/requests.schema.ts";
import type { AdvisoryPayload } from "../oversight/advisories.schema.ts";
import { RESPONSE_SCHEMA, type NoticePayload, type ResponsePayload } from "../oversight/publications.schema.ts";

export const DEALING_KINDS = ["rfi", "advisory", "publication-notice"] as const;
export const DEALING_STATUSES = ["open", "answered", "accepted", "closed"] as const;
const words = z.object({ ja: z.string(), en: z.string() });

export const dealingView = z.object({
  id: z.string(),
  kind: z.enum(DEALING_KINDS),
  reference: z.string(),
  authority: z.object({ party: z.string(), name: words }),
  title: words,
  deadline: z.string().nullable(),
  status: z.enum(DEALING_STATUSES),
  receivedAt: z.string(),
  answeredAt: z.string().nullable(),
  /** The task asking the governance lead to deal with it (a request's answer), if any. */
  taskId: z.string().nullable(),
  version: z.number().int(),
});
export type DealingView = z.infer<typeof dealingView>;

export const dealingDetail = dealingView.extend({
  /** What the authority sent, as signed (a request's questions, an advisory's text and any library update). */
  body: z.record(z.string(), z.unknown()),
  /** The answer sent back, with its delivery state and the authority's receipt, once answered. */
  answer: z
    .object({
      submissionId: z.string(),
      status: z.string(),
      receivedAt: z.string().nullable(),
      receipt: z.string().nullable(),
      /** A request's answers as sent, each with its question; empty for a publication notice's response. */
      answers: RfiAnswerDocument.shape.answers,
    })
    .nullable(),
});

/** The answers in a sent `rfi-answer` envelope; none for any other document (a publication response). */
function sentAnswers(payload: string): RfiAnswerDocument["answers"] {
  const document = (JSON.parse(payload) as { document?: { answers?: unknown } }).document;
  const parsed = RfiAnswerDocument.shape.answers.safeParse(document?.answers);
  return parsed.success ? parsed.data : [];
}

export const answerBody = z.strictObject({
  version: z.number().int().min(1),
  answers: z.array(z.strictObject({ questionId: z.string().max(10), answer: z.string().max(50_000) })).max(50),
  confidential: z.array(ConfidentialMark).max(500).default([]),
});

/**
 * Who deals with what an authority sends — the first active governance lead, else the first
 * administrator — and a task's words in that person's language.
 */
async function dealer(trx: Kysely<Database>, orgId: string): Promise<{ id: string | null; words: (ja: string, en: string) => string }> {
  const rows = await trx.selectFrom("users").select(["id", "role", "locale"]).where("org_id", "=", orgId).where("status", "=", "active").where("role", "in", ["governance_lead", "admin"]).orderBy("created_at").execute();
  const who = rows.find((r) => r.role === "governance_lead") ?? rows[0];
  return { id: who?.id ?? null, words: (ja, en) => (who?.locale === "en" ? en : ja) };
}

/**
 * A request for information received from an authority (in the receiving transaction): an entry
 * in the register of dealings, and a task for the governance lead due on the request's deadline —
 * so an unanswered request escalates like any overdue task.
 */
export async function storeRequest(trx: Transaction<Database>, conn: ConnectionRow, p: RfiPayload, jti: string, receivedAt: string, record: RecordChange): Promise<string> {
  const id = newId("dlg");
  const assignee = await dealer(trx, conn.org_id);
  const task = await insertTask(trx, record, conn.org_id, {
    kind: "general",
    title: assignee.words(`当局からの情報提供依頼への回答: ${p.reference} ${p.title.ja}`, `Answer the authority's request for information: ${p.reference} ${p.title.en}`),
    description: assignee.words(`${conn.counterpart_name_ja}（行政対応の記録から回答してください）`, `${conn.counterpart_name_en} (answer from the register of dealings)`),
    subjectType: null,
    subjectId: null,
    assigneeId: assignee.id,
    dueOn: p.deadline,
    createdBy: null,
  });
  await trx
    .insertInto("dealings")
    .values({ id, org_id: conn.org_id, connection_id: conn.id, kind: "rfi", reference: p.reference, title_ja: p.title.ja, title_en: p.title.en, body: JSON.stringify(p), deadline: p.deadline, status: "open", received_at: receivedAt, message_jti: jti, task_id: task.id, answered_at: null, answer_outgoing_id: null, updated_at: receivedAt, version: 1 })
    .onConflict((oc) => oc.columns(["org_id", "connection_id", "kind", "reference"]).doNothing())
    .execute();
  record({ action: "dealing.received", entityType: "dealing", entityId: id, after: { kind: "rfi", reference: p.reference, authority: conn.counterpart_party, deadline: p.deadline, taskId: task.id } });
  return id;
}

function viewOf(r: Database["dealings"] & { counterpart_party: string; counterpart_name_ja: string; counterpart_name_en: string; version: number }): DealingView {
  return {
    id: r.id,
    kind: r.kind as DealingView["kind"],
    reference: r.reference,
    authority: { party: r.counterpart_party, name: { ja: r.counterpart_name_ja, en: r.counterpart_name_en } },
    title: { ja: r.title_ja, en: r.title_en },
    deadline: r.deadline,
    status: r.status as DealingView["status"],
    receivedAt: r.received_at,
    answeredAt: r.answered_at,
    taskId: r.task_id,
    version: r.version,
  };
}

function rows(k: Kysely<Database>, orgId: string) {
  return k
    .selectFrom("dealings as d")
    .innerJoin("exchange_connections as c", (j) => j.onRef("c.id", "=", "d.connection_id").onRef("c.org_id", "=", "d.org_id"))
    .selectAll("d")
    .select(["c.counterpart_party", "c.counterpart_name_ja", "c.counterpart_name_en"])
    .where("d.org_id", "=", orgId);
}

export const dealingsQuery = z.strictObject({
  kind: z.enum(DEALING_KINDS).optional(),
  status: z.enum(DEALING_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** The register of dealings with government, newest first. */
export async function listDealings(k: Kysely<Database>, orgId: string, q: z.infer<typeof dealingsQuery>): Promise<DealingView[]> {
  let query = rows(k, orgId);
  if (q.kind) query = query.where("d.kind", "=", q.kind);
  if (q.status) query = query.where("d.status", "=", q.status);
  return (await query.orderBy("d.received_at", "desc").orderBy("d.id", "desc").limit(q.limit).offset(q.offset).execute()).map((r) => viewOf(r as never));
}

export async function readDealing(k: Kysely<Database>, orgId: string, id: string): Promise<z.infer<typeof dealingDetail>> {
  const r = await rows(k, orgId).where("d.id", "=", id).executeTakeFirst();
  if (!r) throw notFound();
  const answer = r.answer_outgoing_id ? await k.selectFrom("exchange_outgoing").select(["id", "status", "received_at", "receipt", "payload"]).where("org_id", "=", orgId).where("id", "=", r.answer_outgoing_id).executeTakeFirst() : undefined;
  return {
    ...viewOf(r as never),
    body: JSON.parse(r.body) as Record<string, unknown>,
    answer: answer ? { submissionId: answer.id, status: answer.status, receivedAt: answer.received_at, receipt: answer.receipt, answers: sentAnswers(answer.payload) } : null,
  };
}

/**
 * Answers a request for information: the answers go back signed (an `rfi-answer` in a
 * `musubi-submission/1` envelope, with the parts marked confidential), the entry is answered and
 * its task done. Answering again sends a new version, which the authority takes as a resubmission.
 */
export async function answerRequest(db: Db, who: ChangeContext, userId: string | null, id: string, body: z.infer<typeof answerBody>): Promise<z.infer<typeof dealingDetail>> {
  const k = db.kysely;
  const current = await readDealing(k, who.orgId, id);
  if (current.kind !== "rfi") throw notFound();
  if (current.version !== body.version) throw new AppError(409, "conflict", { version: current.version });
  const p = current.body as unknown as RfiPayload;
  const unknown = body.answers.findIndex((a) => !p.questions.some((q) => q.id === a.questionId));
  if (unknown >= 0) throw new AppError(400, "validation_failed", [{ field: `body.answers.${unknown}.questionId`, message: fieldText("no_such_record") }]);
  const org = await k.selectFrom("organizations").select(["name_ja", "name_en"]).where("id", "=", who.orgId).executeTakeFirstOrThrow();
  const document: RfiAnswerDocument = {
    format: RFI_ANSWER_SCHEMA,
    reference: p.reference,
    organisation: { ja: org.name_ja, en: org.name_en },
    answeredAt: nowIso(),
    answers: p.questions.map((q) => ({ questionId: q.id, question: { ja: q.ja, en: q.en }, answer: body.answers.find((a) => a.questionId === q.id)?.answer ?? "" })),
  };
  const missing = body.confidential.findIndex((m) => !pointerExists(document, m.pointer));
  if (missing >= 0) throw new AppError(400, "validation_failed", [{ field: `body.confidential.${missing}.pointer`, message: fieldText("confidential_part_missing") }]);
  const payload: SubmissionEnvelope = { format: SUBMISSION_SCHEMA, documentSchema: DOCUMENT_SCHEMAS["rfi-answer"], document: document as unknown as Record<string, unknown>, confidential: body.confidential };
  await audited(db, who, async (trx, record) => {
    const conn = await trx.selectFrom("exchange_connections").selectAll().where("org_id", "=", who.orgId).where("id", "=", (await trx.selectFrom("dealings").select("connection_id").where("org_id", "=", who.orgId).where("id", "=", id).executeTakeFirstOrThrow()).connection_id).executeTakeFirstOrThrow();
    if (conn.status !== "approved") throw new AppError(409, "exchange_not_connected", { status: conn.status });
    const sent = await queueOutgoing(trx, { orgId: who.orgId, connection: conn, kind: "rfi-answer", schema: SUBMISSION_SCHEMA, payload: payload as unknown as Record<string, unknown>, subject: { type: "dealing", id, label: p.reference }, confidential: body.confidential.map((m) => m.pointer), createdBy: who.actor.label });
    const now = nowIso();
    const updated = await trx.updateTable("dealings").set({ status: "answered", answered_at: now, answer_outgoing_id: sent.id, updated_at: now, version: current.version + 1 }).where("org_id", "=", who.orgId).where("id", "=", id).where("version", "=", current.version).executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError(409, "conflict");
    if (current.taskId) await completeTaskFor(trx, record, who.orgId, current.taskId, userId, "dealing.answered");
    record({ action: "dealing.answered", entityType: "dealing", entityId: id, after: { reference: p.reference, submission: sent.id, answered: body.answers.length, confidential: body.confidential } });
  });
  return readDealing(k, who.orgId, id);
}

/**
 * An advisory received from an authority (in the receiving transaction): an entry in the register
 * of dealings; when it carries a library update, a task for the governance lead to review it
 * (its diff and the systems whose applicability changes are on the entry's page).
 */
export async function storeAdvisory(trx: Transaction<Database>, conn: ConnectionRow, p: AdvisoryPayload, jti: string, receivedAt: string, record: RecordChange): Promise<string> {
  const id = newId("dlg");
  const assignee = p.libraryUpdate ? await dealer(trx, conn.org_id) : undefined;
  const task = assignee
    ? await insertTask(trx, record, conn.org_id, {
        kind: "review",
        title: assignee.words(`当局からのライブラリ更新の確認: ${p.reference} ${p.title.ja}`, `Review the authority's library update: ${p.reference} ${p.title.en}`),
        description: assignee.words(conn.counterpart_name_ja, conn.counterpart_name_en),
        subjectType: null,
        subjectId: null,
        assigneeId: assignee.id,
        dueOn: null,
        createdBy: null,
      })
    : undefined;
  await trx
    .insertInto("dealings")
    .values({ id, org_id: conn.org_id, connection_id: conn.id, kind: "advisory", reference: p.reference, title_ja: p.title.ja, title_en: p.title.en, body: JSON.stringify(p), deadline: null, status: "open", received_at: receivedAt, message_jti: jti, task_id: task?.id ?? null, answered_at: null, answer_outgoing_id: null, updated_at: receivedAt, version: 1 })
    .onConflict((oc) => oc.columns(["org_id", "connection_id", "kind", "reference"]).doNothing())
    .execute();
  record({ action: "dealing.received", entityType: "dealing", entityId: id, after: { kind: "advisory", reference: p.reference, authority: conn.counterpart_party, libraryUpdate: p.libraryUpdate ? true : false, taskId: task?.id ?? null } });
  return id;
}

/**
 * A publication notice from an authority (in the receiving transaction). The notice opens an entry
 * with the response deadline and a task for the governance lead; the later stages (published,
 * withdrawn) update that entry, each in the organisation's ledger.
 */
export async function storePublicationNotice(trx: Transaction<Database>, conn: ConnectionRow, p: NoticePayload, jti: string, receivedAt: string, record: RecordChange): Promise<string> {
  const existing = await trx.selectFrom("dealings").select(["id", "version", "status"]).where("org_id", "=", conn.org_id).where("connection_id", "=", conn.id).where("kind", "=", "publication-notice").where("reference", "=", p.reference).executeTakeFirst();
  if (existing) {
    const status = p.stage === "notice" ? existing.status : "closed";
    await trx.updateTable("dealings").set({ body: JSON.stringify(p), status, updated_at: receivedAt, version: existing.version + 1 }).where("org_id", "=", conn.org_id).where("id", "=", existing.id).execute();
    record({ action: "dealing.publication_updated", entityType: "dealing", entityId: existing.id, after: { reference: p.reference, stage: p.stage, reason: p.reason } });
    return existing.id;
  }
  const id = newId("dlg");
  const assignee = p.stage === "notice" ? await dealer(trx, conn.org_id) : undefined;
  const task = assignee
    ? await insertTask(trx, record, conn.org_id, {
        kind: "general",
        title: assignee.words(`当局の公表予定への対応: ${p.reference} ${p.title.ja}`, `Respond to the authority's planned publication: ${p.reference} ${p.title.en}`),
        description: assignee.words(conn.counterpart_name_ja, conn.counterpart_name_en),
        subjectType: null,
        subjectId: null,
        assigneeId: assignee.id,
        dueOn: p.responseDue,
        createdBy: null,
      })
    : undefined;
  await trx
    .insertInto("dealings")
    .values({ id, org_id: conn.org_id, connection_id: conn.id, kind: "publication-notice", reference: p.reference, title_ja: p.title.ja, title_en: p.title.en, body: JSON.stringify(p), deadline: p.responseDue, status: p.stage === "notice" ? "open" : "closed", received_at: receivedAt, message_jti: jti, task_id: task?.id ?? null, answered_at: null, answer_outgoing_id: null, updated_at: receivedAt, version: 1 })
    .execute();
  record({ action: "dealing.received", entityType: "dealing", entityId: id, after: { kind: "publication-notice", reference: p.reference, stage: p.stage, authority: conn.counterpart_party, deadline: p.responseDue } });
  return id;
}

export const respondBody = z.strictObject({ version: z.number().int().min(1), text: z.string().trim().min(1).max(50_000) });

/** The organisation's response to a publication notice: sent back signed, attached by the authority to the publication. */
export async function respondToNotice(db: Db, who: ChangeContext, userId: string | null, id: string, body: z.infer<typeof respondBody>): Promise<z.infer<typeof dealingDetail>> {
  const k = db.kysely;
  const current = await readDealing(k, who.orgId, id);
  if (current.kind !== "publication-notice") throw notFound();
  if (current.version !== body.version) throw new AppError(409, "conflict", { version: current.version });
  if (current.status !== "open") throw new AppError(409, "publication_step", { status: current.status });
  const payload: ResponsePayload = { format: RESPONSE_SCHEMA, reference: current.reference, text: body.text, respondedAt: nowIso() };
  await audited(db, who, async (trx, record) => {
    const connId = (await trx.selectFrom("dealings").select("connection_id").where("org_id", "=", who.orgId).where("id", "=", id).executeTakeFirstOrThrow()).connection_id;
    const conn = await trx.selectFrom("exchange_connections").selectAll().where("org_id", "=", who.orgId).where("id", "=", connId).executeTakeFirstOrThrow();
    const sent = await queueOutgoing(trx, { orgId: who.orgId, connection: conn, kind: "publication-response", schema: RESPONSE_SCHEMA, payload: payload as unknown as Record<string, unknown>, subject: { type: "dealing", id, label: current.reference }, createdBy: who.actor.label, idempotencyKey: `response-${id}` });
    const now = nowIso();
    await trx.updateTable("dealings").set({ status: "answered", answered_at: now, answer_outgoing_id: sent.id, updated_at: now, version: current.version + 1 }).where("org_id", "=", who.orgId).where("id", "=", id).execute();
    if (current.taskId) await completeTaskFor(trx, record, who.orgId, current.taskId, userId, "dealing.responded");
    record({ action: "dealing.responded", entityType: "dealing", entityId: id, after: { reference: current.reference, submission: sent.id } });
  });
  return readDealing(k, who.orgId, id);
}
