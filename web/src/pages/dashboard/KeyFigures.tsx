import type { DashboardView } from "../../api/compliance.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { drill } from "./drill.ts";

interface Figure {
  id: string;
  label: string;
  value: number;
  to: string;
  tone?: "warning" | "danger";
  note?: string;
}

/** The four numbers that say whether anything needs attention, each a link to its list. */
export function KeyFigures({ data }: { data: DashboardView }) {
  const { t, number } = useI18n();
  const gaps = data.frameworks.reduce((sum, f) => sum + f.counts.not_met + f.counts.partially_met, 0);
  const figures: Figure[] = [
    { id: "systems", label: t("dashboard.figure.systems"), value: data.totals.systems, to: "/systems" },
    { id: "gaps", label: t("dashboard.figure.gaps"), value: gaps, to: drill.rows({ group: "gap" }), ...(gaps > 0 && { tone: "danger" as const }) },
    {
      id: "overdue",
      label: t("dashboard.figure.overdueReviews"),
      value: data.overdueReviews.count,
      to: drill.systems({ reviewOverdue: true }),
      ...(data.overdueReviews.count > 0 && { tone: "warning" as const }),
    },
    {
      id: "evidence",
      label: t("dashboard.figure.expiringEvidence"),
      value: data.expiringEvidence.count,
      to: drill.evidence({ status: "expiring" }),
      ...(data.expiringEvidence.count > 0 && { tone: "warning" as const }),
      ...(data.expiringEvidence.expired > 0 && { note: t("dashboard.figure.expiredNote", { count: number(data.expiringEvidence.expired) }) }),
    },
  ];
  return (
    <ul className="key-figures" aria-label={t("dashboard.figures")}>
      {figures.map((f) => (
        <li key={f.id}>
          <Link to={f.to} className={f.tone ? `key-figure key-figure--${f.tone}` : "key-figure"} data-testid={`figure-${f.id}`}>
            <span className="key-figure__value">{number(f.value)}</span>
            <span className="key-figure__label">{f.label}</span>
            {f.note && <span className="key-figure__note">{f.note}</span>}
          </Link>
        </li>
      ))}
    </ul>
  );
}
