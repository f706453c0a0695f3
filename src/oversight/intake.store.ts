import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../db/schema.ts";
import { notFound } from "../platform/errors.ts";
import { containsText, listQuery, pageOf, parseSort, type Page } from "../platform/pagination.ts";
import { CONFIDENTIAL_REASONS, SUBMISSION_KINDS } from "./submission.schema.ts";
import { NO_MONTH, TREND_DIMENSIONS } from "./trends.tags.ts";

export const INTAKE_STATUSES = ["new", "triaged", "duplicate", "superseded", "closed"] as const;

/** Counted exactly up to here, then "1,000+": an authority's queue can hold a million rows. */
const COUNT_CAP = 1000;

export const intakeQuery = listQuery({
  sortable: ["receivedAt"],
  defaultSort: "-receivedAt",
  filters: {
    status: z.enum(INTAKE_STATUSES).optional(),
    kind: z.enum(["harm-report", ...SUBMISSION_KINDS]).optional(),
    sector: z.string().max(100).optional(),
    caseId: z.string().max(100).optional(),
    /** Month the harm happened (YYYY-MM): a trend chart's column. */
    month: z.string().regex(/^(\d{4}-(0[1-9]|1[0-2])|unknown)$/).optional(),
    /** A trend bar: submissions counted under this value of this dimension (both or neither). */
    dimension: z.enum(TREND_DIMENSIONS).optional(),
    value: z.string().max(200).optional(),
  },
});
export type IntakeQuery = z.infer<typeof intakeQuery>;

const names = z.object({ ja: z.string(), en: z.string() });

export const intakeSummary = z.object({
  id: z.string(),
  kind: z.string(),
  headline: z.string(),
  /** The organisation that sent it, by the name it registered with; null for a report from the public form. */
  sender: z.object({ party: z.string(), name: names }).nullable(),
  source: z.enum(["exchange", "public"]),
  sector: z.string().nullable(),
  receivedAt: z.string(),
  status: z.enum(INTAKE_STATUSES),
  severity: z.string().nullable(),
  harmTypes: z.array(z.string()),
  rights: z.array(z.string()),
  occurredMonth: z.string().nullable(),
  /** The sender's own reference (incident code, report year, system code). */
  subjectRef: z.string().nullable(),
  supersedes: z.string().nullable(),
  /** Another organisation's submission this one resembles (estimated Jaccard similarity of their words, 0–1): possibly the same incident. */
  similarTo: z.object({ id: z.string(), similarity: z.number() }).nullable(),
  /** Set by triage: the submission this one repeats. */
  duplicateOf: z.string().nullable(),
  assigneeId: z.string().nullable(),
  /** The closest public reference case (AI Incident Database and others loaded), by words. */
  referenceMatch: z.object({ id: z.string(), source: z.string(), number: z.number().int(), title: z.string(), url: z.string() }).nullable(),
  confidentialParts: z.number().int(),
  caseId: z.string().nullable(),
  version: z.number().int(),
});
export type IntakeSummary = z.infer<typeof intakeSummary>;

export const intakeDetail = intakeSummary.extend({
  schema: z.string(),
  /** The document as received — confidential parts included: this is the authority's own view; open data and the public register never carry them. */
  document: z.record(z.string(), z.unknown()),
  confidential: z.array(z.object({ pointer: z.string(), reason: z.enum(CONFIDENTIAL_REASONS) })),
  idempotencyKey: z.string().nullable(),
  payloadSha256: z.string(),
  /** The signed message as received (compact JWS): proof of who sent what, verifiable with the sender's registered key. */
  message: z.string().nullable(),
  /** Earlier and later versions of the same document from the same sender, newest first. */
  versions: z.array(z.object({ id: z.string(), receivedAt: z.string(), status: z.enum(INTAKE_STATUSES) })),
  /** For an answer to a request for information, the authority's request it answers; null otherwise. */
  request: z.object({ id: z.string(), code: z.string(), titleJa: z.string(), titleEn: z.string() }).nullable(),
});
export type IntakeDetail = z.infer<typeof intakeDetail>;

