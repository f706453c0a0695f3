import { useState } from "react";
import { oversightApi } from "../../api/oversight.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { TableState } from "../../components/TableState.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link, navigate } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { audienceWords } from "./audience-logic.ts";
import { requestPath } from "./oversight-paths.ts";
import { RequestDialog } from "./RequestDialog.tsx";
import { NameText } from "./SenderName.tsx";
import { useAudienceOptions } from "./useAudienceOptions.ts";
import "./oversight.css";

/** The most requests the page lists (the API's page size). */
const LIMIT = 200;

/**
 * Requests for information this authority sent, newest first: to whom, until when, and how many
 * recipients answered, have not yet, or let the deadline pass. A supervisor sends a new one.
 */
export function RequestsPage() {
  const { t, lang, day, number } = useI18n();
  const { can } = useSignedIn();
  const list = useResource((signal) => oversightApi.requests({ limit: LIMIT }, signal), "requests");
  const options = useAudienceOptions();
  const [creating, setCreating] = useState(false);
  const rows = list.data ?? [];
  return (
    <div className="page-stack" data-testid="page-oversight-requests">
      <PageHeader
        title={t("oversight.requests.title")}
        subtitle={t("oversight.requests.subtitle")}
        actions={
          can("oversight.approve") && (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)} data-testid="request-create">
              {t("oversight.requests.create")}
            </button>
          )
        }
      />
      {!can("oversight.approve") && <p className="muted">{t("oversight.requests.supervisorSends")}</p>}
      <div className="table-wrap">
        <table className="table" aria-busy={list.loading} data-testid="requests-table">
          <caption className="visually-hidden">{t("oversight.requests.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("oversight.requests.col.code")}</th>
              <th scope="col">{t("oversight.requests.col.title")}</th>
              <th scope="col">{t("oversight.requests.col.deadline")}</th>
              <th scope="col">{t("oversight.audience.label")}</th>
              <th scope="col" className="table__numeric">
                {t("oversight.recipientStatus.sent")}
              </th>
              <th scope="col" className="table__numeric">
                {t("oversight.recipientStatus.answered")}
              </th>
              <th scope="col" className="table__numeric">
                {t("oversight.recipientStatus.overdue")}
              </th>
            </tr>
          </thead>
          <tbody>
            <TableState colSpan={7} loading={list.loading} error={list.error} count={rows.length} filtered={false} emptyMessage={t("oversight.requests.empty")} onRetry={list.reload} />
            {!list.error &&
              rows.map((r) => {
                const audience = audienceWords(r.audience, options.sectors, options.registrations, lang);
                return (
                  <tr key={r.id} data-testid="request-row">
                    <td className="table__mono table__nowrap">
                      <Link to={requestPath(r.id)}>{r.code}</Link>
                    </td>
                    <td className="table__primary">
                      <Link to={requestPath(r.id)} className="row-link" data-testid="request-link">
                        <NameText name={r.title} />
                      </Link>
                    </td>
                    <td className="table__nowrap">{day(r.deadline)}</td>
                    <td>{t(audience.key, audience.params)}</td>
                    <td className="table__numeric" data-testid="request-count-sent">
                      {number(r.counts.sent)}
                    </td>
                    <td className="table__numeric" data-testid="request-count-answered">
                      {number(r.counts.answered)}
                    </td>
                    <td className={r.counts.overdue > 0 ? "table__numeric count--overdue" : "table__numeric"} data-testid="request-count-overdue">
                      {number(r.counts.overdue)}
                    </td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      </div>
      {rows.length >= LIMIT && <p className="muted">{t("oversight.requests.limited", { count: number(LIMIT) })}</p>}
      {creating && <RequestDialog options={options} onClose={() => setCreating(false)} onSent={(r) => navigate(requestPath(r.id))} />}
    </div>
  );
}
