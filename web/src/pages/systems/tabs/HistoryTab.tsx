import { useState } from "react";
import { systemsApi, type SystemView } from "../../../api/systems.ts";
import type { AuditEntry } from "../../../api/types.ts";
import { Disclosure } from "../../../components/Disclosure.tsx";
import { Pager } from "../../../components/Pager.tsx";
import { TableState } from "../../../components/TableState.tsx";
import { usePagedList } from "../../../hooks/usePagedList.ts";
import { useI18n } from "../../../i18n/I18nProvider.tsx";
import "../../audit/audit.css";
import { diffRecords, type DiffRow } from "../../audit/diff.ts";

/** 履歴: every recorded change to the system, newest first: who, when, what, and the fields that changed. */
export function HistoryTab({ system }: { system: SystemView }) {
  const { t } = useI18n();
  const [paging, setPaging] = useState({ limit: 25, offset: 0 });
  // The version is part of the key, so a save on another tab shows up here.
  const list = usePagedList(
    (p: { limit: number; offset: number; version: number }, signal) => systemsApi.history(system.id, { limit: p.limit, offset: p.offset }, signal),
    { ...paging, version: system.version },
  );
  return (
    <div className="history" data-testid="system-history">
      <div className="table-wrap">
        <table className="table history__table" aria-busy={list.loading}>
          <thead>
            <tr>
              <th scope="col">{t("systems.history.when")}</th>
              <th scope="col">{t("systems.history.who")}</th>
              <th scope="col">{t("systems.history.action")}</th>
              <th scope="col">{t("systems.history.changes")}</th>
            </tr>
          </thead>
          <tbody>
            <TableState colSpan={4} loading={list.loading} error={list.error} count={list.page?.items.length ?? 0} filtered={false} emptyMessage={t("systems.history.empty")} onRetry={list.reload} />
            {!list.error && list.page?.items.map((entry) => <HistoryRow key={entry.seq} entry={entry} />)}
          </tbody>
        </table>
      </div>
      {list.page && <Pager total={list.page.total} limit={paging.limit} offset={paging.offset} onChange={setPaging} />}
    </div>
  );
}

/** Entries with more changed fields than this (a registration, a first profile) start folded. */
const FOLD_OVER = 8;

function HistoryRow({ entry }: { entry: AuditEntry }) {
  const { t, label, dateTime, number } = useI18n();
  const rows = diffRecords(entry.before, entry.after).filter((r) => r.change !== "same");
  return (
    <tr data-testid={`history-${entry.seq}`} data-action={entry.action}>
      <td className="table__nowrap">{dateTime(entry.ts)}</td>
      <td>{entry.actor.label ?? entry.actor.id ?? "—"}</td>
      <td className="table__nowrap">
        <span className={`action action--${entry.action.split(".")[0]}`}>{label("systems.action.", entry.action)}</span>
      </td>
      <td className="history__changes">
        {rows.length === 0 ? (
          <span className="muted">{t("systems.history.noFields")}</span>
        ) : rows.length > FOLD_OVER ? (
          <Disclosure summary={t("systems.history.showFields", { count: number(rows.length) })}>{() => <DiffTable rows={rows} />}</Disclosure>
        ) : (
          <DiffTable rows={rows} />
        )}
      </td>
    </tr>
  );
}

function DiffTable({ rows }: { rows: DiffRow[] }) {
  const { t } = useI18n();
  return (
    <table className="diff">
      <thead>
        <tr>
          <th scope="col">{t("audit.details.field")}</th>
          <th scope="col">{t("audit.details.before")}</th>
          <th scope="col">{t("audit.details.after")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.field} className={`diff__row diff__row--${row.change}`}>
            <th scope="row" className="diff__field">
              {row.field}
            </th>
            <td className="diff__before">{row.before ?? "—"}</td>
            <td className="diff__after">{row.after ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
