// An authority's past, generated row by row in the order it arrived: 1,000,000 submissions from
// 10,000 registered organisations over three years, with the rows the real intake keeps beside each
// (oversight_intake_bands, oversight_intake_tags, exchange_idempotency) and the `counters` trend rows
// they add up to. Each row holds what `storeSubmission` would have stored for a signed message, after
// triage: statuses by age, near-duplicates from other organisations (some marked duplicates),
// resubmissions that superseded the sender's earlier version.
import { createHash, generateKeyPairSync, type KeyObject } from "node:crypto";
import { prng } from "../../src/applicability/profile.random.ts";
import type { Selectable } from "kysely";
import type { ExchangeIdempotencyTable, OversightIntakeTable } from "../../src/db/schema.ts";
import { kidOf } from "../../src/exchange/exchange.jws.ts";
import { MESSAGE_TYP } from "../../src/exchange/exchange.schema.ts";
import { tokenize } from "../../src/incidents/similar/tokenize.ts";
import { bands, minhash, similarity, toHex } from "../../src/oversight/minhash.ts";
import { DOCUMENT_SCHEMAS, pointerTokens, SUBMISSION_SCHEMA } from "../../src/oversight/submission.schema.ts";
import { isCounted, NO_MONTH, OPEN_FAMILY, tagsOf, TREND_FAMILY } from "../../src/oversight/trends.tags.ts";
import { drawReport, memberNames, SECTOR_WEIGHTS, type Drawn, type ReportTemplate } from "./oversight.documents.ts";

/** A registered organisation with its signing key (bench keys, made here). */
export interface Member {
  ix: number;
  slug: string;
  party: string;
  connectionId: string;
  sector: string | null;
  nameJa: string;
  nameEn: string;
  domain: string;
  kid: string;
  privateKey: KeyObject;
  /** The public key's `x` (base64url): its JWK. */
  x: string;
}

/** `n` organisations, each on its own Musubi instance, with sectors in the shares of {@link SECTOR_WEIGHTS}. */
export function makeMembers(n: number, firstIx = 0): Member[] {
  const rnd = prng(99);
  const total = SECTOR_WEIGHTS.reduce((a, [, w]) => a + w, 0);
  const out: Member[] = [];
  for (let ix = firstIx; ix < firstIx + n; ix++) {
    let r = rnd() * total;
    let sector: string | null = null;
    for (const [s, w] of SECTOR_WEIGHTS) if ((r -= w) < 0) {
      sector = s;
      break;
    }
    const slug = `member-${String(ix).padStart(5, "0")}`;
    const domain = `${slug}.bench.example`;
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    out.push({ ix, slug, party: `https://musubi.${domain}/orgs/${slug}`, connectionId: `xcn_bench${String(ix).padStart(11, "0")}`, sector, ...memberNames(ix, sector), domain, kid: kidOf(publicKey), privateKey, x: publicKey.export({ format: "jwk" }).x! });
  }
  return out;
}

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
/** An id of `newId`'s form (prefix, 10 characters of time, 10 of chance), drawn from `ms` and `n`. */
export function benchId(prefix: string, ms: number, n: number): string {
  let head = "";
  for (let i = 0, t = ms; i < 10; i++, t = Math.floor(t / 32)) head = ALPHABET[t % 32] + head;
  const rnd = prng(n * 2654435761);
  let tail = "";
  for (let i = 0; i < 10; i++) tail += ALPHABET[Math.floor(rnd() * 32)];
  return `${prefix}_${head}${tail}`;
}

/**
 * The columns `extract` in src/oversight/intake.receive.ts takes from an incident report (that
 * function is not exported; the benchmark checks its copy against `prepareSubmission`).
 */
export function extractedOf(d: Drawn) {
  const r = d.document;
  const generative = r.aiSystems.map((s) => s.generative).filter((g) => typeof g === "boolean");
  return {
    headline: r.incident.title.slice(0, 500),
    subject_ref: r.incident.code,
    severity: r.incident.severity,
    harm_types: JSON.stringify(r.harm.types.map((t) => t.id)),
    rights: JSON.stringify(r.harm.rightsAffected.map((t) => t.id)),
    generative: generative.length ? (generative.some(Boolean) ? 1 : 0) : null,
    model_provider: r.aiSystems.flatMap((s) => s.vendors)[0] ?? null,
    actor_role: r.aiSystems.flatMap((s) => s.jpRoles ?? [])[0] ?? null,
    occurred_month: (r.incident.occurredAt ?? r.incident.detectedAt).slice(0, 7),
    text: [r.incident.title, r.incident.summary, r.rootCause].join("\n"),
  };
}

