// The exchange's cryptographic core (src/exchange/, docs/exchange.md): signing and verifying a
// signed submission — a 4 KB incident report in a compact JWS (EdDSA) — in-process, no database.
// Issue 16 asks intake to sustain ≥ 300 verified submissions/s with de-duplication; this measures
// what the verification alone costs of that, so the intake benchmark knows its budget.
import { generateKeyPairSync, verify as edVerify } from "node:crypto";
import { kidOf, type ResolvePublicKey } from "../src/exchange/exchange.jws.ts";
import { signMessage, verifyMessage, type MessageInput } from "../src/exchange/exchange.message.ts";
import { signReceipt } from "../src/exchange/exchange.receipt.ts";
import { figure, progress, type BenchResult, type Figure } from "./lib/report.ts";
import { max, median, min } from "./lib/stats.ts";

const RUNS = Number(process.env.MUSUBI_BENCH_EXCHANGE_RUNS ?? 7);
const PER_RUN = Number(process.env.MUSUBI_BENCH_EXCHANGE_MESSAGES ?? 2000);
/** Verifications in flight at once in the concurrent figure: what an intake server with many open requests does. */
const IN_FLIGHT = 64;

const COMPANY = "https://company.example/orgs/acme";
const AUTHORITY = "https://authority.example/orgs/ppc";

/**
 * A synthetic incident report in the shape of `musubi-incident-report/1` (bench data, not a real
 * incident), padded with Japanese and English text to about 4 KB of UTF-8 JSON.
 */
function incidentReport(): Record<string, unknown> {
  const report = {
    format: "musubi-incident-report/1",
    generatedAt: "2026-11-20T00:30:00.000Z",
    generatedBy: { name: "ベンチマーク 太郎", email: "bench@company.example" },
    timeZone: "Asia/Tokyo",
    reporter: { organisation: { nameJa: "ベンチマーク株式会社", nameEn: "Benchmark K.K." }, contact: null },
    purposes: ["jp-ai-promotion-act"],
    legalBasis: [],
    incident: { id: "inc_bench", code: "INC-000042", title: "与信審査モデルの誤判定（ベンチマーク用の架空事例）", summary: "", status: "open", severity: "high", occurredAt: null, detectedAt: "2026-11-19T09:00:00.000Z", recordedAt: "2026-11-19T09:30:00.000Z", closedAt: null, source: "web" },
    aiSystems: [{ code: "SYS-0007", nameJa: "与信審査支援", nameEn: "Credit screening assistant", purpose: "credit", lifecycle: "operation", euAiActClass: null, euAiActClassLabel: null, euAiActClassFrom: null, vendors: [], models: [] }],
    harm: { level: { id: "none", ja: "なし", en: "None" }, types: [], distributionBasis: [], livesLost: null, injuries: null, peopleAffected: 12, affectedParties: "申込者", rightsAffected: [] },
    timeline: [] as { at: string; note: string }[],
  };
  for (let i = 0; Buffer.byteLength(JSON.stringify(report)) < 4000; i++) {
    report.timeline.push({ at: `2026-11-19T1${i % 10}:00:00.000Z`, note: `対応記録 ${i}: 影響範囲を確認し、担当部署に連絡した。 Record ${i}: scope checked, owners told.` });
  }
  return report;
}

const perSecond = (count: number, ms: number) => count / (ms / 1000);

