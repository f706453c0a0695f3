import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { CONTROL_STATUS_WORDS, INCIDENT_STATUS_WORDS, LIFECYCLE_WORDS, RISK_STATUS_WORDS, SEVERITY_WORDS, wordsFor, type Words } from "../../incidents/report.labels.ts";
import type { Library } from "../../library/library.model.ts";
import { readRiskMatrix } from "../../risks/matrix.service.ts";
import { riskTaxonomy } from "../../risks/taxonomy.ts";
import { jaisiPerspectives } from "../../risks/perspectives.ts";
import { VENDOR_RATING_WORDS } from "../system-card.labels.ts";
import { art50Systems } from "./haip.art50.ts";
import { ROLE_WORDS, count, join, listOf } from "./haip.words.ts";
import type { PrefillKey } from "./questionnaire.schema.ts";
import { OWN_ENTITY_TYPES, readStamps, type SourceKind } from "./haip.sources.ts";

/** A record a prefilled answer names; `id` lets the screen link it and never leaves in a document. */
export interface PrefillRecord {
  type: "risk" | "system" | "incident" | "publication";
  id: string;
  code: string | null;
  title: Words;
}
/** The records of one kind an answer rests on, with their fingerprint when it was written. */
export interface PrefillSource {
  kind: SourceKind;
  count: number;
  stamp: string;
  records: PrefillRecord[];
}
export interface Prefill {
  key: PrefillKey;
  text: Words;
  sources: PrefillSource[];
}

/** The organisation and the reporting year a prefill reads. */
export interface PrefillContext {
  db: Kysely<Database>;
  library: Library;
  orgId: string;
  /** The reporting year's first and last day (the organisation's fiscal year). */
  period: { start: string; end: string; startAt: string; endAt: string };
  today: string;
}

/** How many records an answer names; the count says how many there are in all. */
export const RECORDS_SHOWN = 10;

type Draft = { text: Words; sources: Omit<PrefillSource, "stamp">[] };
type Filler = (ctx: PrefillContext) => Promise<Draft>;
const k = (ctx: PrefillContext) => ctx.db as Kysely<any>;
const n = (v: unknown) => Number(v ?? 0);

async function riskRegister(ctx: PrefillContext): Promise<Draft> {
  const rows = await ctx.db.selectFrom("risks").select(["system_id", "status", "categories"]).where("org_id", "=", ctx.orgId).execute();
  const systems = new Set(rows.filter((r) => r.system_id).map((r) => r.system_id));
  const byStatus = tally(rows.map((r) => r.status));
  const domains = new Map<string, number>();
  for (const r of rows) {
    const ids = new Set((JSON.parse(r.categories) as string[]).filter((c) => /^\d/.test(c)).map((c) => c.split(".")[0]!));
    for (const d of ids) domains.set(d, (domains.get(d) ?? 0) + 1);
  }
  const names = new Map(riskTaxonomy().domains.map((d) => [d.id, d]));
  const top = [...domains].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5);
  const statusList = (l: "ja" | "en") => listOf(l, [...byStatus].map(([s, c]) => `${wordsFor(RISK_STATUS_WORDS, s)[l]} ${count(c, l)}`));
  const domainName = (d: string, l: "ja" | "en") => names.get(d)?.name[l] ?? names.get(d)?.name.en ?? d;
  const domainList = (l: "ja" | "en") => listOf(l, top.map(([d, c]) => `${domainName(d, l)} ${count(c, l)}`));
  return {
    text: {
      ja: join([`リスク登録簿には ${count(rows.length, "ja")}件のリスクがあり、うち ${count(rows.length - rows.filter((r) => r.system_id).length, "ja")}件は組織全体のリスク、残りは ${count(systems.size, "ja")}件の AI システムのリスクです。`, rows.length ? `状態別：${statusList("ja")}。` : "", top.length ? `MIT AI リスクリポジトリの領域で多いもの：${domainList("ja")}。` : ""]),
      en: join([`The risk register holds ${count(rows.length, "en")} risks: ${count(rows.length - rows.filter((r) => r.system_id).length, "en")} organisation-wide and the rest on ${count(systems.size, "en")} AI systems.`, rows.length ? `By status: ${statusList("en")}.` : "", top.length ? `Most frequent MIT AI Risk Repository domains: ${domainList("en")}.` : ""]),
    },
    sources: [{ kind: "risks", count: rows.length, records: [] }],
  };
}

