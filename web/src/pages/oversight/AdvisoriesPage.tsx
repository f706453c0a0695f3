import { useState } from "react";
import { oversightApi } from "../../api/oversight.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { TableState } from "../../components/TableState.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link, navigate } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { AdvisoryDialog } from "./AdvisoryDialog.tsx";
import { audienceWords } from "./audience-logic.ts";
import { AdvisoryStatusBadge } from "./OversightBadges.tsx";
import { advisoryPath } from "./oversight-paths.ts";
import { NameText } from "./SenderName.tsx";
import { useAudienceOptions } from "./useAudienceOptions.ts";
import "./oversight.css";

const LIMIT = 200;

/**
 * Advisories and guidance of this authority, drafts and sent, newest first: analysts draft them
 * (with a library update, if any), a supervisor sends them.
 */
export function AdvisoriesPage() {
  const { t, lang, dateTime, number } = useI18n();
  const { can } = useSignedIn();
  const list = useResource((signal) => oversightApi.advisories({ limit: LIMIT }, signal), "advisories");
  const options = useAudienceOptions();
  const [creating, setCreating] = useState(false);
  const rows = list.data ?? [];
  return (
    <div className="page-stack" data-testid="page-oversight-advisories">
      <PageHeader
        title={t("oversight.advisories.title")}
        subtitle={t("oversight.advisories.subtitle")}
        actions={
          can("oversight.triage") && (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)} data-testid="advisory-create">
              {t("oversight.advisories.create")}
            </button>
          )
        }
      />
      <div className="table-wrap">
        <table className="table" aria-busy={list.loading} data-testid="advisories-table">
          <caption className="visually-hidden">{t("oversight.advisories.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("oversight.advisories.col.code")}</th>
              <th scope="col">{t("oversight.requests.col.title")}</th>
              <th scope="col">{t("oversight.audience.label")}</th>
              <th scope="col">{t("oversight.advisories.col.libraryUpdate")}</th>
              <th scope="col">{t("oversight.col.status")}</th>
              <th scope="col">{t("oversight.advisories.col.sentAt")}</th>
            </tr>
          </thead>
          <tbody>
            <TableState colSpan={6} loading={list.loading} error={list.error} count={rows.length} filtered={false} emptyMessage={t("oversight.advisories.empty")} onRetry={list.reload} />
            {!list.error &&
              rows.map((a) => {
                const audience = audienceWords(a.audience, options.sectors, options.registrations, lang);
                return (
                  <tr key={a.id} data-testid="advisory-row" data-status={a.status}>
                    <td className="table__mono table__nowrap">
                      <Link to={advisoryPath(a.id)}>{a.code}</Link>
                    </td>
                    <td className="table__primary">
                      <Link to={advisoryPath(a.id)} className="row-link" data-testid="advisory-link">
                        <NameText name={a.title} />
                      </Link>
                    </td>
                    <td>{t(audience.key, audience.params)}</td>
                    <td>{a.libraryUpdate ? <NameText name={a.libraryUpdate.name} /> : <span className="muted">{t("oversight.none")}</span>}</td>
                    <td>
                      <AdvisoryStatusBadge status={a.status} testId="advisory-status" />
                      {a.status === "sent" && <span className="table__note">{t("oversight.advisories.recipients", { count: number(a.recipients) })}</span>}
                    </td>
                    <td className="table__nowrap">{a.sentAt ? dateTime(a.sentAt) : <span className="muted">{t("oversight.none")}</span>}</td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      </div>
      {rows.length >= LIMIT && <p className="muted">{t("oversight.requests.limited", { count: number(LIMIT) })}</p>}
      {creating && <AdvisoryDialog options={options} onClose={() => setCreating(false)} onSaved={(a) => navigate(advisoryPath(a.id))} />}
    </div>
  );
}