async function timed(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export async function exchangeBench(): Promise<BenchResult> {
  const sender = generateKeyPairSync("ed25519");
  const recipient = generateKeyPairSync("ed25519");
  const senderKid = kidOf(sender.publicKey);
  const recipientKid = kidOf(recipient.publicKey);
  const resolve: ResolvePublicKey = (kid, iss) => (iss === COMPANY && kid === senderKid ? sender.publicKey : undefined);
  const payload = incidentReport();
  const input = (i: number): MessageInput => ({ iss: COMPANY, aud: AUTHORITY, kind: "incident-report", schema: "musubi-incident-report/1", idempotencyKey: `inc-${i}` });

  const sample = await signMessage(sender.privateKey, senderKid, input(0), payload);
  const payloadBytes = Buffer.byteLength(JSON.stringify(payload));

  const signRuns: number[] = [];
  const verifyRuns: number[] = [];
  const concurrentRuns: number[] = [];
  const rawRuns: number[] = [];
  const receiptRuns: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const jws: string[] = [];
    signRuns.push(perSecond(PER_RUN, await timed(async () => {
      for (let i = 0; i < PER_RUN; i++) jws.push((await signMessage(sender.privateKey, senderKid, input(i), payload)).jws);
    })));
    // A fresh replay memory per run: every message is new to it, as at a real intake.
    const opts = () => {
      const seen = new Set<string>();
      return { audience: AUTHORITY, seen: (jti: string) => (seen.has(jti) ? true : (seen.add(jti), false)) };
    };
    const verified: Awaited<ReturnType<typeof verifyMessage>>[] = [];
    const sequential = opts();
    verifyRuns.push(perSecond(PER_RUN, await timed(async () => {
      for (const m of jws) verified.push(await verifyMessage(m, resolve, sequential));
    })));
    const concurrent = opts();
    concurrentRuns.push(perSecond(PER_RUN, await timed(async () => {
      for (let i = 0; i < jws.length; i += IN_FLIGHT) await Promise.all(jws.slice(i, i + IN_FLIGHT).map((m) => verifyMessage(m, resolve, concurrent)));
    })));
    // The floor: Ed25519 verification of the same bytes with node:crypto, no parsing, no checks.
    const raw = jws.map((m) => {
      const dot = m.lastIndexOf(".");
      return { data: Buffer.from(m.slice(0, dot)), sig: Buffer.from(m.slice(dot + 1), "base64url") };
    });
    rawRuns.push(perSecond(PER_RUN, await timed(async () => {
      for (const r of raw) if (!edVerify(null, r.data, sender.publicKey, r.sig)) throw new Error("raw verify failed");
    })));
    const receivedAt = new Date();
    receiptRuns.push(perSecond(PER_RUN, await timed(async () => {
      for (const v of verified) await signReceipt(recipient.privateKey, recipientKid, { iss: AUTHORITY, message: v.claims, receivedAt });
    })));
    progress(`run ${run + 1} of ${RUNS}: sign ${Math.round(signRuns.at(-1)!)}/s, verify ${Math.round(verifyRuns.at(-1)!)}/s (${Math.round(concurrentRuns.at(-1)!)}/s with ${IN_FLIGHT} in flight), raw Ed25519 ${Math.round(rawRuns.at(-1)!)}/s`);
  }

  const figures: Figure[] = [];
  const add = (name: string, runs: number[]) => figures.push(figure({ bench: "exchange", name, value: median(runs), unit: "msg/s", detail: { runs: RUNS, messages: PER_RUN, min: Math.round(min(runs)), max: Math.round(max(runs)) } }));
  add("sign a 4 KB incident report (jose, EdDSA)", signRuns);
  add("verify it (every check; replay memory in-process)", verifyRuns);
  add(`verify it, ${IN_FLIGHT} in flight`, concurrentRuns);
  add("sign its receipt", receiptRuns);
  add("raw Ed25519 verify of the same bytes (node:crypto floor)", rawRuns);
  const verifyMs = 1000 / median(verifyRuns);
  return {
    bench: "exchange",
    figures,
    notes: [
      `payload: a synthetic musubi-incident-report/1 of ${payloadBytes} bytes of JSON; the JWS is ${sample.jws.length} characters. One process, in-process keys, no database; median of ${RUNS} runs of ${PER_RUN} messages`,
      `verification alone takes ${verifyMs.toFixed(3)} ms per submission one at a time (wall clock): at the issue's intake target of 300 submissions/s, about ${((300 * verifyMs) / 10).toFixed(0)} % of one core. Ed25519 runs in libuv's thread pool (jose uses WebCrypto), so with ${IN_FLIGHT} in flight both cores share it. The replay and idempotency rows, the payload's schema validation and storing it come on top`,
    ],
  };
}
