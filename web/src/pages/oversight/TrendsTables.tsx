import type { TrendsView } from "../../api/oversight.ts";
import { Disclosure } from "../../components/Disclosure.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { queuePath } from "./oversight-paths.ts";
import { NameText } from "./SenderName.tsx";
import { formatYearMonth, monthlySeries, percentOf } from "./trends-logic.ts";

/**
 * The charts' numbers as tables, for screen readers and for reading exact figures: per value with
 * its share (and, for sectors, per registered organisation), each a link to those submissions;
 * and per month, folded.
 */
export function TrendsTables({ view }: { view: TrendsView }) {
  const { t, number, lang } = useI18n();
  const dimension = view.dimension;
  const perOrg = dimension === "sector";
  const series = monthlySeries(view);
  const name = (value: string | null) => {
    const bucket = view.buckets.find((b) => b.value === value);
    return value === null || !bucket ? t("oversight.trends.others") : <NameText name={bucket.label} />;
  };
  return (
    <>
      <div className="table-wrap">
        <table className="table table--compact" data-testid="trends-table">
          <caption className="visually-hidden">{t("oversight.trends.byValue", { dimension: t(`oversight.dimension.${dimension}`) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t(`oversight.dimension.${dimension}`)}</th>
              <th scope="col" className="table__numeric">
                {t("oversight.trends.count")}
              </th>
              <th scope="col" className="table__numeric">
                {t("oversight.trends.share")}
              </th>
              {perOrg && (
                <th scope="col" className="table__numeric">
                  {t("oversight.trends.perOrganisation")}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {view.buckets.map((b) => (
              <tr key={b.value} data-testid="trends-row">
                <th scope="row" className="table__primary">
                  <Link to={queuePath({ dimension, value: b.value })} data-testid="trends-drill">
                    <NameText name={b.label} />
                  </Link>
                </th>
                <td className="table__numeric">{number(b.count)}</td>
                <td className="table__numeric">{t("oversight.trends.percent", { value: number(percentOf(b.share)) })}</td>
                {perOrg && <td className="table__numeric">{b.perOrganisation === null ? "—" : number(Math.round(b.perOrganisation * 100) / 100)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Disclosure summary={t("oversight.trends.monthlyTable")} testId="trends-monthly">
        {() => (
          <div className="table-wrap">
            <table className="table table--compact" data-testid="trends-monthly-table">
              <caption className="visually-hidden">{t("oversight.trends.byMonth")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("oversight.trends.month")}</th>
                  {series.map((s) => (
                    <th key={s.value ?? "others"} scope="col" className="table__numeric">
                      {name(s.value)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {view.months.map((m, i) => (
                  <tr key={m.month}>
                    <th scope="row">{formatYearMonth(lang, m.month)}</th>
                    {series.map((s) => (
                      <td key={s.value ?? "others"} className="table__numeric">
                        {s.counts[i] ? <Link to={s.value === null ? queuePath({ month: m.month }) : queuePath({ dimension, value: s.value, month: m.month })}>{number(s.counts[i])}</Link> : <span className="muted">{number(0)}</span>}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Disclosure>
    </>
  );
}
