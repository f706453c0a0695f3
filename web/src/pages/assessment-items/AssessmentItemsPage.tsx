import { useState } from "react";
import { assessmentItemsApi } from "../../api/compliance.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { Pager } from "../../components/Pager.tsx";
import { SortHeader } from "../../components/SortHeader.tsx";
import { TableState } from "../../components/TableState.tsx";
import { usePagedList } from "../../hooks/usePagedList.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link, navigate, useSearch } from "../../router/router.tsx";
import { ItemFilterBar } from "./ItemFilterBar.tsx";
import { ItemRow } from "./ItemRow.tsx";
import { readItemFilters, writeItemFilters, type ItemFilters } from "./item-filters.ts";
import "./assessment-items.css";

/**
 * Assessment rows across the organisation, filtered by the query string a dashboard figure links
 * with (`?framework=…&status=…`, `?urn=…&group=gap`…). Each row opens its system.
 */
export function AssessmentItemsPage() {
  const { t } = useI18n();
  const search = useSearch();
  const filters = readItemFilters(search);
  const filterKey = writeItemFilters(filters);
  // Paging belongs to one set of filters: when the address changes (a link, Back), start at the first page.
  const [state, setState] = useState({ limit: 50, offset: 0, sort: "status", filterKey });
  const paging = state.filterKey === filterKey ? state : { ...state, offset: 0, filterKey };
  const setPaging = (change: (p: typeof paging) => typeof paging) => setState(change(paging));
  const list = usePagedList(assessmentItemsApi.list, { limit: paging.limit, offset: paging.offset, sort: paging.sort, ...filters });
  const setFilters = (next: ItemFilters) => navigate(`/assessment-items${writeItemFilters(next)}`, { replace: true });
  const filtered = Object.keys(filters).length > 0;

  return (
    <div data-testid="page-assessment-items">
      <nav className="breadcrumb" aria-label={t("items.breadcrumb")}>
        <Link to="/dashboard">{t("nav.dashboard")}</Link>
        <span aria-current="page">{t("items.title")}</span>
      </nav>
      <PageHeader title={t("items.title")} subtitle={t("items.subtitle")} />
      <ItemFilterBar filters={filters} sample={list.page?.items[0]} onChange={setFilters} />
      <div className="table-wrap">
        <table className="table" aria-busy={list.loading} data-testid="items-table">
          <thead>
            <tr>
              <th scope="col">{t("items.col.system")}</th>
              <th scope="col">{t("items.col.requirement")}</th>
              <SortHeader label={t("items.col.status")} field="status" sort={paging.sort} onSort={(sort) => setPaging((p) => ({ ...p, sort, offset: 0 }))} />
              <th scope="col">{t("items.col.source")}</th>
              <th scope="col">{t("items.col.owner")}</th>
              <SortHeader label={t("items.col.due")} field="dueDate" sort={paging.sort} onSort={(sort) => setPaging((p) => ({ ...p, sort, offset: 0 }))} />
            </tr>
          </thead>
          <tbody>
            <TableState
              colSpan={6}
              loading={list.loading}
              error={list.error}
              count={list.page?.items.length ?? 0}
              filtered={filtered}
              emptyMessage={t("items.empty")}
              onRetry={list.reload}
              onClearFilters={() => setFilters({})}
            />
            {!list.error && list.page?.items.map((item) => <ItemRow key={item.id} item={item} />)}
          </tbody>
        </table>
      </div>
      {list.page && <Pager total={list.page.total} limit={paging.limit} offset={paging.offset} onChange={(p) => setPaging((q) => ({ ...q, ...p }))} />}
    </div>
  );
}
