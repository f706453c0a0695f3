import { LOCALES, type Locale } from "../api/types.ts";

/**
 * Each language's name in that language, for the language switch. Deliberately not translated:
 * someone who cannot read the current language must still find their own.
 */
export const NATIVE_LANGUAGE_NAMES: Record<Locale, string> = { ja: "日本語", en: "English" };

/** BCP 47 tags for Intl: British English matches the UI's spelling and a 24-hour clock. */
export const INTL_TAGS: Record<Locale, string> = { ja: "ja-JP", en: "en-GB" };

const STORAGE_KEY = "musubi.language";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The language the user chose on this browser, if any. */
export function storedLanguage(): Locale | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function storeLanguage(lang: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

/** The browser's language when it is one Musubi speaks; Japanese otherwise. */
export function browserLanguage(): Locale {
  const candidates = typeof navigator === "undefined" ? [] : [...(navigator.languages ?? []), navigator.language];
  for (const tag of candidates) {
    const lang = tag?.slice(0, 2).toLowerCase();
    if (isLocale(lang)) return lang;
  }
  return "ja";
}
