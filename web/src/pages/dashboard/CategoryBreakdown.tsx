import { useMemo } from "react";
import { Chart, type ChartOption } from "../../components/Chart.tsx";
import { dotStyle } from "../../components/StatusBadge.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link, navigate } from "../../router/router.tsx";

export interface Category {
  key: string;
  label: string;
  n: number;
  colour: string;
  /** The list of what this category counts. */
  to: string;
  /** A line beneath the label (e.g. how many of the high-risk systems are so only from a later date). */
  note?: string;
}

interface CategoryBreakdownProps {
  title: string;
  categories: Category[];
  kind: "pie" | "bar";
  testId: string;
}

/** Systems split by one attribute: a chart whose slices or bars open the list, and the same as links. */
export function CategoryBreakdown({ title, categories, kind, testId }: CategoryBreakdownProps) {
  const { t, number } = useI18n();
  const shown = useMemo(() => categories.filter((c) => c.n > 0), [categories]);
  const option = useMemo<ChartOption>(() => {
    if (kind === "pie") {
      return {
        tooltip: { trigger: "item" },
        series: [
          {
            type: "pie",
            radius: ["45%", "75%"],
            label: { show: false },
            data: shown.map((c) => ({ name: c.label, value: c.n, itemStyle: { color: c.colour } })),
          },
        ],
      };
    }
    // Horizontal bars: category names read on the left however narrow the card is. First category on top.
    const reversed = [...categories].reverse();
    return {
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: "item" },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: reversed.map((c) => c.label) },
      series: [{ type: "bar", barMaxWidth: 24, data: reversed.map((c) => ({ value: c.n, itemStyle: { color: c.colour } })) }],
    };
  }, [categories, kind, shown]);
  const summary = categories.map((c) => `${c.label} ${number(c.n)}`).join(t("dashboard.listSeparator"));
  const pick = (index: number) => {
    const category = kind === "pie" ? shown[index] : categories[categories.length - 1 - index];
    if (category) navigate(category.to);
  };

  return (
    <section className="card dashboard__section" aria-label={title} data-testid={testId}>
      <h2 className="card__title">{title}</h2>
      <div className="breakdown">
        {shown.length > 0 ? (
          <Chart option={option} label={t("dashboard.chartSummary", { title, summary })} height={200} onSelect={(s) => pick(s.dataIndex)} testId={`${testId}-chart`} />
        ) : (
          <p className="muted breakdown__empty">{t("dashboard.noSystemsYet")}</p>
        )}
        <ul className="breakdown__list">
          {categories.map((c) => (
            <li key={c.key}>
              <span className="tone-dot" style={dotStyle(c.colour)} aria-hidden="true" />
              <Link to={c.to} className="breakdown__link" data-testid={`${testId}-${c.key}`}>
                <span>{c.label}</span>
                <span className="breakdown__n">{number(c.n)}</span>
              </Link>
              {c.note && (
                <span className="breakdown__note" data-testid={`${testId}-${c.key}-note`}>
                  {c.note}
                </span>
              )}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
