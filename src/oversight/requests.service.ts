import type { Kysely } from "kysely";
import { z } from "zod";
import { audited, SYSTEM_ACTOR, type ChangeContext } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import type { Database } from "../db/schema.ts";
import { queueOutgoingMany } from "../exchange/exchange.outgoing.ts";
import { notify } from "../notify/notify.ts";
import { readOrgCalendar } from "../disclosures/haip/haip.period.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { fieldText } from "../platform/http/field-messages.ts";
import { newId } from "../platform/ids.ts";
import { nextFreeCode } from "../platform/sequence.ts";
import { nowIso, todayIn } from "../platform/time.ts";
import { timeZoneOfSettings } from "../orgs/orgs.store.ts";
import { audienceJson, recipientsOf } from "./audience.ts";
import { RFI_SCHEMA, type CreateRequestBody, type RfiPayload } from "./requests.schema.ts";

export const RECIPIENT_STATUSES = ["sent", "answered", "overdue"] as const;
const words = z.object({ ja: z.string(), en: z.string() });

export const requestView = z.object({
  id: z.string(),
  code: z.string(),
  title: words,
  body: words,
  questions: z.array(z.object({ id: z.string(), ja: z.string(), en: z.string() })),
  deadline: z.string(),
  audience: z.object({ type: z.enum(["one", "sector", "all"]), connectionId: z.string().optional(), sector: z.string().optional() }),
  status: z.enum(["sent", "closed"]),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  /** Recipients by status. */
  counts: z.object({ sent: z.number().int(), answered: z.number().int(), overdue: z.number().int() }),
  version: z.number().int(),
});
export type RequestView = z.infer<typeof requestView>;

export const requestDetail = requestView.extend({
  recipients: z.array(z.object({ party: z.string(), name: words, sector: z.string().nullable(), status: z.enum(RECIPIENT_STATUSES), delivery: z.string(), answeredAt: z.string().nullable(), answerIntakeId: z.string().nullable() })),
});

/**
 * Sends a request for information: to one registered organisation, a sector's, or all of them.
 * Each gets its own signed message through the outbox (retried until its receipt comes back) and
 * an entry in its register of dealings with a task for its governance lead. In one transaction,
 * however many recipients: an authority with 10,000 registered organisations queues 10,000
 * messages in seconds.
 */
export async function sendRequest(db: Db, who: ChangeContext, body: CreateRequestBody): Promise<RequestView> {
  const k = db.kysely;
  const { today } = await readOrgCalendar(k, who.orgId);
  if (body.deadline <= today) throw new AppError(400, "validation_failed", [{ field: "body.deadline", message: fieldText("deadline_past") }]);
  const recipients = await recipientsOf(k, who.orgId, body);
  const org = await k.selectFrom("organizations").select(["name_ja", "name_en"]).where("id", "=", who.orgId).executeTakeFirstOrThrow();
  const id = await audited(db, who, async (trx, record) => {
    const code = await nextFreeCode(trx, who.orgId, "oversight_request", "RFI", async (c) => !!(await trx.selectFrom("oversight_requests").select("id").where("org_id", "=", who.orgId).where("code", "=", c).executeTakeFirst()));
    const requestId = newId("orq");
    const now = nowIso();
    const questions = body.questions.map((q, i) => ({ id: `q${i + 1}`, ja: q.ja, en: q.en }));
    await trx
      .insertInto("oversight_requests")
      .values({ id: requestId, org_id: who.orgId, code, title_ja: body.titleJa, title_en: body.titleEn, body_ja: body.bodyJa, body_en: body.bodyEn, questions: JSON.stringify(questions), deadline: body.deadline, audience: audienceJson(body), status: "sent", recipients: recipients.length, created_at: now, created_by: who.actor.label, updated_at: now, version: 1 })
      .execute();
    const payload: RfiPayload = { format: RFI_SCHEMA, reference: code, authority: { ja: org.name_ja, en: org.name_en }, title: { ja: body.titleJa, en: body.titleEn }, body: { ja: body.bodyJa, en: body.bodyEn }, questions, deadline: body.deadline };
    const sent = await queueOutgoingMany(
      trx,
      recipients.map((conn) => ({ orgId: who.orgId, connection: conn, kind: "rfi" as const, schema: RFI_SCHEMA, payload, subject: { type: "oversight_request", id: requestId, label: code }, createdBy: who.actor.label, idempotencyKey: `rfi-${requestId}-${conn.id}` })),
    );
    for (let i = 0; i < recipients.length; i += 400) {
      await trx
        .insertInto("oversight_recipients")
        .values(recipients.slice(i, i + 400).map((conn, j) => ({ org_id: who.orgId, subject_id: requestId, connection_id: conn.id, outgoing_id: sent[i + j]!.id, status: "sent", answered_at: null, answer_intake_id: null })))
        .execute();
    }
    record({ action: "oversight.request_sent", entityType: "oversight_request", entityId: requestId, after: { code, titleJa: body.titleJa, titleEn: body.titleEn, deadline: body.deadline, audience: JSON.parse(audienceJson(body)), recipients: recipients.length } });
    return requestId;
  });
  return (await listRequests(k, who.orgId, { ids: [id] }))[0]!;
}