async function riskEvaluations(ctx: PrefillContext): Promise<Draft> {
  const rows = await ctx.db.selectFrom("risks").select("perspectives").where("org_id", "=", ctx.orgId).where("perspectives", "<>", "[]").execute();
  const per = tally(rows.flatMap((r) => JSON.parse(r.perspectives) as string[]));
  const names = jaisiPerspectives(ctx.library);
  const assessed = await k(ctx)
    .selectFrom("assessments")
    .select(["framework_id", sql<number>`count(*)`.as("n"), sql<number>`sum(case when signed_off_at is not null then 1 else 0 end)`.as("signed")])
    .where("org_id", "=", ctx.orgId)
    .groupBy("framework_id")
    .orderBy("framework_id")
    .execute();
  const fwName = (id: string, l: "ja" | "en") => { const f = ctx.library.current.get(id)?.file; return (f?.shortName?.[l] ?? f?.name[l] ?? f?.name.en ?? id) as string; };
  const total = assessed.reduce((s: number, a: any) => s + n(a.n), 0);
  const perList = (l: "ja" | "en") => listOf(l, [...per].sort((a, b) => b[1] - a[1]).map(([urn, c]) => `${names.get(urn)?.[l] ?? names.get(urn)?.ja ?? urn} ${count(c, l)}`));
  const fwList = (l: "ja" | "en") => listOf(l, assessed.map((a: any) => (l === "ja" ? `${fwName(a.framework_id, l)} ${count(n(a.n), l)}件（うち承認済み ${count(n(a.signed), l)}件）` : `${fwName(a.framework_id, l)} ${count(n(a.n), l)} (${count(n(a.signed), l)} signed off)`)));
  return {
    text: {
      ja: join([rows.length ? `${count(rows.length, "ja")}件のリスクに AISI の評価観点を付けています：${perList("ja")}。` : "AISI の評価観点を付けたリスクはありません。", total ? `要求事項ごとの評価（アセスメント）は ${count(total, "ja")}件：${fwList("ja")}。` : "評価（アセスメント）の記録はありません。"]),
      en: join([rows.length ? `${count(rows.length, "en")} risks carry J-AISI evaluation perspectives: ${perList("en")}.` : "No risk carries a J-AISI evaluation perspective.", total ? `${count(total, "en")} assessments against requirements: ${fwList("en")}.` : "No assessment is recorded."]),
    },
    sources: [{ kind: "risks", count: rows.length, records: [] }, { kind: "assessments", count: total, records: [] }],
  };
}

async function risksAboveTolerance(ctx: PrefillContext): Promise<Draft> {
  const { matrix } = await readRiskMatrix(ctx.db, ctx.orgId);
  const cells = await k(ctx)
    .selectFrom("risks")
    .select([sql<number>`coalesce(residual_likelihood, inherent_likelihood)`.as("l"), sql<number>`coalesce(residual_impact, inherent_impact)`.as("i"), sql<number>`count(*)`.as("n")])
    .where("org_id", "=", ctx.orgId)
    .where("status", "<>", "closed")
    .groupBy([sql`coalesce(residual_likelihood, inherent_likelihood)`, sql`coalesce(residual_impact, inherent_impact)`])
    .execute();
  const bandOfCell = (l: number, i: number) => matrix.cells[l - 1]?.[i - 1];
  const byBand = new Map<number, number>();
  for (const c of cells) {
    const b = bandOfCell(n(c.l), n(c.i));
    if (b !== undefined) byBand.set(b, (byBand.get(b) ?? 0) + n(c.n));
  }
  const topBand = matrix.bands.length - 1;
  const topCells = cells.filter((c: any) => bandOfCell(n(c.l), n(c.i)) === topBand);
  const topCount = topCells.reduce((s: number, c: any) => s + n(c.n), 0);
  const top = topCells.length
    ? await k(ctx)
        .selectFrom("risks")
        .select(["id", "code", "title_ja", "title_en"])
        .where("org_id", "=", ctx.orgId)
        .where("status", "<>", "closed")
        .where((eb: any) => eb.or(topCells.map((c: any) => eb.and([eb(sql`coalesce(residual_likelihood, inherent_likelihood)`, "=", n(c.l)), eb(sql`coalesce(residual_impact, inherent_impact)`, "=", n(c.i))]))))
        .orderBy("code")
        .limit(RECORDS_SHOWN)
        .execute()
    : [];
  const bands = (l: "ja" | "en") => listOf(l, [...matrix.bands.keys()].reverse().map((b) => `${matrix.bands[b]![l]} ${count(byBand.get(b) ?? 0, l)}`));
  const open = [...byBand.values()].reduce((a, b) => a + b, 0);
  const topName = matrix.bands[topBand]!;
  return {
    text: {
      ja: join([`リスクは組織のリスクマトリクス（発生可能性 ${matrix.likelihood.length}段階 × 影響度 ${matrix.impact.length}段階）で評価し、残存リスクが評価されていればそれを、なければ固有リスクを用いています。`, `クローズしていない ${count(open, "ja")}件の区分別：${bands("ja")}。`, topCount ? `最上位の区分「${topName.ja}」のリスクは ${count(topCount, "ja")}件です。` : `最上位の区分「${topName.ja}」のリスクはありません。`]),
      en: join([`Risks are rated on the organisation's risk matrix (${matrix.likelihood.length} likelihood × ${matrix.impact.length} impact levels), on their residual rating where one is recorded and their inherent rating otherwise.`, `The ${count(open, "en")} risks not closed, by band: ${bands("en")}.`, topCount ? `${count(topCount, "en")} risks are in the top band, “${topName.en}”.` : `No risk is in the top band, “${topName.en}”.`]),
    },
    sources: [{ kind: "risks", count: topCount, records: top.map((r: any) => ({ type: "risk" as const, id: r.id, code: r.code, title: { ja: r.title_ja, en: r.title_en } })) }],
  };
}

