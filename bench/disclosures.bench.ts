import type { Insertable } from "kysely";
// Issue 15's figures for disclosures: the HAIP report's prefill, one system card, and every card of
// the organisation one after another, with 10,000 systems, 50,000 risks and 100,000 incidents.
import type { Database } from "../src/db/schema.ts";
import { refreshPlannerStatistics } from "../src/db/maintenance.ts";
import { buildSystemCard } from "../src/disclosures/system-card.ts";
import { exportSystemCards } from "../src/disclosures/system-cards.bulk.ts";
import { getLibrary } from "../src/library/library.runtime.ts";
import { prefill } from "../src/disclosures/haip/haip.prefill.ts";
import { readOrgCalendar, reportingPeriod } from "../src/disclosures/haip/haip.period.ts";
import { PREFILL_KEYS } from "../src/disclosures/haip/questionnaire.schema.ts";
import { newId } from "../src/platform/ids.ts";
import { prng } from "../src/applicability/profile.random.ts";
import { seedCompliance } from "./lib/compliance.seed.ts";
import { dialects, openBenchDb } from "./lib/db.ts";
import { figure, progress, type BenchResult, type Figure } from "./lib/report.ts";
import { median, percentile } from "./lib/stats.ts";

const SYSTEMS = Number(process.env.MUSUBI_BENCH_CARD_SYSTEMS ?? 10_000);
const RISKS = Number(process.env.MUSUBI_BENCH_CARD_RISKS ?? 50_000);
const INCIDENTS = Number(process.env.MUSUBI_BENCH_CARD_INCIDENTS ?? 100_000);
/** Prefill runs timed (each drafts every answer the data supports). */
const PREFILL_RUNS = 5;
/** Cards timed one by one (random systems); the whole-organisation run builds every card. */
const SAMPLES = 200;

type Rows<T extends keyof Database> = Insertable<Database[T]>[];

/** Risks and incidents spread over the systems (incidents linked to one system each), inserted as rows. */
async function seedRisksAndIncidents(b: Awaited<ReturnType<typeof openBenchDb>>, orgId: string, systems: string[]): Promise<void> {
  const now = new Date().toISOString();
  const rnd = prng(15);
  const risks: Rows<"risks"> = [];
  for (let i = 0; i < RISKS; i++) {
    const l = 1 + Math.floor(rnd() * 5), im = 1 + Math.floor(rnd() * 5);
    risks.push({ id: newId("rsk"), org_id: orgId, code: `RSK-${String(i + 1).padStart(6, "0")}`, title_ja: `リスク ${i}`, title_en: `Risk ${i}`, description: "", system_id: systems[i % systems.length]!, categories: "[]", perspectives: "[]", owner_id: null, status: "open", inherent_likelihood: l, inherent_impact: im, residual_likelihood: null, residual_impact: null, treatment: "mitigate", treatment_plan: "", accepted_by: null, accepted_at: null, acceptance_expires_on: null, acceptance_note: null, last_reviewed_at: null, next_review_on: null, created_at: now, updated_at: now, version: 1 });
  }
  for (let i = 0; i < risks.length; i += 400) await b.db.kysely.insertInto("risks").values(risks.slice(i, i + 400)).execute();
  progress(`${b.dialect}: seeded ${RISKS} risks`);
  for (let start = 0; start < INCIDENTS; start += 10_000) {
    const incidents: Rows<"incidents"> = [];
    const links: Rows<"incident_links"> = [];
    for (let i = start; i < Math.min(INCIDENTS, start + 10_000); i++) {
      const id = newId("inc");
      incidents.push({ id, org_id: orgId, code: `INC-${String(i + 1).padStart(6, "0")}`, title: `事案 ${i}`, summary: "", status: "closed", severity: "medium", occurred_at: null, occurred_on: null, detected_at: now, source: "api", external_key: null, reported_by: null, owner_id: null, harm_level: "unclear", harm_types: "[]", harm_basis: "[]", categories: "[]", rights: "[]", affected_parties: "", people_affected: null, lives_lost: null, injuries: null, personal_data: "unknown", data_subjects: null, sensitive_data: "unknown", root_cause: "", search_text: `事案 ${i}`, closed_at: null, closed_by: null, created_at: now, updated_at: now, version: 1 });
      links.push({ org_id: orgId, incident_id: id, target_type: "system", target_id: systems[Math.floor(rnd() * systems.length)]! });
    }
    await b.db.kysely.transaction().execute(async (trx) => {
      for (let i = 0; i < incidents.length; i += 300) await trx.insertInto("incidents").values(incidents.slice(i, i + 300)).execute();
      for (let i = 0; i < links.length; i += 1000) await trx.insertInto("incident_links").values(links.slice(i, i + 1000)).execute();
    });
  }
  progress(`${b.dialect}: seeded ${INCIDENTS} incidents`);
}

