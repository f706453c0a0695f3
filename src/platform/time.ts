/**
 * Timestamps are stored as fixed-width ISO-8601 UTC strings on both dialects, so they sort as text,
 * hash identically in the audit ledger and survive a backup/restore bit for bit.
 */
export function nowIso(): string {
  return new Date().toISOString();
}

export function isoPlus(ms: number, from: Date = new Date()): string {
  return new Date(from.getTime() + ms).toISOString();
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** One cached formatter per (locale, zone, kind): building an Intl formatter costs far more than using one. */
function formatter(locale: string, timeZone: string, kind: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${kind}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formats.set(key, f);
  }
  return f;
}

/** Today's date as YYYY-MM-DD in `timeZone` (an organisation's day starts at its own midnight). */
export function todayIn(timeZone: string, now = new Date()): string {
  return formatter("en-CA", timeZone, "day", { year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/**
 * Today's date as YYYY-MM-DD in Japan. Only where Japan's day is meant (the demo's Tokyo
 * organisation, CLI commands with no organisation): anything an organisation sees or is held to
 * uses its own day (`todayIn(actor.timeZone)`, `orgToday`).
 */
export function todayInTokyo(now = new Date()): string {
  return todayIn("Asia/Tokyo", now);
}

/** The calendar day of an instant in `timeZone`, as YYYY-MM-DD (an incident at 00:30 UTC is the same day in Tokyo). */
export function dayIn(iso: string, timeZone: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : todayIn(timeZone, d);
}

/**
 * An instant as people read it, in an organisation's time zone and the reader's language, with the
 * zone named so nobody mistakes it for their own: "2026年11月20日 9:30 JST" / "20 Nov 2026, 09:30 GMT+9".
 * `date` gives the day alone (no zone: a day needs none once it is the organisation's).
 */
export function formatInstant(iso: string, timeZone: string, locale: "ja" | "en", kind: "dateTime" | "date" = "dateTime"): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const tag = locale === "ja" ? "ja-JP" : "en-GB";
  if (kind === "date") return formatter(tag, timeZone, "date", { dateStyle: locale === "ja" ? "long" : "medium" }).format(d);
  const text = formatter(tag, timeZone, "dateTime", { dateStyle: locale === "ja" ? "long" : "medium", timeStyle: "short" }).format(d);
  return `${text} ${zoneName(d, timeZone)}`;
}

/**
 * The zone's short name at `d`: "JST", "CET", "PST", or "GMT+5:30" where no abbreviation is in common
 * use. en-US names American zones, en-GB European ones; Japan's is named here since neither does.
 */
export function zoneName(d: Date, timeZone: string): string {
  if (timeZone === "Asia/Tokyo") return "JST";
  const part = (tag: string) => formatter(tag, timeZone, "zone", { timeZoneName: "short" }).formatToParts(d).find((p) => p.type === "timeZoneName")?.value;
  const us = part("en-US");
  if (us && !us.startsWith("GMT")) return us;
  return part("en-GB") ?? us ?? timeZone;
}

/** A calendar date `days` after an ISO date (negative for before); no time zones involved. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A calendar date `months` after an ISO date, clamped to the month's end (Jan 31 + 1 → Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12), nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${String(ny).padStart(4, "0")}-${String(nm + 1).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/**
 * The instant (ISO, UTC) at which `date` begins in `timeZone`: the bound for "recorded on or after
 * this day" when a period is given in the organisation's days and records carry UTC instants.
 */
export function midnightIn(date: string, timeZone: string): string {
  const guess = Date.parse(`${date}T00:00:00Z`);
  const parts = formatter("en-CA", timeZone, "wall", { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).formatToParts(new Date(guess));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "00";
  const wall = Date.parse(`${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}:${get("second")}Z`);
  return new Date(guess - (wall - guess)).toISOString();
}
