import { AppError } from "../platform/errors.ts";
import { fieldText } from "../platform/http/field-messages.ts";
import { addDays, addMonths, midnightIn } from "../platform/time.ts";
import { fiscalYearOf } from "../workflow/periods.ts";
import type { BoardParams } from "./reports.schema.ts";

/** The longest period a board report covers: its months are charted one bar each. */
export const MAX_PERIOD_YEARS = 5;

export interface BoardPeriod {
  from: string;
  to: string;
  /** The fiscal year's name (`FY2026`) when the period is one whole fiscal year. */
  fiscalYear: string | null;
  /** The instants that bound the period in the organisation's zone, for records stamped in UTC. */
  startAt: string;
  endAt: string;
}

/**
 * The period a board report covers: the days asked for, or by default the organisation's current
 * fiscal year (年度, named by the calendar year it starts in). A missing end is the end of the
 * start's fiscal year, a missing start the start of the end's. A period that ends before it starts,
 * or runs longer than {@link MAX_PERIOD_YEARS} years, is refused with a 400 naming `to`.
 */
export function boardPeriod(params: BoardParams, calendar: { fyStart: number; timeZone: string; today: string }): BoardPeriod {
  const from = params.from ?? fiscalYearOf(params.to ?? calendar.today, calendar.fyStart).start;
  const to = params.to ?? fiscalYearOf(from, calendar.fyStart).end;
  if (to < from || to > addDays(addMonths(from, 12 * MAX_PERIOD_YEARS), -1)) {
    throw new AppError(400, "validation_failed", [{ field: "query.to", code: "invalid_period", message: fieldText("period_order") }]);
  }
  const fy = fiscalYearOf(from, calendar.fyStart);
  return { from, to, fiscalYear: fy.start === from && fy.end === to ? fy.key.slice(2) : null, startAt: midnightIn(from, calendar.timeZone), endAt: midnightIn(addDays(to, 1), calendar.timeZone) };
}

/** The months (YYYY-MM) the period touches, in order. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = `${from.slice(0, 7)}-01`; m.slice(0, 7) <= to.slice(0, 7); m = addMonths(m, 1)) out.push(m.slice(0, 7));
  return out;
}
