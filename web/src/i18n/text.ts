import type { BilingualText, Locale } from "../api/types.ts";

export interface PickedText {
  text: string;
  /** The language of `text`. */
  lang: Locale;
  /** True when the UI language is missing and the other language stands in. */
  fallback: boolean;
}

/** The UI language's version of a library text, else the other language's (marked as a fallback). */
export function pickText(text: BilingualText | undefined | null, lang: Locale): PickedText | undefined {
  if (!text) return undefined;
  const own = text[lang];
  if (own) return { text: own, lang, fallback: false };
  const other: Locale = lang === "ja" ? "en" : "ja";
  const theirs = text[other];
  return theirs ? { text: theirs, lang: other, fallback: true } : undefined;
}

/** The same as plain text, for places that take a string (options, titles, sorting). */
export function plainText(text: BilingualText | undefined | null, lang: Locale): string {
  return pickText(text, lang)?.text ?? "";
}

/** A node's title, unless it only repeats the label (some sources title a section by its own name). */
export function distinctTitle(label: BilingualText, title: BilingualText | undefined, lang: Locale): BilingualText | undefined {
  if (!title) return undefined;
  return plainText(title, lang) === plainText(label, lang) ? undefined : title;
}

const JAPANESE_SCRIPT = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/**
 * The language of a one-language text the source gives as it is (a licence's name, an
 * attribution): "ja" when it holds kana or kanji, else "en" — so it is marked for screen readers
 * and read as quoted, not as Musubi's own words.
 */
export function scriptLang(text: string): Locale {
  return JAPANESE_SCRIPT.test(text) ? "ja" : "en";
}
