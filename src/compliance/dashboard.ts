import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../db/schema.ts";
import type { Library } from "../library/library.model.ts";
import { frameworkLabel } from "../library/library.present.ts";
import { defineRoute } from "../platform/http/route.ts";
import { todayIn } from "../platform/time.ts";
import { EU_RISK_SCHEME } from "../systems/systems.classify.ts";
import { LIFECYCLE, systemRow } from "../systems/systems.schema.ts";
import { listSystems } from "../systems/systems.store.ts";
import { refOf } from "./assessments.read.ts";
import { counts, requirementRef } from "./assessments.schema.ts";
import { COUNTERS } from "./counters.ts";
import { evidenceView } from "./evidence.schema.ts";
import { addDays, presentEvidence } from "./evidence.service.ts";
import { EXPIRY_WARNING_DAYS } from "./evidence.schema.ts";
import { GAP_STATUSES, ITEM_STATUSES, type ItemStatus } from "./statuses.ts";

const text = z.object({ ja: z.string().optional(), en: z.string().optional() });

export const dashboardView = z.object({
  totals: z.object({ systems: z.number().int() }),
  frameworks: z.array(z.object({ framework: z.string(), name: text, inScope: z.number().int(), assessed: z.number().int(), counts, total: z.number().int() })),
  /**
   * Systems by the class the EU AI Act gives them. `later`: how many of them have that class only
   * from a later date (a high-risk system whose obligations start on 2027-12-02), by date.
   */
  euClass: z.array(z.object({ value: z.string(), label: text, n: z.number().int(), later: z.array(z.object({ from: z.string(), n: z.number().int() })) })),
  lifecycle: z.array(z.object({ value: z.enum(LIFECYCLE), n: z.number().int() })),
  overdueReviews: z.object({ count: z.number().int(), items: z.array(systemRow) }),
  expiringEvidence: z.object({ count: z.number().int(), expired: z.number().int(), items: z.array(evidenceView) }),
  topGaps: z.array(z.object({ urn: z.string(), requirement: requirementRef, notMet: z.number().int(), partiallyMet: z.number().int() })),
});
export type DashboardView = z.infer<typeof dashboardView>;

const SMALL_FAMILIES = [COUNTERS.lifecycle, COUNTERS.euClass, COUNTERS.euClassFrom, COUNTERS.scope, COUNTERS.assessed, COUNTERS.posture];

/**
 * The organisation's posture. Totals come from the counters kept with every change (one read of
 * a few hundred rows); the lists are index range reads. The cost does not grow with the number of
 * systems or requirement statuses: seven statements in all.
 */
