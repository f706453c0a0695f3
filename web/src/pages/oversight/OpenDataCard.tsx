import { oversightApi, OPEN_DATA_FORMATS } from "../../api/oversight.ts";
import { Card } from "../../components/Card.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { formatYearMonth } from "./trends-logic.ts";

/**
 * The trends as open data for the period shown: every dimension by month and value, in CSV, Excel
 * or JSON. The server leaves out what senders marked confidential and suppresses counts below 3.
 */
export function OpenDataCard({ period }: { period: { from: string; to: string } }) {
  const { t, lang } = useI18n();
  return (
    <Card title={t("oversight.openData.title")} titleId="open-data-title" testId="open-data">
      <p className="card__hint">{t("oversight.openData.explain", { from: formatYearMonth(lang, period.from), to: formatYearMonth(lang, period.to) })}</p>
      <p className="card__hint" data-testid="open-data-note">
        {t("oversight.openData.note")}
      </p>
      <div className="open-data__links">
        {OPEN_DATA_FORMATS.map((format) => (
          <a key={format} className="button" href={oversightApi.openDataHref(format, period)} download data-testid={`open-data-${format}`}>
            {t(`oversight.openData.${format}`)}
          </a>
        ))}
      </div>
    </Card>
  );
}
