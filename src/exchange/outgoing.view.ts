import { z } from "zod";
import type { Kysely, Selectable } from "kysely";
import type { Database, ExchangeOutgoingTable } from "../db/schema.ts";
import type { ConnectionRow } from "./connections.store.ts";

export const OUTGOING_STATUSES = ["queued", "delivered", "refused", "failed"] as const;

/** A document the organisation sent (or is sending) to an authority, with the receipt that proves it arrived. */
export const outgoingView = z.object({
  id: z.string(),
  kind: z.string(),
  /** What it is about here: `incident`, `haip_report`, `system` or `exchange_connection`, and its code. */
  subject: z.object({ type: z.string().nullable(), label: z.string().nullable() }),
  authority: z.object({ party: z.string(), name: z.object({ ja: z.string(), en: z.string() }) }),
  status: z.enum(OUTGOING_STATUSES),
  attempts: z.number().int(),
  /** What went wrong on the last attempt (an error code or network message), while it is retried or after it ended. */
  lastError: z.string().nullable(),
  idempotencyKey: z.string(),
  payloadSha256: z.string(),
  /** JSON Pointers of the parts marked confidential. */
  confidential: z.array(z.string()),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  /** When the authority received it, by its signed receipt. */
  receivedAt: z.string().nullable(),
  /** The authority's signed receipt (compact JWS), verified when it arrived. */
  receipt: z.string().nullable(),
});
export type OutgoingView = z.infer<typeof outgoingView>;

export function outgoingViewOf(r: Selectable<ExchangeOutgoingTable>, conn: Pick<ConnectionRow, "counterpart_party" | "counterpart_name_ja" | "counterpart_name_en">): OutgoingView {
  return {
    id: r.id,
    kind: r.kind,
    subject: { type: r.subject_type, label: r.subject_label },
    authority: { party: conn.counterpart_party, name: { ja: conn.counterpart_name_ja, en: conn.counterpart_name_en } },
    status: r.status as OutgoingView["status"],
    attempts: r.attempts,
    lastError: r.last_error,
    idempotencyKey: r.idempotency_key,
    payloadSha256: r.payload_sha256,
    confidential: JSON.parse(r.confidential) as string[],
    createdAt: r.created_at,
    createdBy: r.created_by,
    receivedAt: r.received_at,
    receipt: r.receipt,
  };
}

/** The organisation's submissions with the authority each went to (for {@link outgoingViewOf}). */
export function outgoingRows(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("exchange_outgoing as o")
    .innerJoin("exchange_connections as c", (j) => j.onRef("c.id", "=", "o.connection_id").onRef("c.org_id", "=", "o.org_id"))
    .selectAll("o")
    .select(["c.counterpart_party", "c.counterpart_name_ja", "c.counterpart_name_en"])
    .where("o.org_id", "=", orgId);
}