/** The envelope an organisation signs around a report. */
export function envelopeOf(d: Drawn) {
  return { format: SUBMISSION_SCHEMA, documentSchema: DOCUMENT_SCHEMAS["incident-report"], document: d.document as unknown as Record<string, unknown>, confidential: d.confidential };
}

/**
 * A past message of the real form and size: the compact JWS `signMessage` makes (header, then the
 * claims with the payload, base64url), with a signature-sized tail that is not computed — nothing
 * reads the history's messages, and signing a million 15 KB messages would only time the seeding.
 */
export function messageOf(m: Member, claims: Record<string, unknown>, envelopeJson: string, rnd: () => number): string {
  const header = Buffer.from(JSON.stringify({ alg: "EdDSA", kid: m.kid, typ: MESSAGE_TYP })).toString("base64url");
  const claimsJson = JSON.stringify(claims);
  const body = Buffer.from(`${claimsJson.slice(0, -1)},"payload":${envelopeJson}}`).toString("base64url");
  let sig = "";
  for (let i = 0; i < 86; i++) sig += B64URL[Math.floor(rnd() * 64)];
  return `${header}.${body}.${sig}`;
}
const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** The receipt kept for retries: the length and form of a real one, not a valid signature (nothing reads it here). */
function receiptOf(rnd: () => number): string {
  let s = "eyJhbGciOiJFZERTQSIsImtpZCI6";
  for (let i = 0; i < 560; i++) s += B64URL[Math.floor(rnd() * 64)];
  return s;
}

const wholeJson = new WeakMap<object, string>();
const cachedJson = (v: object) => {
  let s = wholeJson.get(v);
  if (s === undefined) wholeJson.set(v, (s = JSON.stringify(v)));
  return s;
};
/**
 * `JSON.stringify(document)`, with the parts every report shares word for word (the provisions
 * quoted, the licences, the APPI note: two thirds of a report) serialised once and spliced in.
 */
function documentJson(d: Drawn["document"]): string {
  const marked = { ...d, legalBasis: "\u0000lb", licences: "\u0000li", personalData: { ...d.personalData, note: "\u0000pn" } };
  return JSON.stringify(marked)
    .replace('"\\u0000lb"', () => cachedJson(d.legalBasis))
    .replace('"\\u0000li"', () => cachedJson(d.licences))
    .replace('"\\u0000pn"', () => cachedJson(d.personalData.note));
}

// trends.tags.ts keeps which confidential marks hide a submission's month to itself; the same rule
// (a mark on, inside or above /incident/occurredAt or /incident/detectedAt), checked on a sample
// against `applyTrend` itself by the benchmark.
const MONTH_SOURCES = ["/incident/occurredAt", "/incident/detectedAt"];
function overlaps(mark: string, source: string): boolean {
  const a = pointerTokens(mark);
  const b = pointerTokens(source);
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i] && !(/^\d+$/.test(a[i]!) && /^\d+$/.test(b[i] ?? ""))) return false;
  return true;
}
export function monthHidden(marks: readonly { pointer: string }[]): boolean {
  return marks.some((m) => MONTH_SOURCES.some((s) => overlaps(m.pointer, s)));
}

/** The `counters` keys a counted row adds one to, in both families (what `applyTrend` writes). */
export function counterKeys(row: IntakeRow): { name: string; key: string }[] {
  const tags = tagsOf(row);
  const all = row.occurred_month ?? NO_MONTH;
  const open = monthHidden(JSON.parse(row.confidential) as { pointer: string }[]) ? NO_MONTH : all;
  return [...tags.map((t) => ({ name: TREND_FAMILY, key: `${t.dimension}|${all}|${t.value}` })), ...tags.filter((t) => t.open).map((t) => ({ name: OPEN_FAMILY, key: `${t.dimension}|${open}|${t.value}` }))];
}

export interface HistoryOptions {
  submissions: number;
  members: Member[];
  template: ReportTemplate;
  /** The authority's party id (the messages' `aud`). */
  audience: string;
  fromMs: number;
  toMs: number;
  /** Shares of submissions that are another organisation's near-duplicate, and that supersede the sender's earlier version. */
  nearDuplicates: number;
  resubmissions: number;
  /**
   * Keep each past submission's signed message (a second, base64 copy of its document: two thirds
   * of a row). Off, the column is left empty in the history (rows received during the run have it):
   * no measured read touches it, and it nearly triples what the load writes.
   */
  messages: boolean;
}

export type IntakeRow = Selectable<OversightIntakeTable>;

