import { sql, type Kysely } from "kysely";
import { readDashboard, type DashboardView } from "../compliance/dashboard.ts";
import type { Database } from "../db/schema.ts";
import { readOrgCalendar } from "../disclosures/haip/haip.period.ts";
import { frameworkLabel } from "../library/library.present.ts";
import type { Library } from "../library/library.model.ts";
import type { Text } from "../library/library.schema.ts";
import { dayIn } from "../platform/time.ts";
import { readRiskMatrix } from "../risks/matrix.service.ts";
import type { RiskMatrix } from "../risks/matrix.schema.ts";
import { selectRisks } from "../risks/risks.store.ts";
import { MAX_LIMIT } from "../platform/pagination.ts";
import { listSystemsQuery, type SystemRow } from "../systems/systems.schema.ts";
import { listSystems } from "../systems/systems.store.ts";
import { boardPeriod, monthsOf, type BoardPeriod } from "./board.period.ts";
import type { BoardParams } from "./reports.schema.ts";

/**
 * Rows each list of the board report holds at most. The report stays a few dozen pages at any
 * size (about 50 at 10,000 systems, 50,000 risks and 100,000 incidents) and says how many more
 * there are; the workbook holds the same lists.
 */
export const LIST_ROWS = 170;
const SEVERE = ["high", "critical"] as const;

export interface BoardRisk {
  code: string;
  titleJa: string;
  titleEn: string;
  system: { code: string; nameJa: string; nameEn: string } | null;
  likelihood: number;
  impact: number;
  band: { ja: string; en: string } | null;
  residual: boolean;
  status: string;
  owner: string | null;
  nextReviewOn: string | null;
}

export interface BoardIncident {
  code: string;
  title: string;
  severity: string;
  status: string;
  detectedAt: string;
  systems: string[];
}

/** A list cut at {@link LIST_ROWS}: the rows shown and how many there are in all. */
export interface Listed<T> {
  total: number;
  items: T[];
}

/** Everything the board report shows, read once; the PDF and the workbook are two renderings of it. */
export interface BoardReportData {
  generatedAt: string;
  timeZone: string;
  today: string;
  org: { nameJa: string; nameEn: string };
  period: BoardPeriod;
  dashboard: DashboardView;
  registeredByMonth: { month: string; n: number }[];
  /** Entries of the audit ledger in the period: answers changed, assessments signed off. */
  activity: { answersChanged: number; signOffs: number };
  overdueSystems: Listed<SystemRow>;
  overdueRisks: Listed<BoardRisk>;
  incidents: { total: number; bySeverity: Record<string, number>; byStatus: Record<string, number>; serious: Listed<BoardIncident> };
  risks: { bands: { ja: string; en: string }[]; byBand: { band: { ja: string; en: string }; n: number }[]; above: Listed<BoardRisk> };
  notAssessed: Listed<{ code: string; nameJa: string; nameEn: string; lifecycle: string; missing: Text[] }>;
}

/** The bands above appetite: the top one of a matrix of two or three bands, the top two of a larger one (Musubi's choice, stated in the report). */
export function bandsAboveAppetite(m: RiskMatrix): number[] {
  const n = m.bands.length >= 4 ? 2 : 1;
  return Array.from({ length: n }, (_, i) => m.bands.length - 1 - i);
}

/** `likelihood × 16 + impact`: one number per cell of a matrix of up to 10 × 10, comparable in SQL. */
const cellCode = (l: number, i: number) => l * 16 + i;

function boardRisk(r: { code: string; title_ja: string; title_en: string; s_code: string | null; s_name_ja: string | null; s_name_en: string | null; l: number; i: number; residual_likelihood: number | null; status: string; owner_name: string | null; next_review_on: string | null }, m: RiskMatrix): BoardRisk {
  const l = Number(r.l);
  const i = Number(r.i);
  const b = m.cells[l - 1]?.[i - 1];
  const band = b === undefined ? null : m.bands[b]!;
  return {
    code: r.code,
    titleJa: r.title_ja,
    titleEn: r.title_en,
    system: r.s_code ? { code: r.s_code, nameJa: r.s_name_ja ?? "", nameEn: r.s_name_en ?? "" } : null,
    likelihood: l,
    impact: i,
    band: band ? { ja: band.ja, en: band.en } : null,
    residual: r.residual_likelihood !== null,
    status: r.status,
    owner: r.owner_name,
    nextReviewOn: r.next_review_on,
  };
}

/**
 * Reads the board report for a period (default: the organisation's current fiscal year). Totals
 * come from the dashboard's counters; the lists are index range reads cut at {@link LIST_ROWS};
 * grouped counts answer "how many" without reading rows. About fifteen statements at any size.
 */
