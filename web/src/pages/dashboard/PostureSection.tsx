import { useMemo } from "react";
import type { DashboardView } from "../../api/compliance.ts";
import { Chart, type ChartOption } from "../../components/Chart.tsx";
import { ITEM_STATUS_LABELS, ITEM_STATUS_ORDER, ITEM_STATUS_TONES } from "../../components/status-tones.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { plainText } from "../../i18n/text.ts";
import { navigate } from "../../router/router.tsx";
import { drill } from "./drill.ts";
import { PostureTable } from "./PostureTable.tsx";

type Frameworks = DashboardView["frameworks"];

/**
 * Assessment rows per framework by effective status, as stacked bars (best at the left) and as a
 * table of the same numbers. A bar segment or a number opens those rows.
 */
export function PostureSection({ frameworks }: { frameworks: Frameworks }) {
  const { t, lang, number } = useI18n();
  const option = useMemo<ChartOption>(() => {
    // ECharts draws the first category at the bottom; reverse so the list reads top-down like the table.
    const shown = [...frameworks].reverse();
    return {
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 12, selectedMode: false },
      tooltip: { trigger: "item" },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: {
        type: "category",
        data: shown.map((f) => plainText(f.name, lang)),
        axisLabel: { width: 200, overflow: "truncate" },
      },
      series: ITEM_STATUS_ORDER.map((status) => ({
        type: "bar" as const,
        name: t(ITEM_STATUS_LABELS[status]),
        stack: "rows",
        barMaxWidth: 28,
        itemStyle: { color: ITEM_STATUS_TONES[status].solid },
        emphasis: { focus: "series" as const },
        data: shown.map((f) => f.counts[status] ?? 0),
      })),
    };
  }, [frameworks, lang, t]);

  const summary = frameworks
    .map((f) =>
      t("dashboard.posture.summary", {
        framework: plainText(f.name, lang),
        met: number(f.counts.met ?? 0),
        total: number(f.total),
      }),
    )
    .join(" ");

  return (
    <section className="card dashboard__section" aria-labelledby="posture-title" data-testid="posture">
      <h2 id="posture-title" className="card__title">
        {t("dashboard.posture.title")}
      </h2>
      <p className="card__lead">{t("dashboard.posture.lead")}</p>
      {frameworks.length === 0 ? (
        <p className="muted" data-testid="posture-empty">
          {t("dashboard.posture.empty")}
        </p>
      ) : (
        <>
          <Chart
            option={option}
            label={t("dashboard.posture.chartLabel", { summary })}
            height={72 + 40 * frameworks.length}
            testId="posture-chart"
            onSelect={({ seriesIndex, dataIndex }) => {
              const status = ITEM_STATUS_ORDER[seriesIndex];
              const framework = frameworks[frameworks.length - 1 - dataIndex];
              if (status && framework) navigate(drill.rows({ framework: framework.framework, status }));
            }}
          />
          <PostureTable frameworks={frameworks} />
        </>
      )}
    </section>
  );
}
