import { useState } from "react";
import { publicationsApi, type Publication, type Words } from "../../api/disclosures.ts";
import { Card } from "../../components/Card.tsx";
import { TableState } from "../../components/TableState.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { PublicationState } from "./Badges.tsx";
import { PublicLink } from "./PublicLink.tsx";
import { WithdrawPublicationDialog } from "./WithdrawPublicationDialog.tsx";

interface PublicationsCardProps {
  canWithdraw: boolean;
  onWithdrawn(title: Words): void;
}

/** Everything the organisation has put on its public trust page, newest first: live ones with their public address, withdrawn ones with why. */
export function PublicationsCard({ canWithdraw, onWithdrawn }: PublicationsCardProps) {
  const { t, lang, number, dateTime } = useI18n();
  const list = useResource((signal) => publicationsApi.list(signal), "publications");
  const [withdrawing, setWithdrawing] = useState<Publication>();
  const rows = list.data ?? [];
  return (
    <Card title={t("disclosures.publications.title")} titleId="publications-title" testId="publications">
      <p className="card__hint">{t("disclosures.publications.hint")}</p>
      <div className="table-wrap">
        <table className="table" aria-labelledby="publications-title" aria-busy={list.loading}>
          <thead>
            <tr>
              <th scope="col">{t("disclosures.col.document")}</th>
              <th scope="col" className="table__numeric">
                {t("disclosures.col.number")}
              </th>
              <th scope="col">{t("disclosures.col.publishedAt")}</th>
              <th scope="col">{t("disclosures.col.status")}</th>
              <th scope="col">{t("disclosures.col.publicPage")}</th>
              {canWithdraw && <th scope="col">{t("common.actions")}</th>}
            </tr>
          </thead>
          <tbody>
            <TableState colSpan={canWithdraw ? 6 : 5} loading={list.loading} error={list.error} count={rows.length} filtered={false} emptyMessage={t("disclosures.publications.empty")} onRetry={list.reload} />
            {!list.error &&
              rows.map((p) => (
                <tr key={p.id} data-testid="publication-row" data-live={p.withdrawnAt ? "false" : "true"}>
                  <td>{p.title[lang]}</td>
                  <td className="table__numeric">{number(p.number)}</td>
                  <td className="table__nowrap">{dateTime(p.publishedAt)}</td>
                  <td>
                    <PublicationState withdrawnAt={p.withdrawnAt} withdrawalReason={p.withdrawalReason} />
                  </td>
                  <td>{p.withdrawnAt ? <span className="muted">{t("disclosures.publications.offline")}</span> : <PublicLink path={p.publicPath} />}</td>
                  {canWithdraw && (
                    <td>
                      {!p.withdrawnAt && (
                        <button type="button" className="button button--small button--danger-outline" onClick={() => setWithdrawing(p)} data-testid="withdraw-publication">
                          {t("disclosures.publication.withdraw")}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      {withdrawing && (
        <WithdrawPublicationDialog
          publication={withdrawing}
          onClose={() => setWithdrawing(undefined)}
          onWithdrawn={() => {
            list.reload();
            onWithdrawn(withdrawing.title);
          }}
        />
      )}
    </Card>
  );
}
