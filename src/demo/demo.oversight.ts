import { SYSTEM_ACTOR } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import { connectToAuthority, decideRegistration, sectorValues } from "../exchange/connections.service.ts";
import type { ExchangeEnv } from "../exchange/exchange.party.ts";
import { deliverOutgoing } from "../exchange/exchange.outgoing.ts";
import { submitToAuthority } from "../exchange/submit.service.ts";
import { createIncidentBody } from "../incidents/incidents.schema.ts";
import { createIncident } from "../incidents/incidents.service.ts";
import type { Library } from "../library/library.model.ts";
import { deliverDue } from "../notify/outbox.worker.ts";
import { addCaseEntry, createCase } from "../oversight/cases.service.ts";
import { triageIntake } from "../oversight/triage.service.ts";
import { createOrganization } from "../orgs/orgs.service.ts";
import type { Actor, Role } from "../platform/authz.ts";
import { newSecret } from "../platform/ids.ts";
import { parseOutboundAllow } from "../platform/outbound.ts";
import { addDays, todayInTokyo } from "../platform/time.ts";
import { createUser } from "../users/users.service.ts";

export const DEMO_AUTHORITY_SLUG = "demo-authority";

/** The demo authority's people: one per role an authority has (the local parts differ from the company's). */
export const DEMO_AUTHORITY_USERS: { local: string; name: string; role: Role }[] = [
  { local: "authority-admin", name: "当局 管理者 (Authority admin)", role: "admin" },
  { local: "supervisor", name: "監督 正 (Supervisor)", role: "supervisor" },
  { local: "analyst", name: "分析 明 (Analyst)", role: "analyst" },
  { local: "publisher", name: "公表 広 (Publisher)", role: "publisher" },
  { local: "authority-auditor", name: "当局 監査 (Authority auditor)", role: "auditor" },
];

/**
 * The control tower's demo: a fictitious supervisory authority with its people, the demo company
 * and two fictitious members registered with it (and a third waiting for approval), incident
 * reports sent over the real exchange (signed, receipted, in both ledgers), two of them triaged and
 * grouped into a case with a note and a countermeasure — so every control-tower page has
 * something to show. All names are invented and say so.
 */
