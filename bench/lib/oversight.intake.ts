// Signed submissions arriving at the authority: drawn like the history (new incidents, another
// organisation's near-duplicate, a sender's resubmission), signed with `signMessage`, and received
// through `receiveMessage` by a number of concurrent callers, as a server with that many open
// requests would. Every answer is kept and checked: a 201 with a receipt that verifies.
import type { KeyObject } from "node:crypto";
import { prng } from "../../src/applicability/profile.random.ts";
import { receiveMessage } from "../../src/exchange/exchange.inbox.ts";
import { signMessage } from "../../src/exchange/exchange.message.ts";
import type { ExchangeEnv } from "../../src/exchange/exchange.party.ts";
import { verifyReceipt } from "../../src/exchange/exchange.receipt.ts";
import { SUBMISSION_SCHEMA } from "../../src/oversight/submission.schema.ts";
import { drawReport, type ReportTemplate } from "./oversight.documents.ts";
import { envelopeOf, sectorAt, type HistoryIndex, type Member } from "./oversight.history.ts";

export interface IntakeTarget {
  env: ExchangeEnv;
  slug: string;
  /** The authority's party id. */
  audience: string;
  members: Member[];
  template: ReportTemplate;
  /** The loaded history, for near-duplicates and resubmissions of past rows (absent: new incidents only). */
  history?: { idx: HistoryIndex; size: number };
}

export interface Submission {
  jws: string;
  sender: Member;
  idempotencyKey: string;
  payloadSha256: string;
  kind: "new" | "near-duplicate" | "resubmission";
}

/** Draws and signs submission number `n` (unique per run through `tag`). */
export async function draw(t: IntakeTarget, tag: string, n: number): Promise<Submission> {
  const rnd = prng(n * 7 + tag.length * 1_000_003);
  const now = Date.now();
  let sender = t.members[Math.floor(rnd() * t.members.length)]!;
  let code = `INC-${tag}-${n}`;
  let textSeed = 50_000_000 + n + tag.length * 10_000_000;
  let sector = sender.sector;
  let kind: Submission["kind"] = "new";
  const h = t.history;
  const r = rnd();
  if (h && r < 0.05) {
    const j = Math.floor(rnd() * h.size);
    sender = t.members[h.idx.sender[j]!]!;
    code = h.idx.code(j);
    textSeed = h.idx.textSeed[j]!;
    sector = sectorAt(h.idx.textSector[j]!);
    kind = "resubmission";
  } else if (h && r < 0.1) {
    const j = h.size - 1 - Math.floor(rnd() * Math.min(h.size, 20_000));
    if (t.members[h.idx.sender[j]!] === sender) sender = t.members[(sender.ix + 1) % t.members.length]!;
    textSeed = h.idx.textSeed[j]!;
    sector = sectorAt(h.idx.textSector[j]!);
    kind = "near-duplicate";
  }
  const drawn = drawReport(t.template, { nameJa: sender.nameJa, nameEn: sender.nameEn, sector, domain: sender.domain }, 90_000_000 + n, code, now, textSeed, kind === "new" ? 0 : 90_000_000 + n);
  const idempotencyKey = `incident-report-${tag}-${n}`;
  const signed = await signMessage(sender.privateKey, sender.kid, { iss: sender.party, aud: t.audience, kind: "incident-report", schema: SUBMISSION_SCHEMA, idempotencyKey }, envelopeOf(drawn));
  return { jws: signed.jws, sender, idempotencyKey, payloadSha256: signed.claims.payloadSha256, kind };
}

export interface IntakeRun {
  sent: Submission[];
  answers: { status: number; body: unknown }[];
  /** Milliseconds per receiveMessage call, in completion order. */
  latencies: number[];
  /** Completed calls in each whole second of the run. */
  perSecond: number[];
  seconds: number;
  /** Messages signed during the run because the pre-signed ones ran out. */
  signedDuring: number;
}

/**
 * Receives submissions with `concurrency` callers for `seconds`: first the pre-signed ones, then
 * newly signed ones if those run out (numbered from `first`, so that runs after each other never repeat an idempotency key). Each caller sends its next message as soon as it has an answer.
 */
export async function runIntake(t: IntakeTarget, presigned: Submission[], opts: { concurrency: number; seconds: number; tag: string; first?: number }): Promise<IntakeRun> {
  const sent: Submission[] = [];
  const answers: { status: number; body: unknown }[] = [];
  const latencies: number[] = [];
  const done: number[] = [];
  let next = 0;
  let signedDuring = 0;
  const t0 = performance.now();
  const until = t0 + opts.seconds * 1000;
  const caller = async () => {
    while (performance.now() < until) {
      const k = next++;
      let s = presigned[k];
      if (!s) {
        s = await draw(t, opts.tag, (opts.first ?? presigned.length) + k - presigned.length);
        signedDuring++;
      }
      const a = performance.now();
      const answer = await receiveMessage(t.env, t.slug, s.jws, { address: "127.0.0.1", local: false });
      const b = performance.now();
      sent.push(s);
      answers.push(answer);
      latencies.push(b - a);
      done.push(b - t0);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, caller));
  const seconds = (performance.now() - t0) / 1000;
  const perSecond = Array.from({ length: Math.floor(seconds) }, () => 0);
  for (const d of done) {
    const s = Math.floor(d / 1000);
    if (s < perSecond.length) perSecond[s]!++;
  }
  return { sent, answers, latencies, perSecond, seconds, signedDuring };
}

/** Counts the answers that are a new submission's 201 with a receipt that verifies with the authority's key and names that submission. */
export async function checkReceipts(run: IntakeRun, audience: string, authorityKey: { kid: string; key: KeyObject }): Promise<{ receipted: number; refused: Record<string, number> }> {
  let receipted = 0;
  const refused: Record<string, number> = {};
  for (let i = 0; i < run.sent.length; i++) {
    const s = run.sent[i]!;
    const a = run.answers[i]!;
    const body = a.body as { receipt?: string; duplicate?: boolean; error?: { code: string } };
    if (a.status !== 201 || typeof body.receipt !== "string" || body.duplicate) {
      const code = `${a.status} ${body.error?.code ?? (body.duplicate ? "duplicate" : "no receipt")}`;
      refused[code] = (refused[code] ?? 0) + 1;
      continue;
    }
    await verifyReceipt(body.receipt, (kid) => (kid === authorityKey.kid ? authorityKey.key : undefined), { audience: s.sender.party, expected: { recipient: audience, idempotencyKey: s.idempotencyKey, payloadSha256: s.payloadSha256 } });
    receipted++;
  }
  return { receipted, refused };
}