async function controls(ctx: PrefillContext): Promise<Draft> {
  const byStatus = await k(ctx).selectFrom("controls").select(["status", sql<number>`count(*)`.as("n")]).where("org_id", "=", ctx.orgId).groupBy("status").orderBy("status").execute();
  const linked = await k(ctx).selectFrom("risk_controls").select([sql<number>`count(distinct control_id)`.as("c"), sql<number>`count(distinct risk_id)`.as("r")]).where("org_id", "=", ctx.orgId).executeTakeFirst();
  const total = byStatus.reduce((s: number, r: any) => s + n(r.n), 0);
  const list = (l: "ja" | "en") => listOf(l, byStatus.map((r: any) => `${wordsFor(CONTROL_STATUS_WORDS, r.status)[l]} ${count(n(r.n), l)}`));
  return {
    text: {
      ja: total ? join([`管理策は ${count(total, "ja")}件：${list("ja")}。`, `うち ${count(n(linked?.c), "ja")}件が ${count(n(linked?.r), "ja")}件のリスクの対策として紐づいています。`]) : "管理策の記録はありません。",
      en: total ? join([`${count(total, "en")} controls: ${list("en")}.`, `${count(n(linked?.c), "en")} of them treat ${count(n(linked?.r), "en")} risks.`]) : "No control is recorded.",
    },
    sources: [{ kind: "controls", count: total, records: [] }, { kind: "risks", count: n(linked?.r), records: [] }],
  };
}

async function evidence(ctx: PrefillContext): Promise<Draft> {
  const row = await k(ctx)
    .selectFrom("evidence")
    .select([sql<number>`count(*)`.as("n"), sql<number>`sum(case when valid_until is not null and valid_until < ${ctx.today} then 1 else 0 end)`.as("expired")])
    .where("org_id", "=", ctx.orgId)
    .executeTakeFirst();
  const signed = await k(ctx)
    .selectFrom("assessments")
    .select(sql<number>`count(*)`.as("n"))
    .where("org_id", "=", ctx.orgId)
    .where("signed_off_at", ">=", ctx.period.startAt)
    .where("signed_off_at", "<", ctx.period.endAt)
    .executeTakeFirst();
  const total = n(row?.n);
  return {
    text: {
      ja: join([`証跡は ${count(total, "ja")}件を記録しており、うち ${count(n(row?.expired), "ja")}件は有効期限を過ぎています。`, `報告年度中に承認（サインオフ）した評価は ${count(n(signed?.n), "ja")}件です。`]),
      en: join([`${count(total, "en")} pieces of evidence are recorded, ${count(n(row?.expired), "en")} of them past their expiry.`, `${count(n(signed?.n), "en")} assessments were signed off in the reporting year.`]),
    },
    sources: [{ kind: "evidence", count: total, records: [] }, { kind: "assessments", count: n(signed?.n), records: [] }],
  };
}