/**
 * One generated submission. `org_id` is left empty and `assignee_id` null: each database's loader
 * fills in its own authority and analyst (`assignee`, an index into its analysts; null when unassigned).
 */
export interface HistoryRow {
  intake: IntakeRow;
  assignee: number | null;
  bands: string[];
  tags: { dimension: string; value: string }[];
  idempotency: Selectable<ExchangeIdempotencyTable>;
}

/** What the generator remembers of each row, so later rows can copy or supersede it (and the intake run can too). */
export interface HistoryIndex {
  sender: Int32Array;
  textSeed: Int32Array;
  variant: Int32Array;
  /** The sector the text was written for (index into SECTOR_WEIGHTS). */
  textSector: Int8Array;
  receivedMs: Float64Array;
  code(i: number): string;
  id(i: number): string;
}

/** An empty index for `n` rows, or one over arrays a worker filled. */
export function historyIndex(n: number, filled?: Omit<HistoryIndex, "code" | "id">): HistoryIndex {
  const a = filled ?? { sender: new Int32Array(n), textSeed: new Int32Array(n), variant: new Int32Array(n), textSector: new Int8Array(n), receivedMs: new Float64Array(n) };
  return {
    ...a,
    code: (i) => `INC-${String(i + 1).padStart(7, "0")}`,
    id: (i) => benchId("itk", a.receivedMs[i]!, i),
  };
}

const sectorIx = (s: string | null) => SECTOR_WEIGHTS.findIndex(([v]) => v === s);
export const sectorAt = (ix: number) => SECTOR_WEIGHTS[ix]?.[0] ?? null;

/**
 * Generates the history in order, `chunk` rows at a time, and the counters they add up to. Row i
 * arrives at a time that grows denser towards the end (more members report as the regime settles).
 */
export function* history(o: HistoryOptions, idx: HistoryIndex, chunk: number, counters: Map<string, number>): Generator<HistoryRow[]> {
  const n = o.submissions;
  const rnd = prng(2026);
  const span = o.toMs - o.fromMs;
  /** Row → the earlier row it resubmits (scheduled when that earlier row was drawn). */
  const resubmits = new Map<number, number>();
  let out: HistoryRow[] = [];
  for (let i = 0; i < n; i++) {
    const at = o.fromMs + Math.floor(span * Math.pow((i + rnd() * 0.5) / n, 0.8));
    idx.receivedMs[i] = at;
    let sender = Math.floor(o.members.length * Math.pow(rnd(), 1.6));
    let textSeed = i + 1;
    let variant = 0;
    let textSector = sectorIx(o.members[sender]!.sector);
    let supersedes: number | undefined;
    let nearOf: number | undefined;
    const earlier = resubmits.get(i);
    if (earlier !== undefined) {
      supersedes = earlier;
      sender = idx.sender[earlier]!;
      textSeed = idx.textSeed[earlier]!;
      textSector = idx.textSector[earlier]!;
      variant = i + 1;
    } else if (i > 100 && rnd() < o.nearDuplicates) {
      // The same incident as a recent submission, told by another organisation (a shared vendor's failure).
      nearOf = i - 1 - Math.floor(rnd() * Math.min(i - 1, 20_000));
      if (idx.sender[nearOf] === sender) sender = (sender + 1) % o.members.length;
      textSeed = idx.textSeed[nearOf]!;
      textSector = idx.textSector[nearOf]!;
      variant = i + 1;
    }
    idx.sender[i] = sender;
    idx.textSeed[i] = textSeed;
    idx.variant[i] = variant;
    idx.textSector[i] = textSector;
    const superseded = i + 2_000 < n && rnd() < o.resubmissions;
    if (superseded) {
      let target = i + 1_000 + Math.floor(rnd() * 50_000);
      while (target < n && resubmits.has(target)) target++;
      if (target < n) resubmits.set(target, i);
    }
    resubmits.delete(i);
    out.push(historyRow(o, idx, i, { sender, textSeed, variant, textSector, supersedes, nearOf, superseded, rnd, counters }));
    if (out.length === chunk) {
      yield out;
      out = [];
    }
  }
  if (out.length) yield out;
}

