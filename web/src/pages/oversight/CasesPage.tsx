import { useState } from "react";
import { CASE_STATUSES, oversightApi, type CaseStatus } from "../../api/oversight.ts";
import { OptionSelect } from "../../components/OptionSelect.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { TableState } from "../../components/TableState.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link, navigate } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { CaseDialog } from "./CaseDialog.tsx";
import { CaseStatusBadge } from "./OversightBadges.tsx";
import { casePath } from "./oversight-paths.ts";
import { NameText } from "./SenderName.tsx";
import "./oversight.css";

/** The most cases the page lists (the API's page size): an authority works a few hundred at a time. */
const LIMIT = 200;

/** Cases of rights infringement under analysis, most recently changed first, each grouping submissions. */
export function CasesPage() {
  const { t, dateTime, number } = useI18n();
  const { can } = useSignedIn();
  const [status, setStatus] = useState<CaseStatus | "">("");
  const list = useResource((signal) => oversightApi.cases({ limit: LIMIT, ...(status && { status }) }, signal), status);
  const [creating, setCreating] = useState(false);
  const rows = list.data ?? [];
  return (
    <div className="page-stack" data-testid="page-oversight-cases">
      <PageHeader
        title={t("oversight.cases.title")}
        subtitle={t("oversight.cases.subtitle")}
        actions={
          can("oversight.triage") && (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)} data-testid="case-create">
              {t("oversight.cases.create")}
            </button>
          )
        }
      />
      <div className="toolbar">
        <OptionSelect value={status} options={CASE_STATUSES} label={(s) => t(`oversight.caseStatus.${s}`)} emptyLabel={t("oversight.filter.allStatuses")} onChange={setStatus} aria-label={t("oversight.filter.status")} testId="case-filter-status" />
      </div>
      <div className="table-wrap">
        <table className="table" aria-busy={list.loading} data-testid="cases-table">
          <caption className="visually-hidden">{t("oversight.cases.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("oversight.cases.col.code")}</th>
              <th scope="col">{t("oversight.cases.col.title")}</th>
              <th scope="col">{t("oversight.col.status")}</th>
              <th scope="col" className="table__numeric">
                {t("oversight.cases.col.submissions")}
              </th>
              <th scope="col" className="table__numeric">
                {t("oversight.cases.col.organisations")}
              </th>
              <th scope="col">{t("oversight.cases.col.updatedAt")}</th>
            </tr>
          </thead>
          <tbody>
            <TableState colSpan={6} loading={list.loading} error={list.error} count={rows.length} filtered={status !== ""} emptyMessage={t("oversight.cases.empty")} onRetry={list.reload} onClearFilters={() => setStatus("")} />
            {!list.error &&
              rows.map((c) => (
                <tr key={c.id} data-testid="case-row">
                  <td className="table__mono table__nowrap">
                    <Link to={casePath(c.id)}>{c.code}</Link>
                  </td>
                  <td className="table__primary">
                    <Link to={casePath(c.id)} className="row-link" data-testid="case-link">
                      <NameText name={c.title} />
                    </Link>
                  </td>
                  <td>
                    <CaseStatusBadge status={c.status} />
                  </td>
                  <td className="table__numeric">{number(c.submissions)}</td>
                  <td className="table__numeric">{number(c.organisations)}</td>
                  <td className="table__nowrap">{dateTime(c.updatedAt)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      {rows.length >= LIMIT && <p className="muted">{t("oversight.cases.limited", { count: number(LIMIT) })}</p>}
      {creating && <CaseDialog intakeIds={[]} onClose={() => setCreating(false)} onSaved={(c) => navigate(casePath(c.id))} />}
    </div>
  );
}
