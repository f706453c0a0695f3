import { useState } from "react";
import { DEALING_KINDS, DEALING_STATUSES, dealingsApi, type DealingKind, type DealingStatus } from "../../api/dealings.ts";
import { Card } from "../../components/Card.tsx";
import { todayIso } from "../../components/dates.ts";
import { OptionSelect } from "../../components/OptionSelect.tsx";
import { TableState } from "../../components/TableState.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { DealingStatusBadge } from "../oversight/OversightBadges.tsx";
import { NameText } from "../oversight/SenderName.tsx";
import { dealingPath } from "./dealing-paths.ts";
import { isOverdue } from "./dealing-views.ts";

/** The most entries the card lists (the API's page size). */
const LIMIT = 200;

/**
 * The register of dealings with government (行政対応台帳): requests for information, advisories and
 * publication notices received from authorities, newest first, with their deadlines and where
 * each stands; each opens its page.
 */
export function DealingsRegisterCard() {
  const { t, dateTime, day, number } = useI18n();
  const [kind, setKind] = useState<DealingKind | "">("");
  const [status, setStatus] = useState<DealingStatus | "">("");
  const list = useResource((signal) => dealingsApi.list({ limit: LIMIT, ...(kind && { kind }), ...(status && { status }) }, signal), `${kind}|${status}`);
  const rows = list.data ?? [];
  const today = todayIso();
  return (
    <Card title={t("dealings.received.title")} titleId="dealings-register-title" testId="dealings-register">
      <p className="card__hint">{t("dealings.received.explain")}</p>
      <div className="toolbar">
        <OptionSelect value={kind} options={DEALING_KINDS} label={(k) => t(`dealings.dealingKind.${k}`)} emptyLabel={t("oversight.filter.allKinds")} onChange={setKind} aria-label={t("oversight.filter.kind")} testId="dealings-filter-kind" />
        <OptionSelect value={status} options={DEALING_STATUSES} label={(s) => t(`dealings.status.${s}`)} emptyLabel={t("oversight.filter.allStatuses")} onChange={setStatus} aria-label={t("oversight.filter.status")} testId="dealings-filter-status" />
      </div>
      <div className="table-wrap">
        <table className="table" aria-busy={list.loading} data-testid="dealings-register-table">
          <caption className="visually-hidden">{t("dealings.received.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("oversight.col.kind")}</th>
              <th scope="col">{t("dealings.col.reference")}</th>
              <th scope="col">{t("oversight.requests.col.title")}</th>
              <th scope="col">{t("dealings.col.authority")}</th>
              <th scope="col">{t("dealings.col.receivedOn")}</th>
              <th scope="col">{t("dealings.col.deadline")}</th>
              <th scope="col">{t("oversight.col.status")}</th>
            </tr>
          </thead>
          <tbody>
            <TableState colSpan={7} loading={list.loading} error={list.error} count={rows.length} filtered={kind !== "" || status !== ""} emptyMessage={t("dealings.received.empty")} onRetry={list.reload} onClearFilters={() => { setKind(""); setStatus(""); }} />
            {!list.error &&
              rows.map((d) => {
                const overdue = isOverdue(d.deadline, d.status, today);
                return (
                  <tr key={d.id} data-testid="dealing-row" data-kind={d.kind} data-status={d.status}>
                    <td className="table__nowrap">{t(`dealings.dealingKind.${d.kind}`)}</td>
                    <td className="table__mono table__nowrap">
                      <Link to={dealingPath(d.id)}>{d.reference}</Link>
                    </td>
                    <td className="table__primary">
                      <Link to={dealingPath(d.id)} className="row-link" data-testid="dealing-link">
                        <NameText name={d.title} />
                      </Link>
                    </td>
                    <td>
                      <NameText name={d.authority.name} />
                    </td>
                    <td className="table__nowrap">{dateTime(d.receivedAt)}</td>
                    <td className="table__nowrap">
                      {d.deadline ? day(d.deadline) : <span className="muted">{t("oversight.none")}</span>}
                      {overdue && <span className="table__note count--overdue">{t("dealings.overdue")}</span>}
                    </td>
                    <td>
                      <DealingStatusBadge kind={d.kind} status={d.status} testId="dealing-status" />
                    </td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      </div>
      {rows.length >= LIMIT && <p className="muted">{t("oversight.requests.limited", { count: number(LIMIT) })}</p>}
    </Card>
  );
}
