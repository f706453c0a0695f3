// The authority of issue 16's benchmark and its registered organisations. Two organisations of the
// same instance go the whole real way (connectToAuthority, decideRegistration, an incident filed,
// submitToAuthority, delivered through the outbox to receiveMessage); their reports are the
// template of every generated one. The other organisations are inserted as the approved `member`
// connections that way leaves behind. Also here: checks that the generator's copies of
// intake.receive.ts's extraction and trends.tags.ts's counters agree with the real functions.
import fs from "node:fs";
import path from "node:path";
import { Kysely, SqliteAdapter, type Insertable, SqliteIntrospector, SqliteQueryCompiler, type CompiledQuery, type DatabaseConnection, type Driver } from "kysely";
import { SYSTEM_ACTOR } from "../../src/audit/audited.ts";
import type { Db } from "../../src/db/connect.ts";
import type { Database, ExchangeConnectionsTable } from "../../src/db/schema.ts";
import { connectToAuthority, decideRegistration } from "../../src/exchange/connections.service.ts";
import { publicJwk } from "../../src/exchange/exchange.keys.ts";
import { deliverOutgoing } from "../../src/exchange/exchange.outgoing.ts";
import { partyIdOf, type ExchangeEnv } from "../../src/exchange/exchange.party.ts";
import { submitToAuthority } from "../../src/exchange/submit.service.ts";
import { importAiid, shippedAiidDir } from "../../src/incidents/aiid.ts";
import { createIncidentBody } from "../../src/incidents/incidents.schema.ts";
import { createIncident } from "../../src/incidents/incidents.service.ts";
import { buildIncidentReport } from "../../src/incidents/report.ts";
import { defaultLibraryDir } from "../../src/library/library.load.ts";
import type { Library } from "../../src/library/library.model.ts";
import { deliverDue } from "../../src/notify/outbox.worker.ts";
import { prepareSubmission } from "../../src/oversight/intake.receive.ts";
import { toHex } from "../../src/oversight/minhash.ts";
import { applyTrend } from "../../src/oversight/trends.tags.ts";
import { createOrganization } from "../../src/orgs/orgs.service.ts";
import { parseOutboundAllow } from "../../src/platform/outbound.ts";
import { seedOrg } from "../../test/support/app.ts";
import type { ReportTemplate } from "./oversight.documents.ts";
import { counterKeys, extractedOf, type HistoryRow, type Member } from "./oversight.history.ts";

export const BASE = "https://authority.bench.example";
export const AUTHORITY_SLUG = "ppc-bench";

export interface Authority {
  orgId: string;
  slug: string;
  party: string;
  env: ExchangeEnv;
  analystIds: string[];
  template: ReportTemplate;
}

