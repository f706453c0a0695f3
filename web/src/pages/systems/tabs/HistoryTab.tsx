import { useState } from "react";
import { systemsApi, type SystemView } from "../../../api/systems.ts";
import type { AuditEntry } from "../../../api/types.ts";
import { Disclosure } from "../../../components/Disclosure.tsx";
import { Pager } from "../../../components/Pager.tsx";
import { TableState } from "../../../components/TableState.tsx";
import { usePagedList } from "../../../hooks/usePagedList.ts";
import { useI18n } from "../../../i18n/I18nProvider.tsx";
import "../../audit/audit.css";
import { entryChanges } from "../../audit/changes.ts";
import { ChangesTable } from "../../audit/ChangesTable.tsx";
import { refsOf } from "../../audit/ledger.api.ts";
import { useLedgerWords, useLibraryNames } from "../../audit/useLedgerWords.ts";
import type { LedgerWords } from "../../audit/words.ts";

/** 履歴: every recorded change to the system, newest first: who, when, what, and the fields that changed. */
export function HistoryTab({ system }: { system: SystemView }) {
  const { t } = useI18n();
  const [paging, setPaging] = useState({ limit: 25, offset: 0 });
  // The version is part of the key, so a save on another tab shows up here.
  const list = usePagedList(
    (p: { limit: number; offset: number; version: number }, signal) => systemsApi.history(system.id, { limit: p.limit, offset: p.offset }, signal),
    { ...paging, version: system.version },
  );
  // Owners and departments by name: the history endpoint sends `refs` as the ledger does.
  const words = useLedgerWords(refsOf(list.page), useLibraryNames());
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
            {!list.error && list.page?.items.map((entry) => <HistoryRow key={entry.seq} entry={entry} words={words} />)}
          </tbody>
        </table>
      </div>
      {list.page && <Pager total={list.page.total} limit={paging.limit} offset={paging.offset} onChange={setPaging} />}
    </div>
  );
}

/** Entries with more changed fields than this (a registration, a first profile) start folded. */
const FOLD_OVER = 8;

function HistoryRow({ entry, words }: { entry: AuditEntry; words: LedgerWords }) {
  const { t, dateTime, number } = useI18n();
  const rows = entryChanges(entry, words);
  // The system page's own short wording ("Registered") where it has one, the ledger's otherwise.
  const action = words.maybe(`systems.action.${entry.action}`) ?? words.maybe(`audit.action.${entry.action}`) ?? entry.action;
  return (
    <tr data-testid={`history-${entry.seq}`} data-action={entry.action}>
      <td className="table__nowrap">{dateTime(entry.ts)}</td>
      <td>{entry.actor.label ?? "—"}</td>
      <td className="table__nowrap">
        <span className={`action action--${entry.action.split(".")[0]}`}>{action}</span>
      </td>
      <td className="history__changes">
        {rows.length === 0 ? (
          <span className="muted">{t("systems.history.noFields")}</span>
        ) : rows.length > FOLD_OVER ? (
          <Disclosure summary={t("systems.history.showFields", { count: number(rows.length) })}>{() => <ChangesTable rows={rows} />}</Disclosure>
        ) : (
          <ChangesTable rows={rows} />
        )}
      </td>
    </tr>
  );
}
