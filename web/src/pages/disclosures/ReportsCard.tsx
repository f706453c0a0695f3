import type { HaipReportSummary } from "../../api/disclosures.ts";
import { Card } from "../../components/Card.tsx";
import { TableState } from "../../components/TableState.tsx";
import type { Resource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { ReportStatusBadge } from "./Badges.tsx";
import { haipReportPath } from "./disclosure-paths.ts";

/** The organisation's HAIP reports, newest reporting year first: period, status, whether a version is public. */
export function ReportsCard({ resource }: { resource: Resource<HaipReportSummary[]> }) {
  const { t, day, dateTime } = useI18n();
  const rows = resource.data ?? [];
  return (
    <Card title={t("disclosures.reports.title")} titleId="haip-reports-title" testId="haip-reports">
      <p className="card__hint">{t("disclosures.reports.hint")}</p>
      <div className="table-wrap">
        <table className="table" aria-labelledby="haip-reports-title" aria-busy={resource.loading}>
          <thead>
            <tr>
              <th scope="col">{t("disclosures.col.year")}</th>
              <th scope="col">{t("disclosures.col.period")}</th>
              <th scope="col">{t("disclosures.col.status")}</th>
              <th scope="col">{t("disclosures.col.public")}</th>
              <th scope="col">{t("disclosures.col.updated")}</th>
            </tr>
          </thead>
          <tbody>
            <TableState colSpan={5} loading={resource.loading} error={resource.error} count={rows.length} filtered={false} emptyMessage={t("disclosures.reports.empty")} onRetry={resource.reload} />
            {!resource.error &&
              rows.map((r) => (
                <tr key={r.id} data-testid="haip-report-row">
                  <td>
                    <Link to={haipReportPath(r.id)} className="row-link">
                      {t("disclosures.report.name", { year: r.year })}
                    </Link>
                  </td>
                  <td className="table__nowrap">{t("disclosures.period", { start: day(r.period.start), end: day(r.period.end) })}</td>
                  <td>
                    <ReportStatusBadge status={r.status} />
                  </td>
                  <td>{r.published ? t("disclosures.reports.published") : <span className="muted">{t("disclosures.reports.notPublished")}</span>}</td>
                  <td className="table__nowrap">{dateTime(r.updatedAt)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
