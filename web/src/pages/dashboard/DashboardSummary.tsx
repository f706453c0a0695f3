import { dashboardApi } from "../../api/compliance.ts";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { plainText } from "../../i18n/text.ts";
import { Link } from "../../router/router.tsx";
import { metShare } from "./PostureTable.tsx";
import "./dashboard.css";

/** The Home page's glance at the dashboard: a few numbers and the way in. Shows nothing until loaded. */
export function DashboardSummary() {
  const { t, lang, number } = useI18n();
  const { data } = useResource((signal) => dashboardApi.get(signal), "dashboard-summary");
  if (!data) return null;
  const gaps = data.frameworks.reduce((sum, f) => sum + f.counts.not_met + f.counts.partially_met, 0);
  const figures: [string, string][] = [
    [t("dashboard.figure.systems"), number(data.totals.systems)],
    [t("dashboard.figure.gaps"), number(gaps)],
    [t("dashboard.figure.overdueReviews"), number(data.overdueReviews.count)],
    [t("dashboard.figure.expiringEvidence"), number(data.expiringEvidence.count)],
  ];
  for (const f of data.frameworks.slice(0, 3)) {
    const share = metShare(f);
    if (share !== undefined) figures.push([plainText(f.name, lang), t("dashboard.percentMet", { value: number(share) })]);
  }
  return (
    <section className="card dashboard-summary" aria-labelledby="dashboard-summary-title" data-testid="dashboard-summary">
      <h2 id="dashboard-summary-title" className="card__title">
        {t("dashboard.summary.title")}
      </h2>
      <dl className="dashboard-summary__figures">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <Link to="/dashboard" className="button button--small">
        {t("dashboard.summary.open")}
      </Link>
    </section>
  );
}
