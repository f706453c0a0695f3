import type { Kysely } from "kysely";
import { z } from "zod";
import { audited, type ChangeContext } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import type { Database } from "../db/schema.ts";
import { readOrgCalendar } from "../disclosures/haip/haip.period.ts";
import { queueOutgoing } from "../exchange/exchange.outgoing.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { fieldText } from "../platform/http/field-messages.ts";
import { newId } from "../platform/ids.ts";
import { nextFreeCode } from "../platform/sequence.ts";
import { addDays, nowIso } from "../platform/time.ts";
import { startApproval } from "../workflow/approvals.service.ts";
import { confidentialTexts } from "./confidential-texts.ts";
import { NOTICE_SCHEMA, PUBLICATION_STATUSES, PUBLICATION_SUBJECTS, type DraftPublicationBody, type NoticePayload, type ResponsePayload } from "./publications.schema.ts";
import { openData } from "./trends.ts";

const words = z.object({ ja: z.string(), en: z.string() });

export const publicationView = z.object({
  id: z.string(),
  code: z.string(),
  subjectType: z.enum(PUBLICATION_SUBJECTS),
  subjectId: z.string().nullable(),
  /** The organisation it names, if any. */
  names: z.object({ party: z.string(), name: words }).nullable(),
  title: words,
  body: words,
  status: z.enum(PUBLICATION_STATUSES),
  responseDue: z.string().nullable(),
  /** The named organisation's response, attached to the publication. */
  response: z.object({ text: z.string(), respondedAt: z.string() }).nullable(),
  approvalId: z.string().nullable(),
  publishedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  version: z.number().int(),
});
export type PublicationView = z.infer<typeof publicationView>;

function rows(k: Kysely<Database>, orgId: string) {
  return k
    .selectFrom("oversight_publications as p")
    .leftJoin("exchange_connections as c", (j) => j.onRef("c.id", "=", "p.connection_id").onRef("c.org_id", "=", "p.org_id"))
    .selectAll("p")
    .select(["c.counterpart_party", "c.counterpart_name_ja", "c.counterpart_name_en"])
    .where("p.org_id", "=", orgId);
}
type Row = Awaited<ReturnType<ReturnType<typeof rows>["executeTakeFirstOrThrow"]>>;

function viewOf(r: Row): PublicationView {
  return {
    id: r.id,
    code: r.code,
    subjectType: r.subject_type as PublicationView["subjectType"],
    subjectId: r.subject_id,
    names: r.counterpart_party ? { party: r.counterpart_party, name: { ja: r.counterpart_name_ja!, en: r.counterpart_name_en! } } : null,
    title: { ja: r.title_ja, en: r.title_en },
    body: { ja: r.body_ja, en: r.body_en },
    status: r.status as PublicationView["status"],
    responseDue: r.response_due,
    response: r.response ? (JSON.parse(r.response) as PublicationView["response"]) : null,
    approvalId: r.approval_id,
    publishedAt: r.published_at,
    withdrawnAt: r.withdrawn_at,
    withdrawReason: r.withdraw_reason,
    createdAt: r.created_at,
    createdBy: r.created_by,
    version: r.version,
  };
}

export async function readPublication(k: Kysely<Database>, orgId: string, id: string): Promise<PublicationView> {
  const r = await rows(k, orgId).where("p.id", "=", id).executeTakeFirst();
  if (!r) throw notFound();
  return viewOf(r);
}

export async function listPublications(k: Kysely<Database>, orgId: string, q: { limit: number; offset: number }): Promise<PublicationView[]> {
  return (await rows(k, orgId).orderBy("p.created_at", "desc").orderBy("p.id", "desc").limit(q.limit).offset(q.offset).execute()).map(viewOf);
}

const bad = (field: string, key: Parameters<typeof fieldText>[0]) => new AppError(400, "validation_failed", [{ field, message: fieldText(key) }]);

/**
 * Drafts a publication. Its words are checked against what senders marked confidential: a draft
 * quoting a confidential part of any submission of the case (or of the organisation it names) is
 * refused, naming the field — confidential content is never published.
 */
