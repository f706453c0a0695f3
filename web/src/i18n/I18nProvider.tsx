import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { ApiError, configureClient } from "../api/client.ts";
import type { Locale } from "../api/types.ts";
import type { MessageKey } from "./en.ts";
import { browserLanguage, storedLanguage, storeLanguage } from "./languages.ts";
import { displayTimeZone, setDisplayTimeZone } from "./zone.ts";
import { formatDateTime, formatDay, formatMonth, formatNumber, isMessageKey, translate, type Params } from "./translate.ts";

export interface I18n {
  lang: Locale;
  /** The user's explicit choice: applied now and remembered on this browser. */
  setLanguage(lang: Locale): void;
  /** The signed-in user's preferred language, used unless a choice was made on this browser. */
  adoptDefault(lang: Locale): void;
  /** The organisation's time zone, which every time shown and every date typed follows (undefined: the browser's). */
  timeZone: string;
  adoptTimeZone(timeZone: string | undefined): void;
  t(key: MessageKey, params?: Params): string;
  /** Translates `prefix + value` when the dictionary knows it (audit actions, record types), else shows `value`. */
  label(prefix: string, value: string): string;
  dateTime(iso: string, kind?: "dateTime" | "date" | "precise"): string;
  /** A YYYY-MM-DD date from the library or a form, in the UI language. */
  day(day: string): string;
  month(month: number): string;
  number(n: number): string;
  /** What to tell the user about a failed request, in the current language. */
  errorMessage(error: unknown): string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Locale>(() => storedLanguage() ?? browserLanguage());
  const [timeZone, setTimeZone] = useState(displayTimeZone);
  configureClient({ language: lang });

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLanguage = useCallback((next: Locale) => {
    storeLanguage(next);
    configureClient({ language: next });
    setLang(next);
  }, []);

  const adoptDefault = useCallback((preferred: Locale) => {
    if (storedLanguage()) return;
    configureClient({ language: preferred });
    setLang(preferred);
  }, []);

  const adoptTimeZone = useCallback((zone: string | undefined) => {
    setDisplayTimeZone(zone);
    setTimeZone(displayTimeZone());
  }, []);

  const value = useMemo<I18n>(() => {
    const t = (key: MessageKey, params?: Params) => translate(lang, key, params);
    return {
      lang,
      setLanguage,
      adoptDefault,
      timeZone,
      adoptTimeZone,
      t,
      label: (prefix, value) => {
        const key = prefix + value;
        return isMessageKey(key) ? t(key) : value;
      },
      dateTime: (iso, kind) => formatDateTime(lang, iso, kind, timeZone),
      day: (d) => formatDay(lang, d),
      month: (m) => formatMonth(lang, m),
      number: (n) => formatNumber(lang, n),
      errorMessage: (error) => {
        if (!(error instanceof ApiError)) return t("error.unknown");
        // The server's message is already in the language it was asked in; after a switch, ours is.
        if (error.status !== 0 && error.locale === lang && error.message) return error.message;
        const key = `error.${error.code}`;
        return isMessageKey(key) ? t(key) : error.message || t("error.unknown");
      },
    };
  }, [lang, setLanguage, adoptDefault, timeZone, adoptTimeZone]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language, `t()` and the formatters. */
export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n() outside <I18nProvider>");
  return ctx;
}
