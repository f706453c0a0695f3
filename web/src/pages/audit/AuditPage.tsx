import { useState } from "react";
import { auditApi } from "../../api/endpoints.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { Pager } from "../../components/Pager.tsx";
import { TableState } from "../../components/TableState.tsx";
import { usePagedList } from "../../hooks/usePagedList.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSearch } from "../../router/router.tsx";
import { AuditFilters, NO_FILTERS, type AuditFilterValues } from "./AuditFilters.tsx";
import { AUDIT_COLUMNS, AuditRow } from "./AuditRow.tsx";
import { VerifyPanel } from "./VerifyPanel.tsx";
import { dayToUtc } from "./vocabulary.ts";
import "./audit.css";

/** The audit ledger, newest first, with filters, opened-up entries and chain verification. */
export function AuditPage() {
  const { t } = useI18n();
  const search = useSearch();
  const [filters, setFilters] = useState<AuditFilterValues>(() => ({
    ...NO_FILTERS,
    entityType: search.get("entityType") ?? "",
    entityId: search.get("entityId") ?? "",
    action: search.get("action") ?? "",
  }));
  const [paging, setPaging] = useState({ limit: 25, offset: 0 });
  const list = usePagedList(auditApi.list, {
    ...paging,
    sort: "-seq" as const,
    action: filters.action || undefined,
    entityType: filters.entityType || undefined,
    entityId: filters.entityId || undefined,
    from: dayToUtc(filters.from),
    to: dayToUtc(filters.to, true),
  });
  const filtered = Object.values(filters).some(Boolean);
  const changeFilters = (next: AuditFilterValues) => {
    setFilters(next);
    setPaging((p) => ({ ...p, offset: 0 }));
  };

  return (
    <div data-testid="page-audit">
      <PageHeader title={t("audit.title")} subtitle={t("audit.subtitle")} />
      <VerifyPanel />
      <AuditFilters value={filters} onChange={changeFilters} />
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
                <AuditRow
                  key={entry.seq}
                  entry={entry}
                  onFilterRecord={(entityType, entityId) => changeFilters({ ...NO_FILTERS, entityType, entityId })}
                />
              ))}
          </tbody>
        </table>
      </div>
      {list.page && <Pager total={list.page.total} limit={paging.limit} offset={paging.offset} onChange={setPaging} />}
    </div>
  );
}