export const intakePage = pageOf(intakeSummary);

function baseQuery(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom("oversight_intake as i")
    .leftJoin("exchange_connections as c", (j) => j.onRef("c.id", "=", "i.connection_id").onRef("c.org_id", "=", "i.org_id"))
    .leftJoin("reference_incidents as r", "r.id", "i.reference_match")
    .where("i.org_id", "=", orgId);
}

type Row = Awaited<ReturnType<typeof selectSummaryFrom>>[number];

function summaryOf(r: Row): IntakeSummary {
  return {
    id: r.id,
    kind: r.kind,
    headline: r.headline,
    sender: r.sender_party ? { party: r.sender_party, name: { ja: r.counterpart_name_ja ?? r.sender_party, en: r.counterpart_name_en ?? r.sender_party } } : null,
    source: r.source as IntakeSummary["source"],
    sector: r.sector,
    receivedAt: r.received_at,
    status: r.status as IntakeSummary["status"],
    severity: r.severity,
    harmTypes: JSON.parse(r.harm_types) as string[],
    rights: JSON.parse(r.rights) as string[],
    occurredMonth: r.occurred_month,
    subjectRef: r.subject_ref,
    supersedes: r.supersedes,
    similarTo: r.similar_to ? { id: r.similar_to, similarity: r.similarity ?? 0 } : null,
    duplicateOf: r.duplicate_of,
    assigneeId: r.assignee_id,
    referenceMatch: r.ref_id ? { id: r.ref_id, source: r.ref_source!, number: r.ref_number!, title: r.ref_title!, url: r.ref_url! } : null,
    confidentialParts: (JSON.parse(r.confidential) as unknown[]).length,
    caseId: r.case_id,
    version: r.version,
  };
}

/**
 * The authority's intake queue, newest first by default: ids first through the (org, status,
 * received) or (org, received) index, then the rows of that page; the total is exact up to
 * {@link COUNT_CAP}, else capped.
 */
