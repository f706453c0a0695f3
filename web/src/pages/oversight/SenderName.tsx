import type { Names } from "../../api/oversight.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** The organisation that sent a submission, by the name it registered with, or "a report from the public". */
export function SenderName({ sender }: { sender: { name: Names } | null }) {
  const { t } = useI18n();
  if (!sender) return <span className="muted">{t("oversight.sender.public")}</span>;
  return <NameText name={sender.name} />;
}

/** A name given in both languages, in the UI language (the other when that one is empty), marked with its language. */
export function NameText({ name }: { name: Names }) {
  const { lang } = useI18n();
  const own = name[lang];
  const other = lang === "ja" ? "en" : "ja";
  return own ? <span lang={lang}>{own}</span> : <span lang={other}>{name[other]}</span>;
}
