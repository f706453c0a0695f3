import { useI18n } from "../../i18n/I18nProvider.tsx";

/** A text written in both languages: the UI language's first, the other beneath, each marked with its language. */
export function BilingualBody({ body }: { body: { ja: string; en: string } }) {
  const { t, lang } = useI18n();
  const other = lang === "ja" ? "en" : "ja";
  return (
    <div className="bilingual-body">
      {body[lang] ? (
        <p className="pre-text" lang={lang} data-testid="body-own">
          {body[lang]}
        </p>
      ) : (
        <p className="muted">{t("oversight.notStated")}</p>
      )}
      {body[other] && (
        <details className="disclosure">
          <summary className="disclosure__summary">{t(other === "en" ? "oversight.body.showEnglish" : "oversight.body.showJapanese")}</summary>
          <div className="disclosure__body">
            <p className="pre-text" lang={other}>
              {body[other]}
            </p>
          </div>
        </details>
      )}
    </div>
  );
}