/** The authority, the public reference cases, and two organisations registered and reporting the real way. */
export async function setupAuthority(db: Db, dataDir: string, library: Library): Promise<Authority> {
  const env: ExchangeEnv = { db, dataDir, base: BASE, outbound: parseOutboundAllow("") };
  const seeded = await seedOrg(db, AUTHORITY_SLUG, { kind: "authority" });
  const authorityWho = { actor: SYSTEM_ACTOR, orgId: seeded.orgId };
  // An authority compares what arrives with the public cases: the shipped AIID snapshot.
  await importAiid(db, shippedAiidDir());
  const deliver = () => deliverDue(db, { limit: 1000, channels: { exchange: (row) => deliverOutgoing(env, row) } });
  const reports: Record<string, Awaited<ReturnType<typeof buildIncidentReport>>> = {};
  for (const [slug, sector, leak] of [["real-bank", "finance", true], ["real-works", "manufacturing", false]] as const) {
    const { org, admin } = await createOrganization(db, SYSTEM_ACTOR, { slug, nameJa: `${slug}（架空）`, nameEn: `${slug} (fictitious)`, admin: { email: `admin@${slug}.bench.example`, displayName: "Admin", password: "bench-password-1234" } });
    const who = { actor: SYSTEM_ACTOR, orgId: org.id };
    const conn = await connectToAuthority(env, who, library, { url: null, authoritySlug: AUTHORITY_SLUG, sector, note: null });
    await deliver();
    const pending = await db.kysely.selectFrom("exchange_connections").select("id").where("org_id", "=", seeded.orgId).where("counterpart_party", "=", partyIdOf(BASE, slug)).executeTakeFirstOrThrow();
    await decideRegistration(env, authorityWho, pending.id, "approved", null);
    await deliver();
    const lead = { kind: "token" as const, userId: admin.id, orgId: org.id, role: "admin" as const, timeZone: "Asia/Tokyo", label: "bench" };
    const body = leak
      ? { title: "窓口チャットボットが他の顧客の住所を回答した", summary: "生成AIチャットボットが問い合わせに対し、別の顧客の氏名と住所を回答した。約120件。", severity: "high", occurredAt: "2026-11-03", harmLevel: "event", harmTypes: ["rights_violation"], rights: ["privacy"], categories: ["2", "2.1", "entity.ai"], personalData: "yes", dataSubjects: 120, rootCause: "会話履歴の参照範囲の設定誤り。" }
      : { title: "外観検査AIが不良品を見落とした", summary: "モデル更新後、外観検査AIが傷のある部品を良品と判定した。", severity: "medium", occurredAt: "2026-10-21", harmLevel: "near_miss", harmTypes: ["tangible"], rights: ["life_and_safety"], categories: ["7", "7.3"], personalData: "no", rootCause: "モデル更新時の検証不足。" };
    const incident = await createIncident(db, lead, who, createIncidentBody.parse(body), "web", "2026-11-20");
    await submitToAuthority(env, who, library, { name: "bench", email: "bench@example.org" }, { connectionId: conn.id, kind: "incident-report", subject: incident.code, confidential: leak ? [{ pointer: "/rootCause", reason: "trade-secret" }] : [] });
    await deliver();
    reports[leak ? "leak" : "plain"] = await buildIncidentReport(db.kysely, library, org.id, incident.id, { name: "bench", email: "bench@example.org" });
  }
  const received = await db.kysely.selectFrom("oversight_intake").select((eb) => eb.fn.countAll<number>().as("n")).where("org_id", "=", seeded.orgId).executeTakeFirstOrThrow();
  if (Number(received.n) !== 2) throw new Error(`the real submissions did not arrive: ${received.n} of 2 in the intake`);
  const refs = await db.kysely.selectFrom("reference_incidents").select(["number", "title", "description"]).orderBy("number").execute();
  const template: ReportTemplate = {
    legalBasis: { plain: reports.plain!.legalBasis, leak: reports.leak!.legalBasis },
    licences: { plain: reports.plain!.licences, leak: reports.leak!.licences },
    personalDataNote: reports.leak!.personalData.note,
    references: refs.slice(0, 300).map((r) => ({ number: Number(r.number), title: r.title })),
    sentences: { en: refs.flatMap((r) => r.description.split(/(?<=[.!?])\s+/)).filter((x) => x.length >= 40 && x.length <= 300), ja: librarySentences() },
  };
  return { orgId: seeded.orgId, slug: AUTHORITY_SLUG, party: partyIdOf(BASE, AUTHORITY_SLUG), env, analystIds: [seeded.users.analyst.id, seeded.users.supervisor.id], template };
}

/** Japanese sentences of the library's frameworks (provisions, guidelines): every `ja` text, cut at 。. */
function librarySentences(): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === "string") {
      if (key === "ja") for (const x of v.split("。")) if (x.length >= 15 && x.length <= 150) out.push(`${x}。`);
    } else if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  const dir = path.join(defaultLibraryDir(), "frameworks");
  for (const f of fs.readdirSync(dir, { recursive: true, encoding: "utf8" })) if (f.endsWith(".json")) walk(JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")), "");
  return out;
}

