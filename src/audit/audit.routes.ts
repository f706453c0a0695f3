import type { Kysely } from "kysely";
import { z } from "zod";
import type { AuditRow, Database } from "../db/schema.ts";
import { defineRoute } from "../platform/http/route.ts";
import { pageOf } from "../platform/pagination.ts";
import { auditRefs } from "./audit.refs.ts";
import { listAudit } from "./audit.store.ts";
import { verifyWithCheckpoints } from "./audit.checkpoint-verify.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, "ISO date or UTC timestamp");

const listAuditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  sort: z.enum(["seq", "-seq"]).default("-seq"),
  action: z.string().max(100).optional().meta({ description: "An action, e.g. `incident.closed`" }),
  entityType: z.string().max(100).optional().meta({ description: "A record type, e.g. `incident`" }),
  entityId: z.string().max(100).optional().meta({ description: "A record's id" }),
  code: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: "A record's business code (`AIS-000001`, `RSK-…`, `INC-…`, `VND-…`, `TSK-…`, a control's or department's code), resolved within the caller's organisation; also the code a deleted record last had" }),
  actorId: z.string().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

const auditEntryView = z.object({
  seq: z.number().int(),
  ts: z.string(),
  actor: z.object({ type: z.string(), id: z.string().nullable(), label: z.string().nullable() }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});

const auditRefView = z.object({
  type: z.string(),
  code: z.string().nullable(),
  name: z.object({ ja: z.string(), en: z.string() }),
  deleted: z.literal(true).optional(),
});

/** A page of entries, and the code and name of every record they mention, by id. */
export const auditPageView = pageOf(auditEntryView).extend({
  refs: z.record(z.string(), auditRefView).meta({ description: "Code and name of each record an entry names or mentions in its before/after, by id, so no reader is shown an internal id" }),
});

export function presentAuditEntry(r: AuditRow): z.infer<typeof auditEntryView> {
  return {
    seq: r.seq,
    ts: r.ts,
    actor: { type: r.actor_type, id: r.actor_id, label: r.actor_label },
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before_json === null ? null : JSON.parse(r.before_json),
    after: r.after_json === null ? null : JSON.parse(r.after_json),
    requestId: r.request_id,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/**
 * A page of entries as the API answers it, with the `refs` that name every record they mention:
 * what both the ledger and a record's own history (e.g. `GET /api/systems/:id/history`) return.
 */
export async function presentAuditPage(
  db: Kysely<Database>,
  orgId: string,
  found: { rows: AuditRow[]; total: number },
  page: { limit: number; offset: number },
): Promise<z.infer<typeof auditPageView>> {
  const refs = await auditRefs(db, orgId, found.rows);
  return { items: found.rows.map(presentAuditEntry), total: found.total, limit: page.limit, offset: page.offset, refs };
}

const verifyView = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  headSeq: z.number().int(),
  headHash: z.string(),
  firstBreak: z
    .object({ seq: z.number().int(), reason: z.string(), expected: z.string(), found: z.string() })
    .optional(),
  /** Signed checkpoints the chain was held against (the instance's file and the ledger's own). */
  checkpoints: z
    .object({
      checked: z.number().int(),
      latest: z.object({ seq: z.number().int(), time: z.string(), keyId: z.string() }).optional(),
    })
    .optional(),
  verifiedAt: z.string(),
});

export const auditRoutes = [
  defineRoute({
    method: "get",
    path: "/api/audit",
    summary: "The organisation's audit ledger, newest first; filter by action, record (id or business code), actor or time",
    tag: "audit",
    cache: "ledger",
    access: { permission: "audit.read" },
    query: listAuditQuery,
    response: auditPageView,
    async handler({ deps, actor, query }) {
      const { limit, offset, sort, ...filter } = query;
      const found = await listAudit(deps.db.kysely, actor.orgId, filter, { limit, offset, order: sort === "seq" ? "asc" : "desc" });
      return presentAuditPage(deps.db.kysely, actor.orgId, found, { limit, offset });
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/audit/verify",
    summary: "Walk the organisation's hash chain from genesis, hold it against its signed checkpoints, and report the first broken link",
    tag: "audit",
    access: { permission: "audit.read" },
    response: verifyView,
    async handler({ deps, actor }) {
      const report = await verifyWithCheckpoints(deps.db, actor.orgId, { dataDir: deps.config.dataDir });
      const chain = report.chains[0];
      return {
        ok: report.ok,
        entries: report.entries,
        headSeq: chain?.headSeq ?? 0,
        headHash: chain?.headHash ?? "",
        ...(chain?.firstBreak && { firstBreak: chain.firstBreak }),
        checkpoints: { checked: report.checkpoints.checked, ...(chain?.checkpoint && { latest: chain.checkpoint }) },
        verifiedAt: new Date().toISOString(),
      };
    },
  }),
];