export async function draftPublication(db: Db, who: ChangeContext, body: DraftPublicationBody): Promise<PublicationView> {
  const k = db.kysely;
  if (body.subjectType === "case" && !(body.subjectId && (await k.selectFrom("oversight_cases").select("id").where("org_id", "=", who.orgId).where("id", "=", body.subjectId).executeTakeFirst()))) throw bad("body.subjectId", "no_such_record");
  if (body.subjectType === "advisory" && !(body.subjectId && (await k.selectFrom("oversight_advisories").select("id").where("org_id", "=", who.orgId).where("id", "=", body.subjectId).where("status", "=", "sent").executeTakeFirst()))) throw bad("body.subjectId", "no_such_record");
  if (body.connectionId && !(await k.selectFrom("exchange_connections").select("id").where("org_id", "=", who.orgId).where("id", "=", body.connectionId).where("direction", "=", "member").executeTakeFirst())) throw bad("body.connectionId", "no_such_record");
  const secrets = await confidentialTexts(k, who.orgId, { caseId: body.subjectType === "case" ? body.subjectId : undefined, connectionId: body.connectionId });
  for (const field of ["titleJa", "titleEn", "bodyJa", "bodyEn"] as const) if (secrets.some((s) => body[field].includes(s))) throw bad(`body.${field}`, "publication_confidential");
  const snapshot = body.subjectType === "statistics" ? JSON.stringify(await openData(k, who.orgId, { from: body.from, to: body.to })) : null;
  const id = await audited(db, who, async (trx, record) => {
    const code = await nextFreeCode(trx, who.orgId, "oversight_publication", "PUB", async (c) => !!(await trx.selectFrom("oversight_publications").select("id").where("org_id", "=", who.orgId).where("code", "=", c).executeTakeFirst()));
    const pubId = newId("opb");
    const now = nowIso();
    await trx
      .insertInto("oversight_publications")
      .values({ id: pubId, org_id: who.orgId, code, subject_type: body.subjectType, subject_id: body.subjectId ?? null, connection_id: body.connectionId ?? null, title_ja: body.titleJa, title_en: body.titleEn, body_ja: body.bodyJa, body_en: body.bodyEn, snapshot, status: "draft", response_due: null, response: null, approval_id: null, published_at: null, withdrawn_at: null, withdraw_reason: null, created_at: now, created_by: who.actor.label, updated_at: now, version: 1 })
      .execute();
    record({ action: "oversight.publication_drafted", entityType: "oversight_publication", entityId: pubId, after: { code, subjectType: body.subjectType, subjectId: body.subjectId ?? null, connectionId: body.connectionId ?? null, titleJa: body.titleJa, titleEn: body.titleEn } });
    return pubId;
  });
  return readPublication(k, who.orgId, id);
}

/** Tells the organisation a publication names, signed, what will be published, and until when it may respond. */
async function tell(trx: Kysely<Database>, who: ChangeContext, p: PublicationView, connectionId: string, stage: NoticePayload["stage"], responseDue: string | null, reason: string | null): Promise<void> {
  const conn = await trx.selectFrom("exchange_connections").selectAll().where("org_id", "=", who.orgId).where("id", "=", connectionId).executeTakeFirstOrThrow();
  const org = await trx.selectFrom("organizations").select(["name_ja", "name_en"]).where("id", "=", who.orgId).executeTakeFirstOrThrow();
  const payload: NoticePayload = { format: NOTICE_SCHEMA, reference: p.code, stage, authority: { ja: org.name_ja, en: org.name_en }, title: p.title, body: p.body, responseDue, reason };
  await queueOutgoing(trx, { orgId: who.orgId, connection: conn, kind: "publication-notice", schema: NOTICE_SCHEMA, payload: payload as unknown as Record<string, unknown>, subject: { type: "oversight_publication", id: p.id, label: p.code }, createdBy: who.actor.label, idempotencyKey: `publication-${p.id}-${stage}` });
}

async function step(db: Db, who: ChangeContext, id: string, version: number, from: readonly PublicationView["status"][], work: (p: PublicationView, trx: Parameters<Parameters<typeof audited>[2]>[0], record: Parameters<Parameters<typeof audited>[2]>[1]) => Promise<Record<string, unknown>>): Promise<PublicationView> {
  const current = await readPublication(db.kysely, who.orgId, id);
  if (current.version !== version) throw new AppError(409, "conflict", { version: current.version });
  if (!from.includes(current.status)) throw new AppError(409, "publication_step", { status: current.status });
  await audited(db, who, async (trx, record) => {
    const changes = await work(current, trx, record);
    const updated = await trx.updateTable("oversight_publications").set({ ...changes, updated_at: nowIso(), version: version + 1 }).where("org_id", "=", who.orgId).where("id", "=", id).where("version", "=", version).executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new AppError(409, "conflict");
  });
  return readPublication(db.kysely, who.orgId, id);
}