async function vendorReviews(ctx: PrefillContext): Promise<Draft> {
  const ratings = await k(ctx).selectFrom("vendors").select(["rating", sql<number>`count(*)`.as("n")]).where("org_id", "=", ctx.orgId).groupBy("rating").orderBy("rating").execute();
  const reviews = await k(ctx)
    .selectFrom("vendor_reviews")
    .select([sql<number>`count(*)`.as("n"), sql<number>`count(distinct vendor_id)`.as("v")])
    .where("org_id", "=", ctx.orgId)
    .where("created_at", ">=", ctx.period.startAt)
    .where("created_at", "<", ctx.period.endAt)
    .executeTakeFirst();
  const vendors = ratings.reduce((s: number, r: any) => s + n(r.n), 0);
  const list = (l: "ja" | "en") => listOf(l, ratings.map((r: any) => `${wordsFor(VENDOR_RATING_WORDS, r.rating)[l]} ${count(n(r.n), l)}`));
  return {
    text: {
      ja: vendors ? join([`AI に関わる委託先・ベンダーは ${count(vendors, "ja")}社で、リスク評価別：${list("ja")}。`, `報告年度中に ${count(n(reviews?.v), "ja")}社について ${count(n(reviews?.n), "ja")}件の審査を行いました。`]) : "委託先・ベンダーの記録はありません。",
      en: vendors ? join([`${count(vendors, "en")} AI vendors are recorded, by risk rating: ${list("en")}.`, `${count(n(reviews?.n), "en")} reviews of ${count(n(reviews?.v), "en")} vendors were made in the reporting year.`]) : "No vendor is recorded.",
    },
    sources: [{ kind: "vendor-reviews", count: n(reviews?.n), records: [] }],
  };
}

async function inventoryCards(ctx: PrefillContext): Promise<Draft> {
  const byClass = await k(ctx).selectFrom("ai_systems").select(["eu_class", "lifecycle", sql<number>`count(*)`.as("n")]).where("org_id", "=", ctx.orgId).groupBy(["eu_class", "lifecycle"]).execute();
  const cards = await ctx.db
    .selectFrom("publications")
    .select(["id", "subject", "title_ja", "title_en"])
    .where("org_id", "=", ctx.orgId)
    .where("kind", "=", "system-card")
    .where("withdrawn_at", "is", null)
    .orderBy("subject")
    .execute();
  const latest = new Map(cards.map((c) => [c.subject, c]));
  const total = byClass.reduce((s: number, r: any) => s + n(r.n), 0);
  const scheme = ctx.library.compiled.schemes.get("eu-ai-act-risk");
  const classes = tally(byClass.flatMap((r: any) => Array(n(r.n)).fill(r.eu_class ?? "")));
  const lifecycles = tally(byClass.flatMap((r: any) => Array(n(r.n)).fill(r.lifecycle)));
  const className = (c: string, l: "ja" | "en") => (c ? (scheme?.values.find((v) => v.id === c)?.label?.[l] ?? c) : l === "ja" ? "未分類" : "not classified");
  const classList = (l: "ja" | "en") => listOf(l, [...classes].map(([c, m]) => `${className(c, l)} ${count(m, l)}`));
  const lcList = (l: "ja" | "en") => listOf(l, [...lifecycles].map(([c, m]) => `${wordsFor(LIFECYCLE_WORDS, c)[l]} ${count(m, l)}`));
  return {
    text: {
      ja: join([`AI 台帳には ${count(total, "ja")}件の AI システムがあります。EU AI 法のリスク区分別：${classList("ja")}。ライフサイクル別：${lcList("ja")}。`, latest.size ? `${count(latest.size, "ja")}件のシステムカードを公開しています。` : "公開しているシステムカードはありません。"]),
      en: join([`The AI inventory holds ${count(total, "en")} AI systems. By EU AI Act risk class: ${classList("en")}. By lifecycle stage: ${lcList("en")}.`, latest.size ? `${count(latest.size, "en")} system cards are published.` : "No system card is published."]),
    },
    sources: [
      { kind: "systems", count: total, records: [] },
      { kind: "publications", count: latest.size, records: [...latest.values()].slice(0, RECORDS_SHOWN).map((c) => ({ type: "publication" as const, id: c.id, code: c.subject, title: { ja: c.title_ja, en: c.title_en } })) },
    ],
  };
}

