import { useState } from "react";
import { PageHeader } from "../../components/PageHeader.tsx";
import { Pager } from "../../components/Pager.tsx";
import { TableState } from "../../components/TableState.tsx";
import { usePagedList } from "../../hooks/usePagedList.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSearch } from "../../router/router.tsx";
import { AuditFilters, NO_FILTERS, type AuditFilterValues } from "./AuditFilters.tsx";
import { AUDIT_COLUMNS, AuditRow } from "./AuditRow.tsx";
import { ledgerQuery } from "./filters.ts";
import { listLedger, refsOf } from "./ledger.api.ts";
import { VerifyPanel } from "./VerifyPanel.tsx";
import { refText } from "./words.ts";
import "./audit.css";

/** The audit ledger, newest first, with filters, opened-up entries and chain verification. */
export function AuditPage() {
  const { t, lang } = useI18n();
  const search = useSearch();
  const [filters, setFilters] = useState<AuditFilterValues>(() => {
    const type = search.get("entityType") ?? "";
    const id = search.get("entityId") ?? "";
    return { ...NO_FILTERS, action: search.get("action") ?? "", code: search.get("code") ?? "", ...(id ? { record: { type, id, name: "" } } : { entityType: type }) };
  });
  const [paging, setPaging] = useState({ limit: 25, offset: 0 });
  const list = usePagedList(listLedger, { ...paging, sort: "-seq" as const, ...ledgerQuery(filters) });
  const refs = refsOf(list.page);
  const chosen = filters.record && refs[filters.record.id];
  const filtered = Object.values(filters).some(Boolean);
  const changeFilters = (next: AuditFilterValues) => {
    setFilters(next);
    setPaging((p) => ({ ...p, offset: 0 }));
  };

  return (
    <div data-testid="page-audit">
      <PageHeader title={t("audit.title")} subtitle={t("audit.subtitle")} />
      <VerifyPanel />
      <AuditFilters value={filters} recordName={chosen ? refText(chosen, { lang, t }) : undefined} onChange={changeFilters} />
      <div className="table-wrap">
        <table className="table audit-table" aria-busy={list.loading}>
          <thead>
            <tr>
              <th scope="col">{t("audit.col.seq")}</th>
              <th scope="col">{t("audit.col.time")}</th>
              <th scope="col">{t("audit.col.actor")}</th>
              <th scope="col">{t("audit.col.action")}</th>
              <th scope="col">{t("audit.col.entity")}</th>
              <th scope="col">{t("audit.col.hash")}</th>
            </tr>
          </thead>
          <tbody>
            <TableState
              colSpan={AUDIT_COLUMNS}
              loading={list.loading}
              error={list.error}
              count={list.page?.items.length ?? 0}
              filtered={filtered}
              emptyMessage={t("audit.empty")}
              onRetry={list.reload}
              onClearFilters={() => changeFilters(NO_FILTERS)}
            />
            {!list.error &&
              list.page?.items.map((entry) => (
                <AuditRow key={entry.seq} entry={entry} refs={refs} onFilterRecord={(record) => changeFilters({ ...NO_FILTERS, record })} />
              ))}
          </tbody>
        </table>
      </div>
      {list.page && <Pager total={list.page.total} limit={paging.limit} offset={paging.offset} onChange={setPaging} />}
    </div>
  );
}