export async function listIntake(db: Kysely<Database>, orgId: string, q: IntakeQuery): Promise<Page<IntakeSummary>> {
  const { direction } = parseSort<"receivedAt">(q.sort);
  const onlyTag = q.dimension && q.value !== undefined && !q.status && !q.kind && !q.sector && !q.caseId && !q.month && !q.q;
  let ids: { id: string }[];
  let total: number;
  if (onlyTag) {
    // A trend bar's drill-down alone: page and count straight from the tags' primary key, which is
    // already in the page's order — an index-only read of the page and of at most the capped count.
    const tagged = db.selectFrom("oversight_intake_tags").where("org_id", "=", orgId).where("dimension", "=", q.dimension!).where("value", "=", q.value!);
    ids = (await tagged.select("intake_id as id").orderBy("received_at", direction).orderBy("intake_id", direction).limit(q.limit).offset(q.offset).execute()) as { id: string }[];
    total = Number((await db.selectFrom(tagged.select("intake_id").limit(COUNT_CAP + 1).as("capped")).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  } else {
    let filtered = db.selectFrom("oversight_intake").where("org_id", "=", orgId);
    if (q.dimension && q.value !== undefined) {
      const { dimension, value } = q;
      filtered = filtered.where("id", "in", (eb) => eb.selectFrom("oversight_intake_tags").select("intake_id").where("org_id", "=", orgId).where("dimension", "=", dimension).where("value", "=", value));
    }
    if (q.status) filtered = filtered.where("status", "=", q.status);
    if (q.kind) filtered = filtered.where("kind", "=", q.kind);
    if (q.sector) filtered = filtered.where("sector", "=", q.sector);
    if (q.caseId) filtered = filtered.where("case_id", "=", q.caseId);
    if (q.month) filtered = q.month === NO_MONTH ? filtered.where("occurred_month", "is", null) : filtered.where("occurred_month", "=", q.month);
    if (q.q) filtered = filtered.where(containsText("headline", q.q));
    ids = await filtered.select("id").orderBy("received_at", direction).orderBy("id", direction).limit(q.limit).offset(q.offset).execute();
    total = Number((await db.selectFrom(filtered.select("id").limit(COUNT_CAP + 1).as("capped")).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  }
  const rows = ids.length ? await selectSummaryWhere(db, orgId, ids.map((r) => r.id)) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    items: ids.flatMap((r) => (byId.has(r.id) ? [summaryOf(byId.get(r.id)!)] : [])),
    total: total > COUNT_CAP ? COUNT_CAP : total,
    ...(total > COUNT_CAP && { totalCapped: true as const }),
    limit: q.limit,
    offset: q.offset,
  };
}

async function selectSummaryWhere(db: Kysely<Database>, orgId: string, ids: string[]): Promise<Row[]> {
  return selectSummaryFrom(baseQuery(db, orgId).where("i.id", "in", ids));
}

function selectSummaryFrom(q: ReturnType<typeof baseQuery>) {
  return q
    .select([
      "i.id",
      "i.kind",
      "i.headline",
      "i.source",
      "i.sender_party",
      "i.sector",
      "i.received_at",
      "i.status",
      "i.severity",
      "i.harm_types",
      "i.rights",
      "i.occurred_month",
      "i.subject_ref",
      "i.supersedes",
      "i.similar_to",
      "i.similarity",
      "i.duplicate_of",
      "i.assignee_id",
      "i.confidential",
      "i.case_id",
      "i.version",
      "c.counterpart_name_ja",
      "c.counterpart_name_en",
      "r.id as ref_id",
      "r.source as ref_source",
      "r.number as ref_number",
      "r.title as ref_title",
      "r.url as ref_url",
    ])
    .execute();
}

/** One submission with its document, its confidentiality marks and the proof of its sending. */
export async function readIntake(db: Kysely<Database>, orgId: string, id: string): Promise<IntakeDetail> {
  const [row] = await selectSummaryWhere(db, orgId, [id]);
  if (!row) throw notFound();
  const extra = await db
    .selectFrom("oversight_intake")
    .select(["schema", "payload", "confidential", "idempotency_key", "payload_sha256", "message", "connection_id"])
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  const versions = row.sender_party && row.subject_ref
    ? await db
        .selectFrom("oversight_intake")
        .select(["id", "received_at", "status"])
        .where("org_id", "=", orgId)
        .where("sender_party", "=", row.sender_party)
        .where("subject_ref", "=", row.subject_ref)
        .where("kind", "=", row.kind)
        .orderBy("received_at", "desc")
        .limit(50)
        .execute()
    : [];
  const request = row.kind === "rfi-answer" && row.subject_ref && extra.connection_id ? await answeredRequest(db, orgId, row.subject_ref.slice("rfi-".length), extra.connection_id) : undefined;
  return {
    ...summaryOf(row),
    schema: extra.schema,
    document: JSON.parse(extra.payload) as Record<string, unknown>,
    confidential: JSON.parse(extra.confidential) as IntakeDetail["confidential"],
    idempotencyKey: extra.idempotency_key,
    payloadSha256: extra.payload_sha256,
    message: extra.message,
    versions: versions.map((v) => ({ id: v.id, receivedAt: v.received_at, status: v.status as IntakeDetail["status"] })),
    request: request ? { id: request.id, code: request.code, titleJa: request.title_ja, titleEn: request.title_en } : null,
  };
}

/**
 * The request an answer belongs to: the one its document names (`reference`, kept as the answer's
 * `rfi-<code>` subject), provided it was sent to the answering organisation — so every version of
 * the answer finds it, by the requests' and recipients' keys.
 */
function answeredRequest(db: Kysely<Database>, orgId: string, code: string, connectionId: string) {
  return db
    .selectFrom("oversight_requests as rq")
    .innerJoin("oversight_recipients as rc", (j) => j.onRef("rc.org_id", "=", "rq.org_id").onRef("rc.subject_id", "=", "rq.id").on("rc.connection_id", "=", connectionId))
    .select(["rq.id", "rq.code", "rq.title_ja", "rq.title_en"])
    .where("rq.org_id", "=", orgId)
    .where("rq.code", "=", code)
    .executeTakeFirst();
}