async function art50Obligations(ctx: PrefillContext): Promise<Draft> {
  const found = await art50Systems(ctx.db, ctx.library, ctx.orgId, ctx.today);
  const paragraphs = tally(found.flatMap((s) => s.paragraphs));
  const pList = (l: "ja" | "en") => listOf(l, [...paragraphs].sort().map(([p, c]) => (l === "ja" ? `第50条第${p}項 ${count(c, l)}件` : `Art. 50(${p}) ${count(c, l)}`)));
  return {
    text: {
      ja: found.length ? join([`適用判定により、${count(found.length, "ja")}件の AI システムに EU AI 法第50条（透明性義務）が適用されます（適用開始前のものを含む）：${pList("ja")}。`, "各システムでの通知・表示の方法を書き加えてください。"]) : "適用判定で EU AI 法第50条（透明性義務）が適用される AI システムはありません。",
      en: found.length ? join([`The applicability rules apply Article 50 of the EU AI Act (transparency obligations) to ${count(found.length, "en")} AI systems (including obligations not yet in force): ${pList("en")}.`, "Add how each system informs people or marks its output."]) : "The applicability rules apply Article 50 of the EU AI Act (transparency obligations) to no AI system.",
    },
    sources: [{ kind: "systems", count: found.length, records: found.slice(0, RECORDS_SHOWN).map((s) => ({ type: "system" as const, id: s.id, code: s.code, title: s.name })) }],
  };
}

async function governanceRoles(ctx: PrefillContext): Promise<Draft> {
  const roles = await k(ctx).selectFrom("users").select(["role", sql<number>`count(*)`.as("n")]).where("org_id", "=", ctx.orgId).where("status", "=", "active").groupBy("role").execute();
  const owners = await k(ctx)
    .selectFrom("ai_systems")
    .select([sql<number>`count(*)`.as("n"), sql<number>`sum(case when business_owner_id is not null then 1 else 0 end)`.as("owned")])
    .where("org_id", "=", ctx.orgId)
    .where("lifecycle", "<>", "retired")
    .executeTakeFirst();
  const approvals = await k(ctx)
    .selectFrom("approvals")
    .select(["status", sql<number>`count(*)`.as("n")])
    .where("org_id", "=", ctx.orgId)
    .where("subject_type", "<>", "haip_report")
    .where("decided_at", ">=", ctx.period.startAt)
    .where("decided_at", "<", ctx.period.endAt)
    .groupBy("status")
    .execute();
  const order = Object.keys(ROLE_WORDS);
  const roleList = (l: "ja" | "en") => listOf(l, [...roles].sort((a: any, b: any) => order.indexOf(a.role) - order.indexOf(b.role)).map((r: any) => `${wordsFor(ROLE_WORDS, r.role)[l]} ${count(n(r.n), l)}`));
  const decided = approvals.reduce((s: number, a: any) => s + n(a.n), 0);
  const approved = n(approvals.find((a: any) => a.status === "approved")?.n);
  return {
    text: {
      ja: join([`Musubi の利用者の役割別：${roleList("ja")}。`, `運用中・計画中の AI システム ${count(n(owners?.n), "ja")}件のうち ${count(n(owners?.owned), "ja")}件に業務上の責任者が定められています。`, `報告年度中に ${count(decided, "ja")}件の稟議（承認）が決定され、うち ${count(approved, "ja")}件が承認されました。`]),
      en: join([`People using Musubi, by role: ${roleList("en")}.`, `${count(n(owners?.owned), "en")} of the ${count(n(owners?.n), "en")} AI systems not retired have a business owner.`, `${count(decided, "en")} approvals (稟議) were decided in the reporting year, ${count(approved, "en")} of them approved.`]),
    },
    sources: [{ kind: "users", count: roles.reduce((s: number, r: any) => s + n(r.n), 0), records: [] }, { kind: "systems", count: n(owners?.n), records: [] }, { kind: "approvals", count: decided, records: [] }],
  };
}

