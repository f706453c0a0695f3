import { useState } from "react";
import { HAIP_DOCUMENT_FORMATS, haipApi } from "../../api/disclosures.ts";
import { LOCALES, type Locale } from "../../api/types.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** The report as a file: JSON (the data), and a page, PDF or Word document in the language chosen. */
export function ReportDownloads({ reportId }: { reportId: string }) {
  const { t, lang } = useI18n();
  const [docLang, setDocLang] = useState<Locale>(lang);
  return (
    <div className="haip-downloads" data-testid="haip-downloads">
      <label className="haip-downloads__lang">
        <span className="field__label">{t("disclosures.download.lang")}</span>
        <select className="input input--compact" value={docLang} onChange={(e) => setDocLang(e.target.value as Locale)} data-testid="haip-download-lang">
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </select>
      </label>
      {HAIP_DOCUMENT_FORMATS.map((f) => (
        <a
          key={f}
          className="button button--small"
          href={haipApi.documentHref(reportId, f, docLang)}
          {...(f === "html" ? { target: "_blank", rel: "noopener" } : { download: "" })}
          data-testid={`haip-download-${f}`}
        >
          {t(`disclosures.download.${f}`)}
        </a>
      ))}
    </div>
  );
}
