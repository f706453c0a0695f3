import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";
import { orgSettings } from "../../orgs/orgs.schema.ts";
import { addDays, midnightIn, todayIn } from "../../platform/time.ts";
import { fiscalYearOf } from "../../workflow/periods.ts";

type Q = Kysely<Database> | Transaction<Database>;

/** The organisation's fiscal-year start, its time zone and its today, from one read of its settings. */
export async function readOrgCalendar(db: Q, orgId: string, now = new Date()): Promise<{ fyStart: number; timeZone: string; today: string }> {
  const org = await db.selectFrom("organizations").select("settings").where("id", "=", orgId).executeTakeFirstOrThrow();
  const settings = orgSettings.parse(JSON.parse(org.settings));
  return { fyStart: settings.fiscalYearStartMonth, timeZone: settings.timezone, today: todayIn(settings.timezone, now) };
}

/**
 * A reporting year: the organisation's fiscal year named by the calendar year it starts in
 * (年度: with an April start, 2026 is 2026-04-01 – 2027-03-31), with the instants that bound it in
 * the organisation's time zone, for records stamped in UTC.
 */
export function reportingPeriod(year: number, fyStart: number, timeZone: string): { start: string; end: string; startAt: string; endAt: string } {
  const p = fiscalYearOf(`${year}-${String(fyStart).padStart(2, "0")}-01`, fyStart);
  return { start: p.start, end: p.end, startAt: midnightIn(p.start, timeZone), endAt: midnightIn(addDays(p.end, 1), timeZone) };
}