export async function readDashboard(db: Kysely<Database>, library: Library, orgId: string, today: string): Promise<DashboardView> {
  const soon = addDays(today, EXPIRY_WARNING_DAYS);
  const [small, gaps, overdue, evidenceCounts, evidenceRows] = await Promise.all([
    db.selectFrom("counters").select(["name", "key", "n"]).where("org_id", "=", orgId).where("name", "in", SMALL_FAMILIES).where("n", "<>", 0).execute(),
    db
      .selectFrom("counters")
      .select(["key", "n"])
      .where("org_id", "=", orgId)
      .where("name", "=", COUNTERS.requirement)
      .where((eb) => eb.or(GAP_STATUSES.map((s) => eb("key", "like", `%|${s}`))))
      .where("n", ">", 0)
      .orderBy("n", "desc")
      .limit(40)
      .execute(),
    listSystems(db, orgId, { limit: 5, offset: 0, sort: "nextReviewAt", reviewOverdue: true }, today, { exactTotal: true }),
    db
      .selectFrom("evidence")
      .select([(eb) => eb.fn.countAll<number>().as("n"), (eb) => eb.fn.sum<number>(eb.case().when("valid_until", "<", today).then(1).else(0).end()).as("expired")])
      .where("org_id", "=", orgId)
      .where("valid_until", "<=", soon)
      .executeTakeFirstOrThrow(),
    db.selectFrom("evidence").selectAll().where("org_id", "=", orgId).where("valid_until", "<=", soon).orderBy("valid_until").orderBy("id").limit(5).execute(),
  ]);

  const family = (name: string) => new Map(small.filter((r) => r.name === name).map((r) => [r.key, Number(r.n)]));
  const lifecycle = family(COUNTERS.lifecycle);
  const euClass = family(COUNTERS.euClass);
  const scope = family(COUNTERS.scope);
  const assessed = family(COUNTERS.assessed);
  const posture = family(COUNTERS.posture);

  const frameworkIds = [...new Set([...scope.keys(), ...assessed.keys()])].filter((f) => library.current.has(f)).sort();
  const frameworks = frameworkIds.map((framework) => {
    const c = Object.fromEntries(ITEM_STATUSES.map((s) => [s, posture.get(`${framework}|${s}`) ?? 0])) as Record<ItemStatus, number>;
    const file = library.current.get(framework)!.file;
    return { framework, name: frameworkLabel(file), inScope: scope.get(framework) ?? 0, assessed: assessed.get(framework) ?? 0, counts: c, total: Object.values(c).reduce((a, b) => a + b, 0) };
  });

  const scheme = library.compiled.schemes.get(EU_RISK_SCHEME);
  const labelOf = (value: string) => scheme?.values.find((v) => v.id === value)?.label ?? { en: value };
  const euClassFrom = [...family(COUNTERS.euClassFrom).entries()];
  const laterOf = (value: string) =>
    euClassFrom
      .filter(([key, n]) => n > 0 && key.startsWith(`${value}|`) && key.slice(value.length + 1) > today)
      .map(([key, n]) => ({ from: key.slice(value.length + 1), n }))
      .sort((a, b) => a.from.localeCompare(b.from));
  const euRows = [...euClass.entries()].map(([value, n]) => ({ value, label: value === "none" ? { en: "Not classified", ja: "未分類" } : labelOf(value), n, later: laterOf(value) }));

  const byUrn = new Map<string, { notMet: number; partiallyMet: number }>();
  for (const g of gaps) {
    const cut = g.key.lastIndexOf("|");
    const urn = g.key.slice(0, cut);
    const e = byUrn.get(urn) ?? { notMet: 0, partiallyMet: 0 };
    if (g.key.endsWith("|not_met")) e.notMet += Number(g.n);
    else e.partiallyMet += Number(g.n);
    byUrn.set(urn, e);
  }
  const topGaps = [...byUrn.entries()]
    .sort((a, b) => b[1].notMet + b[1].partiallyMet - (a[1].notMet + a[1].partiallyMet) || a[0].localeCompare(b[0]))
    .slice(0, 10)
    .map(([urn, v]) => ({ urn, requirement: refOf(library, urn), ...v }));

  return {
    totals: { systems: [...lifecycle.values()].reduce((a, b) => a + b, 0) },
    frameworks,
    euClass: euRows.sort((a, b) => b.n - a.n),
    lifecycle: LIFECYCLE.map((value) => ({ value, n: lifecycle.get(value) ?? 0 })),
    overdueReviews: { count: overdue.total, items: overdue.items },
    expiringEvidence: { count: Number(evidenceCounts.n), expired: Number(evidenceCounts.expired ?? 0), items: await presentEvidence(db, orgId, evidenceRows, today) },
    topGaps,
  };
}

export const dashboardRoutes = [
  defineRoute({
    method: "get",
    path: "/api/dashboard",
    summary: "Organisation posture: per framework, by EU AI Act class and lifecycle, overdue reviews, expiring evidence, top gaps",
    tag: "dashboard",
    cache: "ledger-daily",
    access: { permission: "dashboard.read" },
    response: dashboardView,
    handler: ({ deps, actor }) => readDashboard(deps.db.kysely, deps.library, actor.orgId, todayIn(actor.timeZone)),
  }),
];
