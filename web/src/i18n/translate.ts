import type { Locale } from "../api/types.ts";
import { en, type MessageKey } from "./en.ts";
import { ja } from "./ja.ts";
import { zoneName } from "../../../src/platform/time.ts";
import { INTL_TAGS } from "./languages.ts";
import { displayTimeZone, zoneDiffersFromViewer } from "./zone.ts";

export type Params = Record<string, string | number>;

export const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { en, ja };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** Looks `key` up in `lang` and fills `{name}` placeholders from `params`. */
export function translate(lang: Locale, key: MessageKey, params?: Params): string {
  const text = DICTIONARIES[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Locale, kind: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const cacheKey = `${lang}:${kind}:${options.timeZone ?? ""}`;
  let f = formats.get(cacheKey);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_TAGS[lang], options);
    formats.set(cacheKey, f);
  }
  return f;
}

/**
 * An ISO timestamp on the organisation's clock (`timeZone`), in the UI language: `date`, `dateTime`
 * (to the minute) or `precise` (to the second, with the UTC offset, for the audit ledger). A
 * `dateTime` names its zone ("9:30 JST") when the viewer's browser is in another one, so nobody
 * reads an organisation's time as their own.
 */
export function formatDateTime(lang: Locale, iso: string, kind: "dateTime" | "date" | "precise" = "dateTime", timeZone = displayTimeZone()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (kind === "date") return formatter(lang, kind, { dateStyle: "medium", timeZone }).format(date);
  if (kind === "dateTime") {
    const text = formatter(lang, kind, { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
    return zoneDiffersFromViewer(timeZone) ? `${text} ${zoneName(date, timeZone)}` : text;
  }
  const text = formatter(lang, kind, { dateStyle: "medium", timeStyle: "medium", timeZone }).format(date);
  const offset = formatter(lang, "offset", { timeZoneName: "shortOffset", timeZone })
    .formatToParts(date)
    .find((p) => p.type === "timeZoneName")?.value;
  return offset ? `${text} (${offset})` : text;
}

/**
 * A calendar date as written in the sources (YYYY-MM-DD) in the UI language: "2027年12月2日" /
 * "2 Dec 2027". Read as a date, not an instant, so no time zone can move it a day. A date a
 * source gives only to the month or the year (`2022-03`, `2021`) is shown as that: "2022年3月" /
 * "March 2022", "2021年" / "2021" — never as the first of the month.
 */
export function formatDay(lang: Locale, day: string): string {
  if (/^\d{4}$/.test(day)) return lang === "ja" ? `${day}年` : day;
  const month = /^(\d{4})-(\d{2})$/.exec(day);
  if (month) return formatter(lang, "month-year", { year: "numeric", month: "long", timeZone: "UTC" }).format(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return formatter(lang, "day", { dateStyle: lang === "ja" ? "long" : "medium", timeZone: "UTC" }).format(utc);
}

/** A month number (1–12) as its name: 4 → "4月" / "April". */
export function formatMonth(lang: Locale, month: number): string {
  return new Intl.DateTimeFormat(INTL_TAGS[lang], { month: "long", timeZone: "UTC" }).format(Date.UTC(2000, month - 1, 1));
}

export function formatNumber(lang: Locale, n: number): string {
  return new Intl.NumberFormat(INTL_TAGS[lang]).format(n);
}
