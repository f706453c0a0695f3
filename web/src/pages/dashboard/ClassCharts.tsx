import { useMemo } from "react";
import { LIFECYCLES, type DashboardView } from "../../api/compliance.ts";
import { CATEGORY_COLOURS, EU_CLASS_COLOURS, LIFECYCLE_COLOURS } from "../../components/status-tones.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { plainText } from "../../i18n/text.ts";
import { CategoryBreakdown, type Category } from "./CategoryBreakdown.tsx";
import { drill } from "./drill.ts";

interface ClassChartsProps {
  euClass: DashboardView["euClass"];
  lifecycle: DashboardView["lifecycle"];
}

/** Systems by EU AI Act risk class and by lifecycle stage, side by side. */
export function ClassCharts({ euClass, lifecycle }: ClassChartsProps) {
  const { t, lang, day, number } = useI18n();
  const classes = useMemo<Category[]>(
    () =>
      euClass.map((c, i) => ({
        key: c.value,
        label: c.value === "none" ? t("dashboard.euClass.none") : plainText(c.label, lang) || c.value,
        n: c.n,
        colour: EU_CLASS_COLOURS[c.value] ?? CATEGORY_COLOURS[i % CATEGORY_COLOURS.length]!,
        to: drill.systems({ euClass: c.value }),
        note: c.later.length ? c.later.map((l) => t("dashboard.euClass.later", { date: day(l.from), n: number(l.n) })).join(t("dashboard.listSeparator")) : undefined,
      })),
    [euClass, lang, t, day, number],
  );
  const stages = useMemo<Category[]>(() => {
    const counts = new Map(lifecycle.map((l) => [l.value, l.n]));
    return LIFECYCLES.map((value) => ({
      key: value,
      label: t(`compliance.lifecycle.${value}`),
      n: counts.get(value) ?? 0,
      colour: LIFECYCLE_COLOURS[value],
      to: drill.systems({ lifecycle: value }),
    }));
  }, [lifecycle, t]);

  return (
    <div className="dashboard__grid">
      <CategoryBreakdown title={t("dashboard.euClass.title")} categories={classes} kind="pie" testId="eu-class" />
      <CategoryBreakdown title={t("dashboard.lifecycle.title")} categories={stages} kind="bar" testId="lifecycle" />
    </div>
  );
}