export async function readBoardReport(db: Kysely<Database>, library: Library, orgId: string, params: BoardParams, now = new Date()): Promise<BoardReportData> {
  const calendar = await readOrgCalendar(db, orgId, now);
  const { today, timeZone } = calendar;
  const period = boardPeriod(params, calendar);
  const matrix = (await readRiskMatrix(db, orgId)).matrix;
  const top = bandsAboveAppetite(matrix);
  const topCells: number[] = [];
  matrix.cells.forEach((row, l) => row.forEach((b, i) => top.includes(b) && topCells.push(cellCode(l + 1, i + 1))));
  const current = { l: sql<number>`coalesce(r.residual_likelihood, r.inherent_likelihood)`, i: sql<number>`coalesce(r.residual_impact, r.inherent_impact)` };
  const risksWithNames = () =>
    selectRisks(db, orgId).select(["r.code", "r.title_ja", "r.title_en", "r.residual_likelihood", "r.status", "r.next_review_on", "o.display_name as owner_name", "s.code as s_code", "s.name_ja as s_name_ja", "s.name_en as s_name_en", current.l.as("l"), current.i.as("i")]);

  const [org, dashboard, registered, activity, overdueRiskRows, overdueRiskCount, incidentGroups, seriousRows, seriousCount, cellCounts, aboveRows, systems, assessed] = await Promise.all([
    db.selectFrom("organizations").select(["name_ja", "name_en"]).where("id", "=", orgId).executeTakeFirstOrThrow(),
    readDashboard(db, library, orgId, today),
    db.selectFrom("ai_systems").select("created_at").where("org_id", "=", orgId).where("created_at", ">=", period.startAt).where("created_at", "<", period.endAt).execute(),
    db
      .selectFrom("audit_log")
      .select(["action", (eb) => eb.fn.countAll<number>().as("n")])
      .where("org_id", "=", orgId)
      .where("ts", ">=", period.startAt)
      .where("ts", "<", period.endAt)
      .where("action", "in", ["assessment_item.updated", "assessment.signed_off"])
      .groupBy("action")
      .execute(),
    risksWithNames().where("r.status", "<>", "closed").where("r.next_review_on", "<", today).orderBy("r.next_review_on").orderBy("r.code").limit(LIST_ROWS).execute(),
    db.selectFrom("risks").select((eb) => eb.fn.countAll<number>().as("n")).where("org_id", "=", orgId).where("status", "<>", "closed").where("next_review_on", "<", today).executeTakeFirstOrThrow(),
    db
      .selectFrom("incidents")
      .select(["severity", "status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("org_id", "=", orgId)
      .where("detected_at", ">=", period.startAt)
      .where("detected_at", "<", period.endAt)
      .groupBy(["severity", "status"])
      .execute(),
    db
      .selectFrom("incidents")
      .select(["id", "code", "title", "severity", "status", "detected_at"])
      .where("org_id", "=", orgId)
      .where("detected_at", ">=", period.startAt)
      .where("detected_at", "<", period.endAt)
      .where("severity", "in", [...SEVERE])
      .orderBy("detected_at", "desc")
      .orderBy("id", "desc")
      .limit(LIST_ROWS)
      .execute(),
    db
      .selectFrom("incidents")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("org_id", "=", orgId)
      .where("detected_at", ">=", period.startAt)
      .where("detected_at", "<", period.endAt)
      .where("severity", "in", [...SEVERE])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("risks as r")
      .select([current.l.as("l"), current.i.as("i"), (eb) => eb.fn.countAll<number>().as("n")])
      .where("r.org_id", "=", orgId)
      .where("r.status", "<>", "closed")
      .groupBy([current.l, current.i])
      .execute(),
    topCells.length
      ? risksWithNames()
          .where("r.status", "<>", "closed")
          .where(sql<number>`coalesce(r.residual_likelihood, r.inherent_likelihood) * 16 + coalesce(r.residual_impact, r.inherent_impact)`, "in", topCells)
          .orderBy(sql`coalesce(r.residual_likelihood, r.inherent_likelihood) * coalesce(r.residual_impact, r.inherent_impact)`, "desc")
          .orderBy("r.code")
          .limit(LIST_ROWS)
          .execute()
      : Promise.resolve([]),
    db.selectFrom("ai_systems").select(["id", "code", "name_ja", "name_en", "lifecycle", "frameworks"]).where("org_id", "=", orgId).where("lifecycle", "<>", "retired").orderBy("code").execute(),
    db.selectFrom("assessments").select(["system_id", "framework_id"]).where("org_id", "=", orgId).execute(),
  ]);

  // Systems past their review date: the inventory's own filter, page by page up to the list's length.
  const overdueItems: SystemRow[] = [];
  let overdueTotal = 0;
  for (let offset = 0; overdueItems.length < LIST_ROWS; offset += MAX_LIMIT) {
    const page = await listSystems(db, orgId, listSystemsQuery.parse({ limit: Math.min(MAX_LIMIT, LIST_ROWS - overdueItems.length), offset, sort: "nextReviewAt", reviewOverdue: "true" }), today, { exactTotal: true });
    overdueItems.push(...page.items);
    overdueTotal = page.total;
    if (page.items.length === 0 || overdueItems.length >= page.total) break;
  }

  const links = seriousRows.length
    ? await db
        .selectFrom("incident_links as l")
        .innerJoin("ai_systems as s", (j) => j.onRef("s.id", "=", "l.target_id").on("s.org_id", "=", orgId))
        .select(["l.incident_id", "s.code"])
        .where("l.org_id", "=", orgId)
        .where("l.target_type", "=", "system")
        .where("l.incident_id", "in", seriousRows.map((r) => r.id))
        .orderBy("s.code")
        .execute()
    : [];

  const byMonth = new Map(monthsOf(period.from, period.to).map((m) => [m, 0]));
  for (const r of registered) {
    const m = dayIn(r.created_at, timeZone).slice(0, 7);
    if (byMonth.has(m)) byMonth.set(m, byMonth.get(m)! + 1);
  }

  const bySeverity: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  let incidentTotal = 0;
  for (const g of incidentGroups) {
    const n = Number(g.n);
    bySeverity[g.severity] = (bySeverity[g.severity] ?? 0) + n;
    byStatus[g.status] = (byStatus[g.status] ?? 0) + n;
    incidentTotal += n;
  }

  const bandCounts = matrix.bands.map(() => 0);
  let aboveTotal = 0;
  for (const c of cellCounts) {
    const b = matrix.cells[Number(c.l) - 1]?.[Number(c.i) - 1];
    if (b === undefined) continue;
    bandCounts[b]! += Number(c.n);
    if (top.includes(b)) aboveTotal += Number(c.n);
  }

  const assessedBy = new Map<string, Set<string>>();
  for (const a of assessed) (assessedBy.get(a.system_id) ?? assessedBy.set(a.system_id, new Set()).get(a.system_id)!).add(a.framework_id);
  const notAssessed: BoardReportData["notAssessed"]["items"] = [];
  let notAssessedTotal = 0;
  for (const s of systems) {
    const done = assessedBy.get(s.id);
    const missing = (JSON.parse(s.frameworks) as string[]).filter((f) => !done?.has(f) && library.current.has(f));
    if (missing.length === 0) continue;
    notAssessedTotal++;
    if (notAssessed.length < LIST_ROWS) notAssessed.push({ code: s.code, nameJa: s.name_ja, nameEn: s.name_en, lifecycle: s.lifecycle, missing: missing.map((f) => frameworkLabel(library.current.get(f)!.file)) });
  }

  const count = (action: string) => Number(activity.find((a) => a.action === action)?.n ?? 0);
  return {
    generatedAt: now.toISOString(),
    timeZone,
    today,
    org: { nameJa: org.name_ja, nameEn: org.name_en },
    period,
    dashboard,
    registeredByMonth: [...byMonth.entries()].map(([month, n]) => ({ month, n })),
    activity: { answersChanged: count("assessment_item.updated"), signOffs: count("assessment.signed_off") },
    overdueSystems: { total: overdueTotal, items: overdueItems },
    overdueRisks: { total: Number(overdueRiskCount.n), items: overdueRiskRows.map((r) => boardRisk(r, matrix)) },
    incidents: {
      total: incidentTotal,
      bySeverity,
      byStatus,
      serious: { total: Number(seriousCount.n), items: seriousRows.map((r) => ({ code: r.code, title: r.title, severity: r.severity, status: r.status, detectedAt: r.detected_at, systems: links.filter((l) => l.incident_id === r.id).map((l) => l.code) })) },
    },
    risks: {
      bands: top.map((b) => ({ ja: matrix.bands[b]!.ja, en: matrix.bands[b]!.en })),
      byBand: matrix.bands.map((b, k) => ({ band: { ja: b.ja, en: b.en }, n: bandCounts[k]! })).reverse(),
      above: { total: aboveTotal, items: aboveRows.map((r) => boardRisk(r, matrix)) },
    },
    notAssessed: { total: notAssessedTotal, items: notAssessed },
  };
}
