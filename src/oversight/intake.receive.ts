import type { Kysely, Selectable, Transaction } from "kysely";
import type { z } from "zod";
import { writeTogether, type Statement } from "../db/engine.ts";
import type { Database, OversightIntakeTable } from "../db/schema.ts";
import { HaipReportDocument } from "../disclosures/haip/haip.document.ts";
import { SystemCard } from "../disclosures/system-card.schema.ts";
import type { ConnectionRow } from "../exchange/connections.store.ts";
import type { VerifiedMessage } from "../exchange/exchange.message.ts";
import { IncidentReport } from "../incidents/report.schema.ts";
import { RfiAnswerDocument } from "./requests.schema.ts";
import { searchReference } from "../incidents/similar/similar.service.ts";
import { tokenize } from "../incidents/similar/tokenize.ts";
import { AppError } from "../platform/errors.ts";
import { fieldText, wordField, wordIssue } from "../platform/http/field-messages.ts";
import { newId } from "../platform/ids.ts";
import { bands, fromHex, minhash, similarity, toHex } from "./minhash.ts";
import { isCounted, trendWrites } from "./trends.tags.ts";
import { DOCUMENT_SCHEMAS, pointerExists, SUBMISSION_SCHEMA, SubmissionEnvelope, type SubmissionKind } from "./submission.schema.ts";

export { SUBMISSION_KINDS } from "./submission.schema.ts";

/** Below this estimated similarity another organisation's submission is not named as "possibly the same incident". */
export const SIMILAR_AT = 0.5;
/**
 * Candidates compared per submission at most, those sharing the most bands first. A report about
 * the same incident shares several of the 16 bands (at similarity 0.8, about three); reports that
 * share one band are mostly chance, and among a thousand such ties any cap picks arbitrarily, so a
 * larger cap buys little but reading more signatures (measured in docs/benchmarks.md).
 */
const MAX_CANDIDATES = 50;

/** The columns the queue, triage and trends read, taken from the document. */
interface Extracted {
  headline: string;
  subjectRef: string | null;
  severity: string | null;
  harmTypes: string[];
  rights: string[];
  generative: number | null;
  modelProvider: string | null;
  actorRole: string | null;
  occurredMonth: string | null;
  text: string;
}

/** A submission checked and analysed, ready to store. */
export interface PreparedSubmission {
  kind: SubmissionKind;
  envelope: SubmissionEnvelope;
  extracted: Extracted;
  minhash: Uint32Array | undefined;
  similar: { id: string; similarity: number } | undefined;
  referenceMatch: string | undefined;
}

const DOCUMENTS: Record<SubmissionKind, z.ZodType> = { "incident-report": IncidentReport, "haip-report": HaipReportDocument, "system-card": SystemCard, "rfi-answer": RfiAnswerDocument };

/** A document's problems as every API error words them, `{ field, message }` (a sender's software reads them, so in English). */
function invalid(issues: readonly z.core.$ZodIssue[], prefix: string, input: unknown): AppError {
  return new AppError(400, "validation_failed", issues.slice(0, 20).map((i) => ({ field: [prefix, ...i.path.map(String)].join("."), message: wordIssue(i, input, "en") })));
}

function problem(field: string, key: Parameters<typeof fieldText>[0]): AppError {
  return new AppError(400, "validation_failed", [{ field, message: wordField(fieldText(key), "en") }]);
}

/**
 * Checks a submission against its published schemas — the envelope, then the document against its
 * own format, then that every confidential mark names a part that exists — and works out what the
 * queue shows and how it relates to what arrived before: a resubmission of the sender's earlier
 * document is found when storing; another organisation's near-identical report (MinHash bands,
 * then estimated similarity), and the closest public reference case, here.
 */
export async function prepareSubmission(db: Kysely<Database>, orgId: string, sender: string, message: VerifiedMessage): Promise<PreparedSubmission> {
  const kind = message.claims.kind as SubmissionKind;
  if (message.claims.schema !== SUBMISSION_SCHEMA) throw new AppError(422, "exchange_unsupported_kind", { kind, schema: message.claims.schema });
  const env = SubmissionEnvelope.safeParse(message.payload);
  if (!env.success) throw invalid(env.error.issues, "payload", message.payload);
  if (env.data.documentSchema !== DOCUMENT_SCHEMAS[kind]) throw problem("payload.documentSchema", "document_kind_mismatch");
  const doc = DOCUMENTS[kind].safeParse(env.data.document);
  if (!doc.success) throw invalid(doc.error.issues, "payload.document", env.data.document);
  const missing = env.data.confidential.findIndex((m) => !pointerExists(env.data.document, m.pointer));
  if (missing >= 0) throw problem(`payload.confidential.${missing}.pointer`, "confidential_part_missing");
  const extracted = extract(kind, doc.data);
  const sig = minhash(tokenize(extracted.text));
  const similar = sig ? await mostSimilar(db, orgId, sender, sig) : undefined;
  const reference = kind === "incident-report" && extracted.text.trim() ? (await searchReference(db, extracted.text, 1))[0] : undefined;
  return { kind, envelope: env.data, extracted, minhash: sig, similar, referenceMatch: reference?.id };
}

