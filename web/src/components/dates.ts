import { displayTimeZone, instantOfWallClock, wallClock } from "../i18n/zone.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/** Today as YYYY-MM-DD in the organisation's time zone (its day, whichever zone the viewer is in). */
export function todayIso(now: Date = new Date(), timeZone = displayTimeZone()): string {
  const w = wallClock(now, timeZone);
  return `${w.y}-${pad(w.mo)}-${pad(w.d)}`;
}

/** An instant as `datetime-local` text on the organisation's clock ("2026-04-01T09:30"). */
export function zonedInputOf(date: Date, timeZone = displayTimeZone()): string {
  const w = wallClock(date, timeZone);
  return `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}`;
}

/** `datetime-local` text read on the organisation's clock, as an instant; undefined if it is no time. */
export function instantOfZonedInput(text: string, timeZone = displayTimeZone()): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return undefined;
  return instantOfWallClock(y, mo, d, h, mi, timeZone);
}

/** A YYYY-MM-DD date `months` later; the 31st of a short month becomes its last day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** A YYYY-MM-DD date `days` later (or earlier). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
