import { useI18n } from "../../i18n/I18nProvider.tsx";

/** A text in one language, marked so; "no answer" in the UI language when it is empty. */
export function LangText({ text, lang }: { text: string; lang: "ja" | "en" }) {
  const { t } = useI18n();
  if (!text.trim()) return <p className="muted">{t("disclosures.answer.empty")}</p>;
  return (
    <p className="pre-text" lang={lang}>
      {text}
    </p>
  );
}