/** Approved `member` connections as `storeRegistration` and `decideRegistration` leave them, for organisations on other instances. */
export async function registerMembers(db: Db, a: Authority, members: Member[]): Promise<void> {
  const at = "2024-01-01T00:00:00.000Z";
  const rows: Insertable<ExchangeConnectionsTable>[] = members.map((m) => ({
    id: m.connectionId,
    org_id: a.orgId,
    direction: "member",
    self_party: a.party,
    counterpart_party: m.party,
    counterpart_url: `https://musubi.${m.domain}/api/exchange/parties/${m.slug}/messages`,
    counterpart_slug: m.slug,
    counterpart_name_ja: m.nameJa,
    counterpart_name_en: m.nameEn,
    counterpart_keys: JSON.stringify({ keys: [publicJwk(m.x)] }),
    sector: m.sector,
    status: "approved",
    requested_at: at,
    decided_at: at,
    note: null,
    version: 2,
  }));
  for (let i = 0; i < rows.length; i += 500) await db.kysely.insertInto("exchange_connections").values(rows.slice(i, i + 500)).execute();
}

/** A Kysely that runs nothing and keeps every statement it is given, to see what a function would write. */
function recorder(): { db: Kysely<Database>; queries: CompiledQuery[] } {
  const queries: CompiledQuery[] = [];
  const connection: DatabaseConnection = {
    executeQuery: async (q) => (queries.push(q), { rows: [] }),
    streamQuery: () => {
      throw new Error("not used");
    },
  };
  const driver: Driver = { init: async () => undefined, acquireConnection: async () => connection, beginTransaction: async () => undefined, commitTransaction: async () => undefined, rollbackTransaction: async () => undefined, releaseConnection: async () => undefined, destroy: async () => undefined };
  const db = new Kysely<Database>({ dialect: { createAdapter: () => new SqliteAdapter(), createDriver: () => driver, createIntrospector: (k) => new SqliteIntrospector(k), createQueryCompiler: () => new SqliteQueryCompiler() } });
  return { db, queries };
}

/**
 * Checks generated rows against the real code: the columns and MinHash `prepareSubmission` works
 * out of the same message, and the counters `applyTrend` would add. Throws on any difference.
 */
export async function checkGenerated(db: Db, a: Authority, rows: HistoryRow[], members: Map<string, Member>): Promise<number> {
  let checked = 0;
  for (const r of rows) {
    const i = r.intake;
    const envelope = { format: "musubi-submission/1", documentSchema: i.schema, document: JSON.parse(i.payload) as Record<string, unknown>, confidential: JSON.parse(i.confidential) as unknown[] };
    const m = members.get(i.sender_party!)!;
    const claims = { iss: m.party, aud: a.party, iat: 1, jti: "bench-check-0000001", idempotencyKey: i.idempotency_key!, kind: "incident-report" as const, schema: "musubi-submission/1", payloadSha256: i.payload_sha256 };
    const p = await prepareSubmission(db.kysely, a.orgId, m.party, { kid: m.kid, claims, payload: envelope });
    const mine = extractedOf({ document: envelope.document as never, confidential: [], text: undefined as never });
    const real = { headline: p.extracted.headline.slice(0, 500), subject_ref: p.extracted.subjectRef, severity: p.extracted.severity, harm_types: JSON.stringify(p.extracted.harmTypes), rights: JSON.stringify(p.extracted.rights), generative: p.extracted.generative, model_provider: p.extracted.modelProvider, actor_role: p.extracted.actorRole, occurred_month: p.extracted.occurredMonth, text: p.extracted.text };
    if (JSON.stringify(mine) !== JSON.stringify(real)) throw new Error(`generated columns differ from prepareSubmission's: ${JSON.stringify(mine)} vs ${JSON.stringify(real)}`);
    if ((p.minhash ? toHex(p.minhash) : null) !== i.minhash) throw new Error(`generated MinHash differs from prepareSubmission's for ${i.id}`);
    const rec = recorder();
    await applyTrend(rec.db, a.orgId, undefined, i);
    const counters = rec.queries.find((q) => q.sql.startsWith('insert into "counters"'))!;
    const written: string[] = [];
    for (let k = 0; k < counters.parameters.length; k += 4) written.push(`${counters.parameters[k + 1]}|${counters.parameters[k + 2]}`);
    const expected = counterKeys(i).map((c) => `${c.name}|${c.key}`);
    if (written.sort().join("\n") !== expected.sort().join("\n")) throw new Error(`generated counters differ from applyTrend's for ${i.id}: ${expected.join(", ")} vs ${written.join(", ")}`);
    checked++;
  }
  return checked;
}