function extract(kind: SubmissionKind, doc: unknown): Extracted {
  if (kind === "incident-report") {
    const r = doc as z.infer<typeof IncidentReport>;
    const systems = r.aiSystems;
    const generative = systems.map((s) => s.generative).filter((g) => typeof g === "boolean");
    return {
      headline: r.incident.title,
      subjectRef: r.incident.code,
      severity: r.incident.severity,
      harmTypes: r.harm.types.map((t) => t.id),
      rights: r.harm.rightsAffected.map((t) => t.id),
      generative: generative.length ? (generative.some(Boolean) ? 1 : 0) : null,
      modelProvider: systems.flatMap((s) => s.vendors)[0] ?? null,
      actorRole: systems.flatMap((s) => s.jpRoles ?? [])[0] ?? null,
      occurredMonth: (r.incident.occurredAt ?? r.incident.detectedAt).slice(0, 7),
      // The report's own words only: shared classification labels made unrelated reports look alike.
      text: [r.incident.title, r.incident.summary, r.rootCause].join("\n"),
    };
  }
  if (kind === "haip-report") {
    const r = doc as z.infer<typeof HaipReportDocument>;
    return { headline: `${r.organisation.name.ja} / ${r.organisation.name.en} — ${r.year}`, subjectRef: `haip-${r.year}`, severity: null, harmTypes: [], rights: [], generative: null, modelProvider: null, actorRole: null, occurredMonth: null, text: "" };
  }
  if (kind === "rfi-answer") {
    const a = doc as z.infer<typeof RfiAnswerDocument>;
    return { headline: `${a.reference} — ${a.organisation.ja} / ${a.organisation.en}`, subjectRef: `rfi-${a.reference}`, severity: null, harmTypes: [], rights: [], generative: null, modelProvider: null, actorRole: null, occurredMonth: null, text: "" };
  }
  const c = doc as z.infer<typeof SystemCard>;
  return { headline: `${c.system.code} ${c.system.name.ja} / ${c.system.name.en}`, subjectRef: `card-${c.system.code}`, severity: null, harmTypes: [], rights: [], generative: null, modelProvider: null, actorRole: null, occurredMonth: null, text: "" };
}

/**
 * Another sender's submission sharing a band with this one and estimated most similar (≥
 * {@link SIMILAR_AT}); for a report from the public (`sender` null), any submission. `cap`: how many
 * candidates to compare (the benchmark compares caps).
 */
export async function mostSimilar(db: Kysely<Database>, orgId: string, sender: string | null, sig: Uint32Array, cap = MAX_CANDIDATES): Promise<{ id: string; similarity: number } | undefined> {
  // Ranked and capped in the band index first (most shared bands), so a common band cannot make
  // the check read thousands of unrelated reports; only those candidates' signatures are read (one statement).
  const ranked = db
    .selectFrom("oversight_intake_bands")
    .select(["intake_id", (eb) => eb.fn.countAll<number>().as("shared")])
    .where("org_id", "=", orgId)
    .where("band", "in", bands(sig))
    .groupBy("intake_id")
    .orderBy("shared", "desc")
    .limit(cap);
  let q = db.selectFrom(ranked.as("r")).innerJoin("oversight_intake as i", "i.id", "r.intake_id").select(["i.id", "i.minhash"]).where("i.org_id", "=", orgId);
  if (sender !== null) q = q.where((eb) => eb.or([eb("i.sender_party", "<>", sender), eb("i.sender_party", "is", null)]));
  const candidates = await q.execute();
  let best: { id: string; similarity: number } | undefined;
  for (const c of candidates) {
    const other = c.minhash ? fromHex(c.minhash) : undefined;
    if (!other) continue;
    const s = similarity(sig, other);
    if (s >= SIMILAR_AT && (!best || s > best.similarity)) best = { id: c.id, similarity: s };
  }
  return best;
}

/** A verified, prepared submission to store. */
export interface Storing {
  orgId: string;
  conn: ConnectionRow;
  message: VerifiedMessage;
  jws: string;
  receivedAt: string;
  prepared: PreparedSubmission;
}

type IntakeRow = Selectable<OversightIntakeTable>;

/**
 * Stores verified, prepared submissions to one authority, received together (in arrival order),
 * in its intake queue, in the receiving transaction. A later document with the sender's same
 * reference (its incident code, report year, system code) supersedes the earlier one — stored
 * before or earlier in the same list: it takes over its triage, case and assignee, and the earlier
 * one leaves the queue as `superseded`. The earlier documents are read in one statement and
 * everything is written in one more on PostgreSQL: rows, supersessions, trend tags, the counters'
 * net change, MinHash bands. Returns the new ids, in order.
 */