export async function seedDemoOversight(db: Db, library: Library, dataDir: string, base: string, company: { orgId: string; slug: string; users: Record<string, string> }, emails: (local: string) => string, passwords: Record<string, string>): Promise<void> {
  const env: ExchangeEnv = { db, dataDir, base, outbound: parseOutboundAllow("") };
  const deliver = () => deliverDue(db, { limit: 1000, channels: { exchange: (row) => deliverOutgoing(env, row) } });
  const [first, ...rest] = DEMO_AUTHORITY_USERS;
  const { org: authority } = await createOrganization(db, SYSTEM_ACTOR, {
    slug: DEMO_AUTHORITY_SLUG,
    nameJa: "デモ監督当局（架空）",
    nameEn: "Demo Supervisory Authority (fictitious)",
    kind: "authority",
    admin: { email: emails(first!.local), displayName: first!.name, password: passwords[first!.local]! },
  });
  const authorityWho = { actor: { ...SYSTEM_ACTOR, label: "musubi demo" }, orgId: authority.id };
  const people: Record<string, string> = {};
  for (const u of rest) people[u.local] = (await createUser(db, authorityWho, { email: emails(u.local), displayName: u.name, role: u.role, locale: "ja", password: passwords[u.local]! })).user.id;

  const members = [
    { slug: "demo-shop", nameJa: "デモ通販株式会社（架空）", nameEn: "Demo Online Shop Inc. (fictitious)", sector: "retail" },
    { slug: "demo-bank", nameJa: "デモ銀行（架空）", nameEn: "Demo Bank (fictitious)", sector: "finance" },
    { slug: "demo-clinic", nameJa: "デモ診療所（架空）", nameEn: "Demo Clinic (fictitious)", sector: "healthcare" },
  ];
  const orgs: Record<string, { orgId: string; who: typeof authorityWho; lead: Actor }> = {};
  for (const m of members) {
    const { org, admin } = await createOrganization(db, SYSTEM_ACTOR, { slug: m.slug, nameJa: m.nameJa, nameEn: m.nameEn, admin: { email: `${m.slug}-admin@members.demo.musubi.example`, displayName: "Admin", password: newSecret(12) } });
    orgs[m.slug] = { orgId: org.id, who: { actor: { ...SYSTEM_ACTOR, label: "musubi demo" }, orgId: org.id }, lead: { kind: "token", userId: admin.id, orgId: org.id, role: "admin", timeZone: "Asia/Tokyo", label: "musubi demo" } };
  }
  const companyWho = { actor: { ...SYSTEM_ACTOR, label: "musubi demo" }, orgId: company.orgId };
  const register = (who: typeof authorityWho, sector: string) => connectToAuthority(env, who, library, { url: null, authoritySlug: DEMO_AUTHORITY_SLUG, sector: sectorValues(library).includes(sector) ? sector : null, note: null });
  const connections: Record<string, string> = {};
  connections[company.slug] = (await register(companyWho, "retail")).id;
  for (const m of members) connections[m.slug] = (await register(orgs[m.slug]!.who, m.sector)).id;
  await deliver();
  const registrations = await db.kysely.selectFrom("exchange_connections").select(["id", "counterpart_slug"]).where("org_id", "=", authority.id).where("direction", "=", "member").execute();
  for (const r of registrations) if (r.counterpart_slug !== "demo-clinic") await decideRegistration(env, authorityWho, r.id, "approved", null);
  await deliver();

  const today = todayInTokyo();
  const incident = (slug: string, body: Record<string, unknown>) => createIncident(db, orgs[slug]!.lead, orgs[slug]!.who, createIncidentBody.parse(body), "web", today);
  const shopLeak = await incident("demo-shop", { title: "チャットボットが他の顧客の配送先住所を回答", summary: "生成AIチャットボットが、問い合わせた顧客に別の顧客の配送先住所を回答した。", severity: "high", occurredAt: addDays(today, -25), harmLevel: "event", harmTypes: ["rights_violation"], rights: ["privacy"], personalData: "yes", dataSubjects: 3, rootCause: "会話履歴の参照範囲の設定誤り。" });
  const bankBias = await incident("demo-bank", { title: "与信審査AIが特定地域の申込者を一律に低く評価", summary: "月次の公平性検査で、特定の郵便番号帯の申込者の承認率が著しく低いことが判明した。", severity: "medium", occurredAt: addDays(today, -70), harmLevel: "issue", harmTypes: ["protected_characteristic"], rights: ["non_discrimination", "consumer"] });
  const by = { name: "musubi demo", email: "" };
  const send = (who: typeof authorityWho, slug: string, subject: string, confidential: { pointer: string; reason: "trade-secret" | "personal-data" }[] = []) => submitToAuthority(env, who, library, by, { connectionId: connections[slug]!, kind: "incident-report", subject, confidential });
  const companyLeak = await db.kysely.selectFrom("incidents").select("code").where("org_id", "=", company.orgId).where("status", "=", "closed").orderBy("code").executeTakeFirstOrThrow();
  await send(companyWho, company.slug, companyLeak.code, [{ pointer: "/rootCause", reason: "trade-secret" }]);
  await send(orgs["demo-shop"]!.who, "demo-shop", shopLeak.code, [{ pointer: "/rootCause", reason: "trade-secret" }]);
  await send(orgs["demo-bank"]!.who, "demo-bank", bankBias.code);
  await deliver();

  // The authority's analyst groups the two chatbot leaks into a case.
  const analystWho = { actor: { type: "user" as const, id: people.analyst!, label: emails("analyst") }, orgId: authority.id };
  const leaks = await db.kysely.selectFrom("oversight_intake").select(["id", "version"]).where("org_id", "=", authority.id).where("rights", "=", '["privacy"]').orderBy("received_at").execute();
  for (const l of leaks) await triageIntake(db, analystWho, sectorValues(library), l.id, { version: l.version, status: "triaged", severity: "high", assigneeId: people.analyst! });
  const opened = await createCase(db, analystWho, {
    titleJa: "チャットボットによる他の顧客情報の表示",
    titleEn: "Chatbots showing other customers' data",
    summary: "生成AIチャットボットが、会話履歴や顧客情報の参照範囲の誤りにより、別の顧客の個人情報を回答した事案。2事業者から報告。",
    rights: ["privacy"],
    intakeIds: leaks.map((l) => l.id),
  });
  await addCaseEntry(db, analystWho, opened.id, { kind: "note", body: "両事業者とも、顧客情報の検索範囲を会話の相手に限定していなかった。" });
  await addCaseEntry(db, analystWho, opened.id, { kind: "countermeasure", body: "チャットボットの参照範囲の限定について、事業者向けの注意喚起を検討する。" });
}
