import { z } from "zod";
import { audited, type ChangeContext } from "../audit/audited.ts";
import { buildHaipDocument } from "../disclosures/haip/haip.document.ts";
import { readReport } from "../disclosures/haip/haip.read.ts";
import { buildSystemCard } from "../disclosures/system-card.ts";
import { buildIncidentReport } from "../incidents/report.ts";
import type { Library } from "../library/library.model.ts";
import { ConfidentialMark, DOCUMENT_SCHEMAS, pointerExists, SENDABLE_KINDS, SUBMISSION_SCHEMA, type SubmissionEnvelope } from "../oversight/submission.schema.ts";

type SubmissionKind = (typeof SENDABLE_KINDS)[number];
import { AppError, notFound } from "../platform/errors.ts";
import { fieldText } from "../platform/http/field-messages.ts";
import { findConnection } from "./connections.store.ts";
import { queueOutgoing } from "./exchange.outgoing.ts";
import type { ExchangeEnv } from "./exchange.party.ts";
import { MAX_MESSAGE_BYTES } from "./exchange.schema.ts";
import { outgoingViewOf, type OutgoingView } from "./outgoing.view.ts";

export const submitBody = z.strictObject({
  /** The connection to the authority (from `GET /api/exchange/connections`). */
  connectionId: z.string().min(1).max(100),
  kind: z.enum(SENDABLE_KINDS),
  /** The incident's code (INC-…), the HAIP report's year, or the system's code. */
  subject: z.string().trim().min(1).max(100),
  /** Parts of the document the authority must keep confidential, as JSON Pointers into it. */
  confidential: z.array(ConfidentialMark).max(500).default([]),
});
export type SubmitBody = z.infer<typeof submitBody>;

/** Who submits: their name and address go into an incident report as its contact. */
export interface Submitter {
  name: string;
  email: string;
}

/**
 * Sends an authority one of the organisation's documents — an incident report, an approved HAIP
 * report, a system card — as it stands now, with the parts the organisation marks confidential.
 * The document is built and frozen here; the outbox delivers it, signed, until a receipt comes
 * back (which lands in the ledger). Only over an approved connection.
 */
export async function submitToAuthority(env: ExchangeEnv, who: ChangeContext, library: Library, by: Submitter, body: SubmitBody): Promise<OutgoingView> {
  const db = env.db.kysely;
  const conn = await findConnection(db, who.orgId, body.connectionId);
  if (!conn || conn.direction !== "authority") throw notFound();
  if (conn.status !== "approved") throw new AppError(409, "exchange_not_connected", { status: conn.status });
  const { document, subject } = await documentOf(env, who.orgId, library, by, body.kind, body.subject);
  const missing = body.confidential.find((m) => !pointerExists(document, m.pointer));
  if (missing) throw new AppError(400, "validation_failed", [{ field: `body.confidential.${body.confidential.indexOf(missing)}.pointer`, message: fieldText("confidential_part_missing") }]);
  const payload: SubmissionEnvelope = { format: SUBMISSION_SCHEMA, documentSchema: DOCUMENT_SCHEMAS[body.kind], document, confidential: body.confidential };
  // A compact JWS carries the payload in base64url (4/3) plus a small header: refuse now what the
  // signer would refuse at delivery time, after the outbox had already taken it.
  if ((Buffer.byteLength(JSON.stringify(payload)) * 4) / 3 + 4096 > MAX_MESSAGE_BYTES) throw new AppError(413, "payload_too_large", { maxBytes: MAX_MESSAGE_BYTES });
  const id = await audited(env.db, who, async (trx, record) => {
    const sent = await queueOutgoing(trx, { orgId: who.orgId, connection: conn, kind: body.kind, schema: SUBMISSION_SCHEMA, payload, subject, confidential: body.confidential.map((m) => m.pointer), createdBy: who.actor.label });
    record({ action: "exchange.submission_queued", entityType: "exchange_submission", entityId: sent.id, after: { kind: body.kind, subject: subject.label, authority: conn.counterpart_party, idempotencyKey: sent.idempotencyKey, confidential: body.confidential } });
    return sent.id;
  });
  const row = await db.selectFrom("exchange_outgoing").selectAll().where("org_id", "=", who.orgId).where("id", "=", id).executeTakeFirstOrThrow();
  return outgoingViewOf(row, conn);
}

async function documentOf(env: ExchangeEnv, orgId: string, library: Library, by: Submitter, kind: SubmissionKind, ref: string) {
  const db = env.db.kysely;
  if (kind === "incident-report") {
    const inc = await db.selectFrom("incidents").select(["id", "code"]).where("org_id", "=", orgId).where("code", "=", ref.toUpperCase()).executeTakeFirst();
    if (!inc) throw notFound();
    const document = (await buildIncidentReport(db, library, orgId, inc.id, by)) as unknown as Record<string, unknown>;
    return { document, subject: { type: "incident", id: inc.id, label: inc.code } };
  }
  if (kind === "system-card") {
    const sys = await db.selectFrom("ai_systems").select(["id", "code"]).where("org_id", "=", orgId).where("code", "=", ref.toUpperCase()).executeTakeFirst();
    if (!sys) throw notFound();
    const document = (await buildSystemCard(db, library, orgId, sys.id)) as unknown as Record<string, unknown>;
    return { document, subject: { type: "system", id: sys.id, label: sys.code } };
  }
  const year = Number(ref);
  const row = Number.isInteger(year) ? await db.selectFrom("haip_reports").select(["id", "status"]).where("org_id", "=", orgId).where("year", "=", year).executeTakeFirst() : undefined;
  if (!row) throw notFound();
  // The State receives what the organisation stands behind: an approved or published report, never a draft.
  if (row.status !== "approved" && row.status !== "published") throw new AppError(409, "exchange_not_approved", { status: row.status });
  const view = await readReport(db, orgId, row.id);
  const published = view.publications.find((p) => p.withdrawnAt === null);
  const document = (await buildHaipDocument(db, orgId, view, published ? { number: published.number, publishedAt: published.publishedAt } : null)) as unknown as Record<string, unknown>;
  return { document, subject: { type: "haip_report", id: row.id, label: String(year) } };
}