export async function storeSubmissions(trx: Transaction<Database>, list: readonly Storing[]): Promise<string[]> {
  if (!list.length) return [];
  const orgId = list[0]!.orgId;
  const refOf = (sender: string, p: PreparedSubmission) => (p.extracted.subjectRef ? `${sender}\u0000${p.kind}\u0000${p.extracted.subjectRef}` : undefined);
  const latest = new Map<string, { row: IntakeRow; stored: boolean }>();
  const withRef = list.filter((s) => s.prepared.extracted.subjectRef);
  if (withRef.length) {
    const found = await trx
      .selectFrom("oversight_intake")
      .selectAll()
      .where("org_id", "=", orgId)
      .where((eb) => eb.or(withRef.map((s) => eb.and([eb("sender_party", "=", s.message.claims.iss), eb("subject_ref", "=", s.prepared.extracted.subjectRef), eb("kind", "=", s.prepared.kind)]))))
      .execute();
    for (const r of found) {
      const ref = `${r.sender_party}\u0000${r.kind}\u0000${r.subject_ref}`;
      const known = latest.get(ref);
      if (!known || r.received_at > known.row.received_at) latest.set(ref, { row: r, stored: true });
    }
  }
  const rows: IntakeRow[] = [];
  /** Stored rows this list supersedes, as they were (their trends are taken out), with when. */
  const superseded: { was: IntakeRow; at: string }[] = [];
  for (const s of list) {
    const ref = refOf(s.message.claims.iss, s.prepared);
    const earlier = ref ? latest.get(ref) : undefined;
    rows.push(intakeRow(s, earlier?.row));
    if (earlier?.stored) superseded.push({ was: earlier.row, at: s.receivedAt });
    // One sent twice in the same list: the first never counts, it is stored superseded.
    else if (earlier) Object.assign(earlier.row, { status: "superseded", updated_at: s.receivedAt, version: earlier.row.version + 1 });
    if (ref) latest.set(ref, { row: rows.at(-1)!, stored: false });
  }
  // One round trip on PostgreSQL: this runs for every submission an authority receives.
  const writes: Statement[] = [trx.insertInto("oversight_intake").values(rows)];
  for (const { was, at } of superseded) writes.push(trx.updateTable("oversight_intake").set({ status: "superseded", updated_at: at, version: was.version + 1 }).where("org_id", "=", orgId).where("id", "=", was.id));
  writes.push(...trendWrites(trx, orgId, superseded.map((x) => x.was).filter(isCounted), rows.filter(isCounted)));
  const bandRows = rows.flatMap((r, k) => {
    const sig = list[k]!.prepared.minhash;
    return sig ? bands(sig).map((band) => ({ org_id: orgId, band, intake_id: r.id })) : [];
  });
  if (bandRows.length) writes.push(trx.insertInto("oversight_intake_bands").values(bandRows).onConflict((oc) => oc.doNothing()));
  await writeTogether(trx, writes);
  return rows.map((r) => r.id);
}

/** The queue's row for a submission; `earlier`: the sender's document it supersedes. */
function intakeRow(s: Storing, earlier: IntakeRow | undefined): IntakeRow {
  const { prepared: p, message } = s;
  const e = p.extracted;
  return {
    id: newId("itk"),
    org_id: s.orgId,
    connection_id: s.conn.id,
    source: "exchange",
    sender_party: message.claims.iss,
    kind: p.kind,
    schema: p.envelope.documentSchema,
    idempotency_key: message.claims.idempotencyKey,
    payload: JSON.stringify(p.envelope.document),
    payload_sha256: message.claims.payloadSha256,
    confidential: JSON.stringify(p.envelope.confidential),
    message: s.jws,
    received_at: s.receivedAt,
    subject_ref: e.subjectRef,
    headline: e.headline.slice(0, 500),
    status: earlier && earlier.status !== "superseded" && earlier.status !== "new" ? earlier.status : "new",
    severity: earlier?.severity ?? e.severity,
    sector: s.conn.sector,
    harm_types: JSON.stringify(e.harmTypes),
    rights: JSON.stringify(e.rights),
    generative: e.generative,
    model_provider: e.modelProvider,
    actor_role: e.actorRole,
    occurred_month: e.occurredMonth,
    assignee_id: earlier?.assignee_id ?? null,
    case_id: earlier?.case_id ?? null,
    supersedes: earlier?.id ?? null,
    similar_to: p.similar?.id ?? null,
    similarity: p.similar?.similarity ?? null,
    duplicate_of: null,
    reference_match: p.referenceMatch ?? null,
    minhash: p.minhash ? toHex(p.minhash) : null,
    updated_at: s.receivedAt,
    version: 1,
  };
}
