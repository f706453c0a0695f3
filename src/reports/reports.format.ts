import type { LibraryText } from "../systems/io/export.labels.ts";
import { textIn } from "../systems/io/export.labels.ts";
import { formatInstant } from "../platform/time.ts";
import { wordsFor, type Words } from "../incidents/report.labels.ts";
import { COMMON, fill, num } from "./reports.words.ts";

export type Lang = "ja" | "en";

/**
 * The small formatting helpers both reports and both formats share, bound to one language and
 * the organisation's time zone: words, library texts, dates, instants and "and N more".
 */
export function formatter(lang: Lang, timeZone: string) {
  const w = (x: Words) => x[lang];
  return {
    lang,
    w,
    /** A value of a stored vocabulary in words; an unknown value says so, never the raw id. */
    word: (table: Readonly<Record<string, Words>>, value: string) => wordsFor(table, value)[lang],
    /** A library text in `lang`, else in the language the library has. */
    lib: (t: LibraryText | undefined) => textIn(t, lang, COMMON.none[lang]),
    /** A system's name in `lang`. */
    name: (s: { nameJa: string; nameEn: string }) => (lang === "ja" ? s.nameJa : s.nameEn),
    at: (iso: string | null) => (iso ? formatInstant(iso, timeZone, lang) : COMMON.none[lang]),
    /** A calendar date (already the organisation's day): formatted, never shifted by a zone. */
    day: (date: string | null) => (date ? formatInstant(`${date}T00:00:00Z`, "UTC", lang, "date") : COMMON.none[lang]),
    num: (n: number) => num(n, lang),
    fill: (x: Words, values: Record<string, string | number>) => fill(x[lang], values),
    /** "and N more" under a list cut at `shown` of `total`, or nothing when all are shown. */
    more: (shown: number, total: number) => (total > shown ? fill(COMMON.andMore[lang], { n: num(total - shown, lang) }) : null),
  };
}
export type Formatter = ReturnType<typeof formatter>;