function historyRow(
  o: HistoryOptions,
  idx: HistoryIndex,
  i: number,
  r: { sender: number; textSeed: number; variant: number; textSector: number; supersedes: number | undefined; nearOf: number | undefined; superseded: boolean; rnd: () => number; counters: Map<string, number> },
): HistoryRow {
  const m = o.members[r.sender]!;
  const at = idx.receivedMs[i]!;
  const receivedAt = new Date(at).toISOString();
  const reporter = { nameJa: m.nameJa, nameEn: m.nameEn, sector: sectorAt(r.textSector), domain: m.domain };
  const code = r.supersedes !== undefined ? idx.code(r.supersedes) : idx.code(i);
  const drawn = drawReport(o.template, reporter, i + 1, code, at, r.textSeed, r.variant);
  const e = extractedOf(drawn);
  const payload = documentJson(drawn.document);
  if (i < 200 && payload !== JSON.stringify(drawn.document)) throw new Error("documentJson differs from JSON.stringify");
  const confidential = JSON.stringify(drawn.confidential);
  const envelopeJson = `{"format":"${SUBMISSION_SCHEMA}","documentSchema":"${DOCUMENT_SCHEMAS["incident-report"]}","document":${payload},"confidential":${confidential}}`;
  const id = idx.id(i);
  // The hash of the envelope's JSON as written, not of its canonical form (nothing checks the history's hashes).
  const claims = { iss: m.party, aud: o.audience, iat: Math.floor(at / 1000) - 2, jti: `${id}-${i}-bench-jti`, idempotencyKey: `incident-report-${id.slice(4)}`, kind: "incident-report", schema: SUBMISSION_SCHEMA, payloadSha256: createHash("sha256").update(envelopeJson).digest("hex") };
  const message = o.messages ? messageOf(m, claims, envelopeJson, r.rnd) : null;
  const sig = minhash(tokenize(e.text));
  const age = (o.toMs - at) / 86_400_000;
  const rnd = r.rnd;
  let status = age < 14 ? (rnd() < 0.7 ? "new" : "triaged") : age < 90 ? (rnd() < 0.1 ? "new" : rnd() < 0.78 ? "triaged" : "closed") : rnd() < 0.4 ? "triaged" : "closed";
  let similarTo: string | null = null;
  let sim: number | null = null;
  let duplicateOf: string | null = null;
  if (r.nearOf !== undefined && sig) {
    const j = r.nearOf;
    const other = minhash(tokenize(extractedOf(drawReport(o.template, { ...reporter, sector: sectorAt(idx.textSector[j]!) }, j + 1, idx.code(j), idx.receivedMs[j]!, idx.textSeed[j]!, idx.variant[j]!)).text));
    const s = other ? similarity(sig, other) : 0;
    if (s >= 0.5) {
      similarTo = idx.id(j);
      sim = s;
      if (rnd() < 0.3 && status !== "new") {
        status = "duplicate";
        duplicateOf = idx.id(j);
      }
    }
  }
  if (r.superseded) status = "superseded";
  const intake: IntakeRow = {
    id,
    org_id: "",
    connection_id: m.connectionId,
    source: "exchange",
    sender_party: m.party,
    kind: "incident-report",
    schema: DOCUMENT_SCHEMAS["incident-report"],
    idempotency_key: claims.idempotencyKey,
    payload,
    payload_sha256: claims.payloadSha256,
    confidential,
    message,
    received_at: receivedAt,
    subject_ref: e.subject_ref,
    headline: e.headline,
    status,
    severity: e.severity,
    sector: m.sector,
    harm_types: e.harm_types,
    rights: e.rights,
    generative: e.generative,
    model_provider: e.model_provider,
    actor_role: e.actor_role,
    occurred_month: e.occurred_month,
    assignee_id: null,
    case_id: null,
    supersedes: r.supersedes !== undefined ? idx.id(r.supersedes) : null,
    similar_to: similarTo,
    similarity: sim,
    duplicate_of: duplicateOf,
    // The closest public case is drawn, not searched (the intake searches it for new submissions).
    reference_match: rnd() < 0.4 ? `aiid-${drawn.document.similarPublicCases[0]?.number ?? 1}` : null,
    minhash: sig ? toHex(sig) : null,
    updated_at: receivedAt,
    version: status === "new" ? 1 : 2,
  };
  const counted = isCounted(intake);
  if (counted) for (const k of counterKeys(intake)) r.counters.set(`${k.name}\u0000${k.key}`, (r.counters.get(`${k.name}\u0000${k.key}`) ?? 0) + 1);
  return {
    intake,
    assignee: status === "new" ? null : i % 2,
    bands: sig ? bands(sig) : [],
    tags: counted ? tagsOf(intake).map((t) => ({ dimension: t.dimension, value: t.value })) : [],
    idempotency: { org_id: "", sender: m.party, idempotency_key: claims.idempotencyKey, payload_sha256: claims.payloadSha256, message_jti: claims.jti, kind: "incident-report", receipt: receiptOf(r.rnd), received_at: receivedAt },
  };
}