async function incidents(ctx: PrefillContext): Promise<Draft> {
  const rows = await k(ctx)
    .selectFrom("incidents")
    .select(["severity", "status", sql<number>`count(*)`.as("n")])
    .where("org_id", "=", ctx.orgId)
    .where("created_at", ">=", ctx.period.startAt)
    .where("created_at", "<", ctx.period.endAt)
    .groupBy(["severity", "status"])
    .execute();
  const serious = await ctx.db
    .selectFrom("incidents")
    .select(["id", "code", "title"])
    .where("org_id", "=", ctx.orgId)
    .where("created_at", ">=", ctx.period.startAt)
    .where("created_at", "<", ctx.period.endAt)
    .where("severity", "in", ["critical", "high"])
    .orderBy("code")
    .limit(RECORDS_SHOWN)
    .execute();
  const total = rows.reduce((s: number, r: any) => s + n(r.n), 0);
  const sev = tally(rows.flatMap((r: any) => Array(n(r.n)).fill(r.severity)));
  const st = tally(rows.flatMap((r: any) => Array(n(r.n)).fill(r.status)));
  const seriousCount = n(sev.get("critical")) + n(sev.get("high"));
  const sevList = (l: "ja" | "en") => listOf(l, ["critical", "high", "medium", "low"].filter((s) => sev.has(s)).map((s) => `${wordsFor(SEVERITY_WORDS, s)[l]} ${count(sev.get(s)!, l)}`));
  const stList = (l: "ja" | "en") => listOf(l, ["open", "investigating", "mitigated", "closed"].filter((s) => st.has(s)).map((s) => `${wordsFor(INCIDENT_STATUS_WORDS, s)[l]} ${count(st.get(s)!, l)}`));
  return {
    text: {
      ja: total ? join([`報告年度中に ${count(total, "ja")}件の AI インシデントを記録しました。重大度別：${sevList("ja")}。現在の状態別：${stList("ja")}。`, "検知・報告・対処の手順を書き加えてください。"]) : "報告年度中に記録した AI インシデントはありません。",
      en: total ? join([`${count(total, "en")} AI incidents were recorded in the reporting year. By severity: ${sevList("en")}. By current status: ${stList("en")}.`, "Add how incidents are detected, reported and handled."]) : "No AI incident was recorded in the reporting year.",
    },
    sources: [{ kind: "incidents", count: seriousCount || total, records: serious.map((i) => ({ type: "incident" as const, id: i.id, code: i.code, title: { ja: i.title, en: i.title } })) }],
  };
}

async function ledger(ctx: PrefillContext): Promise<Draft> {
  const row = await k(ctx)
    .selectFrom("audit_log")
    .select([sql<number>`count(*)`.as("n"), sql<number>`sum(case when ts >= ${ctx.period.startAt} and ts < ${ctx.period.endAt} then 1 else 0 end)`.as("year")])
    .where("org_id", "=", ctx.orgId)
    .where("entity_type", "not in", [...OWN_ENTITY_TYPES])
    .where((eb: any) => eb.not(eb.and([eb("entity_type", "=", "approval"), eb("entity_id", "in", eb.selectFrom("approvals").select("id").where("org_id", "=", ctx.orgId).where("subject_type", "=", "haip_report"))])))
    .executeTakeFirst();
  return {
    text: {
      ja: join([`AI システム、リスク、管理策、インシデント、承認などの作成・変更・決定は、誰がいつ行ったかとともに監査台帳に記録されます。台帳の各記録は直前の記録のハッシュを含み、改ざんを検証できます。`, `台帳の記録は ${count(n(row?.n), "ja")}件で、うち報告年度中のものは ${count(n(row?.year), "ja")}件です。`]),
      en: join([`Every creation, change and decision on AI systems, risks, controls, incidents and approvals is recorded in the audit ledger with who made it and when. Each entry carries the hash of the one before, so tampering can be detected.`, `The ledger holds ${count(n(row?.n), "en")} entries, ${count(n(row?.year), "en")} of them from the reporting year.`]),
    },
    sources: [{ kind: "ledger", count: n(row?.n), records: [] }],
  };
}