export async function disclosuresBench(): Promise<BenchResult> {
  const figures: Figure[] = [];
  const notes: string[] = [
    `seeded: ${SYSTEMS.toLocaleString("en")} systems (5 frameworks in scope, 20 assessment rows each), ${RISKS.toLocaleString("en")} risks and ${INCIDENTS.toLocaleString("en")} incidents spread over them, in one organisation; cards built in-process (buildSystemCard), no cache`,
  ];
  const library = getLibrary();
  for (const dialect of dialects()) {
    const b = await openBenchDb(dialect);
    try {
      const seed = await seedCompliance(b.db, library, { systems: SYSTEMS, items: SYSTEMS * 20, frameworks: 5 });
      const systems = (await b.db.kysely.selectFrom("ai_systems").select("id").where("org_id", "=", seed.orgId).orderBy("id").execute()).map((r) => r.id);
      await seedRisksAndIncidents(b, seed.orgId, systems);
      await refreshPlannerStatistics(b.db, { full: true });

      const calendar = await readOrgCalendar(b.db.kysely, seed.orgId);
      const ctx = { db: b.db.kysely, library, orgId: seed.orgId, period: reportingPeriod(Number(calendar.today.slice(0, 4)) - (Number(calendar.today.slice(5, 7)) < calendar.fyStart ? 1 : 0), calendar.fyStart, calendar.timeZone), today: calendar.today };
      const prefills: number[] = [];
      for (let i = 0; i < PREFILL_RUNS; i++) {
        const t0 = performance.now();
        const drafted = await prefill(ctx, PREFILL_KEYS);
        prefills.push(performance.now() - t0);
        if (drafted.size !== PREFILL_KEYS.length) throw new Error("not every answer was drafted");
      }
      figures.push(figure({ bench: "disclosures", name: `HAIP report prefill: every answer Musubi drafts (${PREFILL_KEYS.length} drafts), median of ${PREFILL_RUNS}`, db: dialect, value: median(prefills) / 1000, unit: "s", target: { op: "<", value: 2 }, detail: { min: Math.min(...prefills) / 1000, max: Math.max(...prefills) / 1000 } }));

      const rnd = prng(7);
      const one: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const id = systems[Math.floor(rnd() * systems.length)]!;
        const t0 = performance.now();
        await buildSystemCard(b.db.kysely, library, seed.orgId, id);
        one.push(performance.now() - t0);
      }
      figures.push(figure({ bench: "disclosures", name: `system card for one system, median of ${SAMPLES} random systems`, db: dialect, value: median(one), unit: "ms", target: { op: "<", value: 50 }, detail: { p95: percentile(one, 95), max: Math.max(...one) } }));

      const t0 = performance.now();
      let reports = 0;
      const all = await exportSystemCards(b.db.kysely, library, seed.orgId, (done, total) => {
        reports++;
        if (done % 2_000 === 0 && done > 0) progress(`${dialect}: ${done} of ${total} cards`);
      });
      const seconds = (performance.now() - t0) / 1000;
      figures.push(figure({ bench: "disclosures", name: `every card of the organisation (${all.cards.toLocaleString("en")}) as one export (JSON Lines, gzip), with progress`, db: dialect, value: seconds, unit: "s", target: { op: "<", value: 60 }, detail: { compressedMegabytes: Math.round(all.bytes.byteLength / 1e5) / 10, progressReports: reports } }));
    } finally {
      await b.cleanup();
    }
  }
  return { bench: "disclosures", figures, notes };
}
