import { useState } from "react";
import { oversightApi } from "../../api/oversight.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { TableState } from "../../components/TableState.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link, navigate } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { publicationPath } from "./oversight-paths.ts";
import { PublicationDialog } from "./PublicationDialog.tsx";
import { PublicationSteps } from "./PublicationSteps.tsx";
import { PublicPagesLinks } from "./PublicPagesLinks.tsx";
import { NameText } from "./SenderName.tsx";
import { useAudienceOptions } from "./useAudienceOptions.ts";
import "./oversight.css";

const LIMIT = 200;

/**
 * What the authority publishes, or prepares to, on its public register — cases, advisories,
 * statistics — each with where it stands in the due process: drafted, the organisation named
 * given notice, approval, publication (or withdrawal).
 */
export function PublicationsPage() {
  const { t, number } = useI18n();
  const { can } = useSignedIn();
  const list = useResource((signal) => oversightApi.publications({ limit: LIMIT }, signal), "publications");
  const options = useAudienceOptions();
  const [creating, setCreating] = useState(false);
  const rows = list.data ?? [];
  return (
    <div className="page-stack" data-testid="page-oversight-publications">
      <PageHeader
        title={t("oversight.publications.title")}
        subtitle={t("oversight.publications.subtitle")}
        actions={
          can("oversight.triage") && (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)} data-testid="publication-create">
              {t("oversight.publications.create")}
            </button>
          )
        }
      />
      <PublicPagesLinks />
      <div className="table-wrap">
        <table className="table" aria-busy={list.loading} data-testid="publications-table">
          <caption className="visually-hidden">{t("oversight.publications.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("oversight.publications.col.code")}</th>
              <th scope="col">{t("oversight.publications.kind")}</th>
              <th scope="col">{t("oversight.requests.col.title")}</th>
              <th scope="col">{t("oversight.publications.names")}</th>
              <th scope="col">{t("oversight.col.status")}</th>
            </tr>
          </thead>
          <tbody>
            <TableState colSpan={5} loading={list.loading} error={list.error} count={rows.length} filtered={false} emptyMessage={t("oversight.publications.empty")} onRetry={list.reload} />
            {!list.error &&
              rows.map((p) => (
                <tr key={p.id} data-testid="publication-row" data-status={p.status}>
                  <td className="table__mono table__nowrap">
                    <Link to={publicationPath(p.id)}>{p.code}</Link>
                  </td>
                  <td className="table__nowrap">{t(`oversight.publicationKind.${p.subjectType}`)}</td>
                  <td className="table__primary">
                    <Link to={publicationPath(p.id)} className="row-link" data-testid="publication-link">
                      <NameText name={p.title} />
                    </Link>
                  </td>
                  <td>{p.names ? <NameText name={p.names.name} /> : <span className="muted">{t("oversight.none")}</span>}</td>
                  <td>
                    <PublicationSteps publication={p} compact testId="publication-steps" />
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      {rows.length >= LIMIT && <p className="muted">{t("oversight.requests.limited", { count: number(LIMIT) })}</p>}
      {creating && <PublicationDialog options={options} onClose={() => setCreating(false)} onSaved={(p) => navigate(publicationPath(p.id))} />}
    </div>
  );
}
