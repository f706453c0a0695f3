import type { BilingualText } from "../api/types.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { pickText } from "../i18n/text.ts";

interface LocalTextProps {
  text: BilingualText | undefined | null;
  /**
   * How a fallback to the other language is marked: `badge` says so in words ("English only"),
   * `compact` with a small language code for dense lists, `none` not at all (a heading above says it).
   */
  mark?: "badge" | "compact" | "none";
  className?: string;
}

/**
 * A library text in the UI language, or in the other one with a mark saying so. The `lang`
 * attribute follows the text, so screen readers and fonts treat Japanese as Japanese.
 */
export function LocalText({ text, mark = "badge", className }: LocalTextProps) {
  const { lang, t } = useI18n();
  const picked = pickText(text, lang);
  if (!picked) return null;
  return (
    <>
      <span lang={picked.lang} className={className}>
        {picked.text}
      </span>
      {picked.fallback && mark === "badge" && <span className="lang-fallback">{t("text.fallback")}</span>}
      {picked.fallback && mark === "compact" && (
        <span className="lang-fallback lang-fallback--compact" title={t("text.fallback")}>
          {t(picked.lang === "en" ? "text.code.en" : "text.code.ja")}
        </span>
      )}
    </>
  );
}
