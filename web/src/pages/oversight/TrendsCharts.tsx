import { useMemo } from "react";
import type { TrendDimension, TrendsView } from "../../api/oversight.ts";
import { Chart, type ChartOption } from "../../components/Chart.tsx";
import { CATEGORY_COLOURS } from "../../components/status-tones.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { plainText } from "../../i18n/text.ts";
import { navigate } from "../../router/router.tsx";
import { queuePath } from "./oversight-paths.ts";
import { formatYearMonth, monthlySeries } from "./trends-logic.ts";

/** The colour of the "others" stack in the monthly chart. */
const OTHERS = "#cbd5e1";

/**
 * The trend as two charts: submissions per value, largest first, and per month stacked by value.
 * A bar opens the queue narrowed to it (and to its month). The table beside them says the same.
 */
export function TrendsCharts({ view }: { view: TrendsView }) {
  const { t, lang, number } = useI18n();
  const dimension: TrendDimension = view.dimension;
  const series = useMemo(() => monthlySeries(view), [view]);
  const seriesName = (value: string | null) => (value === null ? t("oversight.trends.others") : plainText(view.buckets.find((b) => b.value === value)?.label, lang));

  const bars = useMemo<ChartOption>(() => {
    // ECharts draws the first category at the bottom: reverse so the largest is on top, as in the table.
    const shown = [...view.buckets].reverse();
    return {
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: "item" },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: shown.map((b) => plainText(b.label, lang)), axisLabel: { width: 220, overflow: "truncate" } },
      series: [{ type: "bar", name: t(`oversight.dimension.${dimension}`), barMaxWidth: 26, itemStyle: { color: CATEGORY_COLOURS[0] }, label: { show: true, position: "right" }, data: shown.map((b) => b.count) }],
    };
  }, [view, lang, t, dimension]);

  const monthly = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 12, selectedMode: false },
      tooltip: { trigger: "item" },
      xAxis: { type: "category", data: view.months.map((m) => formatYearMonth(lang, m.month, "short")) },
      yAxis: { type: "value", minInterval: 1 },
      series: series.map((s, i) => ({
        type: "bar" as const,
        name: seriesName(s.value),
        stack: "months",
        barMaxWidth: 36,
        itemStyle: { color: s.value === null ? OTHERS : CATEGORY_COLOURS[i % CATEGORY_COLOURS.length] },
        emphasis: { focus: "series" as const },
        data: s.counts,
      })),
    }),
    [view, series, lang],
  );

  const summary = view.buckets.map((b) => t("oversight.trends.summaryItem", { label: plainText(b.label, lang), count: number(b.count) })).join(t("oversight.listSeparator"));
  return (
    <div className="trends-charts">
      <figure className="trends-chart">
        <figcaption className="card__subtitle">{t("oversight.trends.byValue", { dimension: t(`oversight.dimension.${dimension}`) })}</figcaption>
        <Chart
          option={bars}
          label={t("oversight.trends.chartLabel", { dimension: t(`oversight.dimension.${dimension}`), summary })}
          height={56 + 34 * view.buckets.length}
          testId="trends-bar-chart"
          onSelect={({ dataIndex }) => {
            const bucket = view.buckets[view.buckets.length - 1 - dataIndex];
            if (bucket) navigate(queuePath({ dimension, value: bucket.value }));
          }}
        />
      </figure>
      <figure className="trends-chart">
        <figcaption className="card__subtitle">{t("oversight.trends.byMonth")}</figcaption>
        <Chart
          option={monthly}
          label={t("oversight.trends.monthlyLabel", { dimension: t(`oversight.dimension.${dimension}`) })}
          height={300}
          testId="trends-monthly-chart"
          onSelect={({ seriesIndex, dataIndex }) => {
            const s = series[seriesIndex];
            const month = view.months[dataIndex]?.month;
            if (!s || !month) return;
            navigate(s.value === null ? queuePath({ month }) : queuePath({ dimension, value: s.value, month }));
          }}
        />
      </figure>
    </div>
  );
}
