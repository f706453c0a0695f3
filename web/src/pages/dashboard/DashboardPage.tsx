import { dashboardApi } from "../../api/compliance.ts";
import { LoadState } from "../../components/LoadState.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { ClassCharts } from "./ClassCharts.tsx";
import { ExpiringEvidenceCard } from "./ExpiringEvidenceCard.tsx";
import { KeyFigures } from "./KeyFigures.tsx";
import { OverdueReviewsCard } from "./OverdueReviewsCard.tsx";
import { PostureSection } from "./PostureSection.tsx";
import { ReportsPanel } from "./ReportsPanel.tsx";
import { TopGaps } from "./TopGaps.tsx";
import "./dashboard.css";

/** The organisation's posture at a glance; every figure opens the rows behind it. */
export function DashboardPage() {
  const { t } = useI18n();
  const dashboard = useResource((signal) => dashboardApi.get(signal), "dashboard");
  const data = dashboard.data;

  return (
    <div className="dashboard" data-testid="page-dashboard">
      <PageHeader
        title={t("dashboard.title")}
        subtitle={t("dashboard.subtitle")}
        actions={
          <button type="button" className="button" onClick={dashboard.reload} disabled={dashboard.loading}>
            {t("dashboard.refresh")}
          </button>
        }
      />
      {!data && <LoadState loading={dashboard.loading} error={dashboard.error} onRetry={dashboard.reload} />}
      {data && (
        <>
          <KeyFigures data={data} />
          {data.totals.systems === 0 && (
            <p className="card dashboard__empty">
              {t("dashboard.noSystems")} <Link to="/systems">{t("dashboard.goToSystems")}</Link>
            </p>
          )}
          <PostureSection frameworks={data.frameworks} />
          <ClassCharts euClass={data.euClass} lifecycle={data.lifecycle} />
          <div className="dashboard__grid">
            <OverdueReviewsCard overdue={data.overdueReviews} />
            <ExpiringEvidenceCard expiring={data.expiringEvidence} />
          </div>
          <TopGaps gaps={data.topGaps} />
          <ReportsPanel frameworks={data.frameworks} />
        </>
      )}
    </div>
  );
}