export async function listRequests(k: Kysely<Database>, orgId: string, q: { ids?: string[]; limit?: number; offset?: number }): Promise<RequestView[]> {
  let query = k.selectFrom("oversight_requests").selectAll().where("org_id", "=", orgId);
  if (q.ids) query = query.where("id", "in", q.ids);
  const rows = await query.orderBy("created_at", "desc").orderBy("id", "desc").limit(q.limit ?? 50).offset(q.offset ?? 0).execute();
  if (!rows.length) return [];
  const counts = await k
    .selectFrom("oversight_recipients")
    .select(["subject_id", "status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("org_id", "=", orgId)
    .where("subject_id", "in", rows.map((r) => r.id))
    .groupBy(["subject_id", "status"])
    .execute();
  return rows.map((r) => {
    const c = { sent: 0, answered: 0, overdue: 0 };
    for (const x of counts) if (x.subject_id === r.id && x.status in c) c[x.status as keyof typeof c] = Number(x.n);
    return {
      id: r.id,
      code: r.code,
      title: { ja: r.title_ja, en: r.title_en },
      body: { ja: r.body_ja, en: r.body_en },
      questions: JSON.parse(r.questions) as RequestView["questions"],
      deadline: r.deadline,
      audience: JSON.parse(r.audience) as RequestView["audience"],
      status: r.status as RequestView["status"],
      createdAt: r.created_at,
      createdBy: r.created_by,
      counts: c,
      version: r.version,
    };
  });
}

/** Recipients shown on a request's page at most (the counts cover all). */
const RECIPIENT_PAGE = 500;

export async function readRequest(k: Kysely<Database>, orgId: string, id: string): Promise<z.infer<typeof requestDetail>> {
  const [view] = await listRequests(k, orgId, { ids: [id] });
  if (!view) throw notFound();
  const rows = await k
    .selectFrom("oversight_recipients as r")
    .innerJoin("exchange_connections as c", (j) => j.onRef("c.id", "=", "r.connection_id").onRef("c.org_id", "=", "r.org_id"))
    .innerJoin("exchange_outgoing as o", (j) => j.onRef("o.id", "=", "r.outgoing_id").onRef("o.org_id", "=", "r.org_id"))
    .select(["c.counterpart_party", "c.counterpart_name_ja", "c.counterpart_name_en", "c.sector", "r.status", "r.answered_at", "r.answer_intake_id", "o.status as delivery"])
    .where("r.org_id", "=", orgId)
    .where("r.subject_id", "=", id)
    .orderBy("r.status")
    .orderBy("c.counterpart_name_en")
    .limit(RECIPIENT_PAGE)
    .execute();
  return {
    ...view,
    recipients: rows.map((r) => ({ party: r.counterpart_party, name: { ja: r.counterpart_name_ja, en: r.counterpart_name_en }, sector: r.sector, status: r.status as "sent", delivery: r.delivery, answeredAt: r.answered_at, answerIntakeId: r.answer_intake_id })),
  };
}

/** An answer arrived (in the receiving transaction): its recipient row says so. */
export async function markAnswered(trx: Kysely<Database>, orgId: string, connectionId: string, reference: string, intakeId: string, at: string): Promise<void> {
  const request = await trx.selectFrom("oversight_requests").select("id").where("org_id", "=", orgId).where("code", "=", reference).executeTakeFirst();
  if (!request) return;
  await trx.updateTable("oversight_recipients").set({ status: "answered", answered_at: at, answer_intake_id: intakeId }).where("org_id", "=", orgId).where("subject_id", "=", request.id).where("connection_id", "=", connectionId).execute();
}

/**
 * The authority's side of an overdue request: recipients that have not answered by the deadline
 * (in the authority's calendar) become `overdue`, once, with a notification to its supervisors
 * and administrators and an entry in its ledger. (The organisation's side escalates through its
 * answer task.) Idempotent: run daily.
 */
export async function markOverdueRequests(db: Db): Promise<number> {
  let marked = 0;
  const authorities = await db.kysely.selectFrom("organizations").select(["id", "settings"]).where("kind", "=", "authority").execute();
  for (const a of authorities) {
    const today = todayIn(timeZoneOfSettings(a.settings));
    const late = await db.kysely.selectFrom("oversight_requests").select(["id", "code", "title_ja", "title_en"]).where("org_id", "=", a.id).where("status", "=", "sent").where("deadline", "<", today).execute();
    for (const r of late) {
      const n = await audited(db, { actor: SYSTEM_ACTOR, orgId: a.id }, async (trx, record) => {
        const res = await trx.updateTable("oversight_recipients").set({ status: "overdue" }).where("org_id", "=", a.id).where("subject_id", "=", r.id).where("status", "=", "sent").executeTakeFirst();
        const count = Number(res.numUpdatedRows);
        if (!count) return 0;
        record({ action: "oversight.request_overdue", entityType: "oversight_request", entityId: r.id, after: { code: r.code, unanswered: count } });
        const people = await trx.selectFrom("users").select("id").where("org_id", "=", a.id).where("status", "=", "active").where("role", "in", ["admin", "supervisor"]).execute();
        await notify(trx, a.id, { event: "oversight.request_overdue", users: people.map((p) => p.id), title: { ja: `情報提供依頼の期限超過: ${r.code} ${r.title_ja}（未回答 ${count}件）`, en: `Request for information overdue: ${r.code} ${r.title_en} (${count} unanswered)` }, data: { requestId: r.id, unanswered: count } });
        return count;
      });
      marked += n;
    }
  }
  return marked;
}