/** Gives the named organisation notice, with a response period (days, at least 7). */
export function noticePublication(db: Db, who: ChangeContext, id: string, body: { version: number; responseDays: number }): Promise<PublicationView> {
  return step(db, who, id, body.version, ["draft"], async (p, trx, record) => {
    if (!p.names) throw new AppError(409, "publication_step", { reason: "names_no_organisation" });
    const { today } = await readOrgCalendar(trx, who.orgId);
    const due = addDays(today, body.responseDays);
    await tell(trx, who, p, (await trx.selectFrom("oversight_publications").select("connection_id").where("id", "=", id).executeTakeFirstOrThrow()).connection_id!, "notice", due, null);
    record({ action: "oversight.publication_noticed", entityType: "oversight_publication", entityId: id, after: { organisation: p.names.party, responseDue: due } });
    return { status: "noticed", response_due: due };
  });
}

/**
 * Asks for approval (稟議) through the existing approval chains. A publication naming an
 * organisation goes only once it responded or its response period is over.
 */
export function submitPublication(db: Db, who: ChangeContext, userId: string, id: string, body: { version: number; approvalPlan: string[][] }): Promise<PublicationView> {
  return step(db, who, id, body.version, ["draft", "noticed"], async (p, trx, record) => {
    if (p.names && p.status === "draft") throw new AppError(409, "publication_step", { reason: "notice_first" });
    const { today } = await readOrgCalendar(trx, who.orgId);
    if (p.names && !p.response && p.responseDue && today <= p.responseDue) throw new AppError(409, "publication_step", { reason: "response_period", responseDue: p.responseDue });
    const approvers = await trx.selectFrom("users").select(["id", "role"]).where("org_id", "=", who.orgId).where("status", "=", "active").where("id", "in", body.approvalPlan.flat()).execute();
    const ok = new Set(approvers.filter((a) => a.role === "supervisor" || a.role === "admin").map((a) => a.id));
    const wrong = body.approvalPlan.flat().findIndex((u) => !ok.has(u) || u === userId);
    if (wrong >= 0) throw bad("body.approvalPlan", "approver_supervisor");
    const approvalId = await startApproval(trx, record, who.orgId, { subjectType: "oversight_publication", subjectId: id, title: `${p.code} ${p.title.ja}`, plan: body.approvalPlan, requestedBy: userId, today });
    record({ action: "oversight.publication_submitted", entityType: "oversight_publication", entityId: id, after: { approvalId } });
    return { status: "in_review", approval_id: approvalId };
  });
}

/** Publishes an approved publication on the authority's public register; the organisation it names is told. */
export function publishPublication(db: Db, who: ChangeContext, id: string, version: number): Promise<PublicationView> {
  return step(db, who, id, version, ["approved"], async (p, trx, record) => {
    const at = nowIso();
    const connectionId = (await trx.selectFrom("oversight_publications").select("connection_id").where("id", "=", id).executeTakeFirstOrThrow()).connection_id;
    if (connectionId) await tell(trx, who, p, connectionId, "published", null, null);
    record({ action: "oversight.publication_published", entityType: "oversight_publication", entityId: id, after: { code: p.code, publishedAt: at } });
    return { status: "published", published_at: at };
  });
}

/** Withdraws a published publication (with a reason the register shows); the organisation it names is told. */
export function withdrawPublication(db: Db, who: ChangeContext, id: string, body: { version: number; reason: string }): Promise<PublicationView> {
  return step(db, who, id, body.version, ["published"], async (p, trx, record) => {
    const at = nowIso();
    const connectionId = (await trx.selectFrom("oversight_publications").select("connection_id").where("id", "=", id).executeTakeFirstOrThrow()).connection_id;
    if (connectionId) await tell(trx, who, p, connectionId, "withdrawn", null, body.reason);
    record({ action: "oversight.publication_withdrawn", entityType: "oversight_publication", entityId: id, after: { code: p.code, reason: body.reason } });
    return { status: "withdrawn", withdrawn_at: at, withdraw_reason: body.reason };
  });
}

/** The named organisation's response, received (in the receiving transaction): attached to the publication. */
export async function storePublicationResponse(trx: Kysely<Database>, orgId: string, connectionId: string, p: ResponsePayload, record: Parameters<Parameters<typeof audited>[2]>[1]): Promise<string> {
  const row = await trx.selectFrom("oversight_publications").select(["id", "status", "version"]).where("org_id", "=", orgId).where("code", "=", p.reference).where("connection_id", "=", connectionId).executeTakeFirst();
  if (!row || (row.status !== "noticed" && row.status !== "in_review")) throw new AppError(409, "publication_step", { reason: "no_notice" });
  await trx.updateTable("oversight_publications").set({ response: JSON.stringify({ text: p.text, respondedAt: p.respondedAt }), updated_at: nowIso(), version: row.version + 1 }).where("org_id", "=", orgId).where("id", "=", row.id).execute();
  record({ action: "oversight.publication_response_received", entityType: "oversight_publication", entityId: row.id, after: { reference: p.reference, respondedAt: p.respondedAt } });
  return row.id;
}