async function provenanceControls(ctx: PrefillContext): Promise<Draft> {
  const systems = await ctx.db.selectFrom("ai_systems").select(["id", "code", "name_ja", "name_en", "profile"]).where("org_id", "=", ctx.orgId).where("profile", "like", '%"generative":true%').orderBy("code").execute();
  const generative = systems.filter((s) => (JSON.parse(s.profile) as Record<string, unknown>).generative === true);
  const ids = generative.map((s) => s.id);
  const linked = ids.length
    ? await k(ctx)
        .selectFrom("risks as r")
        .innerJoin("risk_controls as rc", (j: any) => j.onRef("rc.risk_id", "=", "r.id").onRef("rc.org_id", "=", "r.org_id"))
        .innerJoin("controls as c", (j: any) => j.onRef("c.id", "=", "rc.control_id").onRef("c.org_id", "=", "rc.org_id"))
        .select([sql<number>`count(distinct r.system_id)`.as("systems"), sql<number>`count(distinct c.id)`.as("controls"), sql<number>`count(distinct case when c.status = 'met' then c.id end)`.as("met")])
        .where("r.org_id", "=", ctx.orgId)
        .where("r.system_id", "in", ids)
        .executeTakeFirst()
    : undefined;
  return {
    text: {
      ja: generative.length ? join([`生成 AI と登録された AI システムは ${count(generative.length, "ja")}件です。`, `うち ${count(n(linked?.systems), "ja")}件は、リスクを通じて ${count(n(linked?.controls), "ja")}件の管理策（うち実施済み ${count(n(linked?.met), "ja")}件）と紐づいています。`, "電子透かし、メタデータ、表示など、用いている仕組みを書き加えてください。"]) : "生成 AI と登録された AI システムはありません。",
      en: generative.length ? join([`${count(generative.length, "en")} AI systems are recorded as generative.`, `${count(n(linked?.systems), "en")} of them are linked through their risks to ${count(n(linked?.controls), "en")} controls (${count(n(linked?.met), "en")} met).`, "Add the mechanisms used: watermarks, metadata, labels."]) : "No AI system is recorded as generative.",
    },
    sources: [
      { kind: "systems", count: generative.length, records: generative.slice(0, RECORDS_SHOWN).map((s) => ({ type: "system" as const, id: s.id, code: s.code, title: { ja: s.name_ja, en: s.name_en } })) },
      { kind: "controls", count: n(linked?.controls), records: [] },
    ],
  };
}

/** The kinds of record each draft rests on: the fingerprints read before it, and only those. */
const SOURCES_OF: Record<PrefillKey, SourceKind[]> = {
  "risk-register": ["risks"],
  "risk-evaluations": ["risks", "assessments"],
  "risks-above-tolerance": ["risks"],
  controls: ["controls", "risks"],
  evidence: ["evidence", "assessments"],
  "vendor-reviews": ["vendor-reviews"],
  "inventory-cards": ["systems", "publications"],
  "art50-obligations": ["systems"],
  "governance-roles": ["users", "systems", "approvals"],
  incidents: ["incidents"],
  ledger: ["ledger"],
  "provenance-controls": ["systems", "controls"],
};

const FILLERS: Record<PrefillKey, Filler> = {
  "risk-register": riskRegister,
  "risk-evaluations": riskEvaluations,
  "risks-above-tolerance": risksAboveTolerance,
  controls,
  evidence,
  "vendor-reviews": vendorReviews,
  "inventory-cards": inventoryCards,
  "art50-obligations": art50Obligations,
  "governance-roles": governanceRoles,
  incidents,
  ledger,
  "provenance-controls": provenanceControls,
};

/**
 * Drafts the answers Musubi's data can support, each with the records it rests on and their
 * fingerprints (read before the data, so a change made while drafting flags the answer rather
 * than slipping past it). Every key is drafted once however many questions use it.
 */
export async function prefill(ctx: PrefillContext, keys: readonly PrefillKey[]): Promise<Map<PrefillKey, Prefill>> {
  const unique = [...new Set(keys)];
  const drafts = new Map<PrefillKey, Draft>();
  // Fingerprints first: anything that changes from here on makes the draft stale, never silently newer.
  const kinds = await readStamps(ctx.db, ctx.orgId, unique.flatMap((key) => SOURCES_OF[key]));
  for (const key of unique) drafts.set(key, await FILLERS[key](ctx));
  const out = new Map<PrefillKey, Prefill>();
  for (const [key, d] of drafts) out.set(key, { key, text: d.text, sources: d.sources.map((s) => ({ ...s, stamp: kinds.get(s.kind) ?? "" })) });
  return out;
}

function tally(values: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}
