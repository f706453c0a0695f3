import type { Kysely, Transaction } from "kysely";
import type { z } from "zod";
import type { Database } from "../db/schema.ts";
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
import { applyTrend, isCounted } from "./trends.tags.ts";
import { DOCUMENT_SCHEMAS, pointerExists, SUBMISSION_SCHEMA, SubmissionEnvelope, type SubmissionKind } from "./submission.schema.ts";

export { SUBMISSION_KINDS } from "./submission.schema.ts";

/** Below this estimated similarity another organisation's submission is not named as "possibly the same incident". */
export const SIMILAR_AT = 0.5;
/** Candidates compared per submission at most: the band index keeps this small; the cap keeps it bounded. */
const MAX_CANDIDATES = 200;

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
 * {@link SIMILAR_AT}); for a report from the public (`sender` null), any submission.
 */
export async function mostSimilar(db: Kysely<Database>, orgId: string, sender: string | null, sig: Uint32Array): Promise<{ id: string; similarity: number } | undefined> {
  // Ranked and capped in the band index first (most shared bands), so a common band cannot make
  // the check read thousands of unrelated reports; only those candidates' signatures are read.
  const ranked = await db
    .selectFrom("oversight_intake_bands")
    .select(["intake_id", (eb) => eb.fn.countAll<number>().as("shared")])
    .where("org_id", "=", orgId)
    .where("band", "in", bands(sig))
    .groupBy("intake_id")
    .orderBy("shared", "desc")
    .limit(MAX_CANDIDATES)
    .execute();
  if (!ranked.length) return undefined;
  let q = db.selectFrom("oversight_intake").select(["id", "minhash"]).where("org_id", "=", orgId).where("id", "in", ranked.map((r) => r.intake_id));
  if (sender !== null) q = q.where((eb) => eb.or([eb("sender_party", "<>", sender), eb("sender_party", "is", null)]));
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

/**
 * Stores a verified, prepared submission in the authority's intake queue (in the receiving
 * transaction). A later document with the sender's same reference (its incident code, report
 * year, system code) supersedes the earlier one: it takes over its triage, case and assignee, and
 * the earlier one leaves the queue as `superseded`.
 */
export async function storeSubmission(
  trx: Transaction<Database>,
  s: { orgId: string; conn: ConnectionRow; message: VerifiedMessage; jws: string; receivedAt: string; prepared: PreparedSubmission },
): Promise<string> {
  const { prepared: p, message } = s;
  const id = newId("itk");
  const earlier = p.extracted.subjectRef
    ? await trx
        .selectFrom("oversight_intake")
        .selectAll()
        .where("org_id", "=", s.orgId)
        .where("sender_party", "=", message.claims.iss)
        .where("subject_ref", "=", p.extracted.subjectRef)
        .where("kind", "=", p.kind)
        .orderBy("received_at", "desc")
        .limit(1)
        .executeTakeFirst()
    : undefined;
  const e = p.extracted;
  const row = {
    id,
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
  await trx.insertInto("oversight_intake").values(row).execute();
  if (earlier) {
    await trx.updateTable("oversight_intake").set({ status: "superseded", updated_at: s.receivedAt, version: earlier.version + 1 }).where("org_id", "=", s.orgId).where("id", "=", earlier.id).execute();
    if (isCounted(earlier)) await applyTrend(trx, s.orgId, earlier, -1);
  }
  if (isCounted(row)) await applyTrend(trx, s.orgId, row, 1);
  if (p.minhash) await trx.insertInto("oversight_intake_bands").values(bands(p.minhash).map((band) => ({ org_id: s.orgId, band, intake_id: id }))).onConflict((oc) => oc.doNothing()).execute();
  return id;
}
