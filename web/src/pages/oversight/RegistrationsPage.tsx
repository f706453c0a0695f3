import { Fragment, useState } from "react";
import type { ConnectionView } from "../../api/exchange.ts";
import { oversightApi } from "../../api/oversight.ts";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { PageNotice } from "../../components/Notice.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { TableState } from "../../components/TableState.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { plainText } from "../../i18n/text.ts";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { DecisionDialog } from "./DecisionDialog.tsx";
import { KeyIds } from "./KeyIds.tsx";
import { ConnectionStatusBadge } from "./OversightBadges.tsx";
import { NameText } from "./SenderName.tsx";
import { useValueWords } from "./useValueWords.ts";
import { WitnessedCheckpoints } from "./WitnessedCheckpoints.tsx";
import "./oversight.css";

/**
 * The organisations registered with this authority, or asking to be, newest first: their sector,
 * key ids and the ledger checkpoints witnessed for them, and for a supervisor the approval or
 * refusal of those waiting.
 */
export function RegistrationsPage() {
  const { t, dateTime } = useI18n();
  const { can } = useSignedIn();
  const approve = can("oversight.approve");
  const words = useValueWords();
  const list = useResource((signal) => oversightApi.registrations(signal), "registrations");
  const [deciding, setDeciding] = useState<{ registration: ConnectionView; decision: "approved" | "refused" }>();
  const [notice, setNotice] = useState<NoticeMessage>();
  const [ledgers, setLedgers] = useState<readonly string[]>([]);
  const toggleLedger = (id: string) => setLedgers((open) => (open.includes(id) ? open.filter((x) => x !== id) : [...open, id]));
  const rows = list.data ?? [];
  const pending = rows.filter((r) => r.status === "pending").length;
  const colSpan = approve ? 8 : 7;

  return (
    <div className="page-stack" data-testid="page-oversight-registrations">
      <PageHeader title={t("oversight.registrations.title")} subtitle={t("oversight.registrations.subtitle")} />
      <PageNotice notice={notice} onDismiss={() => setNotice(undefined)} testId="registrations-notice" />
      {pending > 0 && <p className="card__lead" data-testid="registrations-pending">{t("oversight.registrations.pendingCount", { count: pending })}</p>}
      <div className="table-wrap">
        <table className="table" aria-busy={list.loading} data-testid="registrations-table">
          <caption className="visually-hidden">{t("oversight.registrations.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("oversight.registrations.col.organisation")}</th>
              <th scope="col">{t("oversight.col.status")}</th>
              <th scope="col">{t("oversight.col.sector")}</th>
              <th scope="col">{t("oversight.registrations.col.requestedAt")}</th>
              <th scope="col">{t("oversight.registrations.col.decidedAt")}</th>
              <th scope="col">{t("oversight.registrations.col.keys")}</th>
              <th scope="col">{t("oversight.registrations.col.ledger")}</th>
              {approve && <th scope="col">{t("common.actions")}</th>}
            </tr>
          </thead>
          <tbody>
            <TableState colSpan={colSpan} loading={list.loading} error={list.error} count={rows.length} filtered={false} emptyMessage={t("oversight.registrations.empty")} onRetry={list.reload} />
            {!list.error &&
              rows.map((r) => (
                <Fragment key={r.id}>
                  <tr data-testid="registration-row" data-status={r.status}>
                    <td className="table__primary">
                      <NameText name={r.counterpart.name} />
                      {!r.counterpart.sameInstance && <span className="muted registration__remote"> {t("oversight.registrations.remote")}</span>}
                      {r.note && <span className="table__note pre-text">{r.note}</span>}
                    </td>
                    <td>
                      <ConnectionStatusBadge status={r.status} testId="registration-status" />
                    </td>
                    <td>{words.sector(r.sector)}</td>
                    <td className="table__nowrap">{dateTime(r.requestedAt)}</td>
                    <td className="table__nowrap">{r.decidedAt ? dateTime(r.decidedAt) : <span className="muted">{t("oversight.none")}</span>}</td>
                    <td>
                      <KeyIds keys={r.counterpartKeys} />
                    </td>
                    <td className="table__nowrap">
                      {r.status === "pending" || r.status === "refused" ? (
                        <span className="muted">{t("oversight.none")}</span>
                      ) : (
                        <button type="button" className="button button--small" aria-expanded={ledgers.includes(r.id)} aria-controls={`ledger-${r.id}`} onClick={() => toggleLedger(r.id)} data-testid="registration-ledger-toggle">
                          {ledgers.includes(r.id) ? t("oversight.checkpoints.hide") : t("oversight.checkpoints.show")}
                        </button>
                      )}
                    </td>
                    {approve && (
                      <td className="table__actions table__nowrap">
                        {r.status === "pending" && (
                          <>
                            <button type="button" className="button button--small button--primary" onClick={() => setDeciding({ registration: r, decision: "approved" })} data-testid="registration-approve">
                              {t("oversight.registrations.approve")}
                            </button>
                            <button type="button" className="button button--small button--danger-outline" onClick={() => setDeciding({ registration: r, decision: "refused" })} data-testid="registration-refuse">
                              {t("oversight.registrations.refuse")}
                            </button>
                          </>
                        )}
                      </td>
                    )}
                  </tr>
                  {ledgers.includes(r.id) && (
                    <tr className="registration-ledger" id={`ledger-${r.id}`} data-testid="registration-ledger">
                      <td colSpan={colSpan}>
                        <WitnessedCheckpoints connectionId={r.id} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
          </tbody>
        </table>
      </div>
      {deciding && (
        <DecisionDialog
          registration={deciding.registration}
          decision={deciding.decision}
          onClose={() => setDeciding(undefined)}
          onDecided={(next) => {
            list.update((rows) => rows?.map((r) => (r.id === next.id ? next : r)));
            setNotice({ kind: "success", text: (i) => i.t(next.status === "approved" ? "oversight.registrations.approved" : "oversight.registrations.refused", { name: plainText(next.counterpart.name, i.lang) }) });
          }}
        />
      )}
    </div>
  );
}
