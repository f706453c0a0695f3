import { useState } from "react";
import { oversightApi, TREND_DIMENSIONS, type TrendDimension } from "../../api/oversight.ts";
import { Card } from "../../components/Card.tsx";
import { LoadState } from "../../components/LoadState.tsx";
import { OptionSelect } from "../../components/OptionSelect.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { todayIn } from "../../../../src/platform/time.ts";
import { OpenDataCard } from "./OpenDataCard.tsx";
import { TrendsCharts } from "./TrendsCharts.tsx";
import { TrendsTables } from "./TrendsTables.tsx";
import { PERIODS, periodEnding, type Period } from "./trends-logic.ts";
import "./oversight.css";

/**
 * What organisations report, counted: by sector, harm, rights, technology, provider, role,
 * severity or kind, over a period of months — as charts, the same numbers as tables, a way into the
 * queue from each bar, and the open data file.
 */
export function TrendsPage() {
  const { t, number, timeZone } = useI18n();
  const [dimension, setDimension] = useState<TrendDimension>("sector");
  const [months, setMonths] = useState<Period>(12);
  const period = periodEnding(todayIn(timeZone), months);
  const key = `${dimension}|${period.from}|${period.to}`;
  const trends = useResource((signal) => oversightApi.trends({ dimension, ...period }, signal), key);
  const view = trends.data?.dimension === dimension ? trends.data : undefined;

  return (
    <div className="page-stack" data-testid="page-oversight-trends">
      <PageHeader title={t("oversight.trends.title")} subtitle={t("oversight.trends.subtitle")} />
      <div className="toolbar">
        <label className="toolbar__field">
          {t("oversight.trends.dimension")}
          <OptionSelect value={dimension} options={TREND_DIMENSIONS} label={(d) => t(`oversight.dimension.${d}`)} onChange={setDimension} testId="trends-dimension" />
        </label>
        <label className="toolbar__field">
          {t("oversight.trends.period")}
          <select className="input" value={months} onChange={(e) => setMonths(Number(e.target.value) as Period)} data-testid="trends-period">
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {t("oversight.trends.months", { count: number(p) })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Card title={t(`oversight.dimension.${dimension}`)} titleId="trends-title" testId="trends">
        {!view ? (
          <LoadState loading={trends.loading} error={trends.error} onRetry={trends.reload} />
        ) : (
          <>
            <p className="card__lead" data-testid="trends-total">
              {t("oversight.trends.total", { count: number(view.total) })}
              {view.withoutMonth > 0 && ` ${t("oversight.trends.withoutMonth", { count: number(view.withoutMonth) })}`}
            </p>
            {view.buckets.length === 0 ? (
              <p className="muted" data-testid="trends-empty">
                {t("oversight.trends.empty")}
              </p>
            ) : (
              <>
                <TrendsCharts view={view} />
                <TrendsTables view={view} />
              </>
            )}
          </>
        )}
      </Card>
      <OpenDataCard period={period} />
    </div>
  );
}
