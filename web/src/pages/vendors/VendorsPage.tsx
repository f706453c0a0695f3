import { useState } from "react";
import { RATINGS, VENDOR_STATUSES, vendorsApi, type Rating, type VendorStatus } from "../../api/vendors.ts";
import { OptionSelect } from "../../components/OptionSelect.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { Pager } from "../../components/Pager.tsx";
import { SearchBox } from "../../components/SearchBox.tsx";
import { SortHeader } from "../../components/SortHeader.tsx";
import { SystemOptions } from "../../components/SystemOptions.tsx";
import { TableState } from "../../components/TableState.tsx";
import { useSystemOptions } from "../../hooks/useOptions.ts";
import { usePagedList } from "../../hooks/usePagedList.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { navigate } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { vendorPath } from "./vendor-paths.ts";
import { VendorDialog } from "./VendorDialog.tsx";
import { VendorRow } from "./VendorRow.tsx";
import { CustomFilter, customFilterQuery } from "../../components/custom/CustomFilter.tsx";
import { CustomHeaders, listedFields } from "../../components/custom/CustomColumns.tsx";
import { useCustomPeople } from "../../components/custom/RecordCustomFacts.tsx";
import { useCustomFields } from "../../hooks/useCustomFields.ts";
import "../tasks/tasks.css";
import "./vendors.css";

interface Query {
  limit: number;
  offset: number;
  sort: string;
  q: string;
  rating: Rating | "";
  status: VendorStatus | "";
  systemId: string;
  reviewOverdue: boolean;
  customField: string;
  customValue: string;
}
const INITIAL: Query = { limit: 25, offset: 0, sort: "name", q: "", rating: "", status: "", systemId: "", reviewOverdue: false, customField: "", customValue: "" };

/** Third-party AI tools and services: rating, status, contract end, next due-diligence review and the systems that depend on them. */
export function VendorsPage() {
  const { t } = useI18n();
  const { can } = useSignedIn();
  const manage = can("vendors.manage");
  const systems = useSystemOptions();
  const [query, setQuery] = useState<Query>(INITIAL);
  const customFields = useCustomFields("vendor");
  const listed = listedFields(customFields);
  const { users: owners, personName } = useCustomPeople(customFields);
  const { customField, customValue, ...rest } = query;
  const list = usePagedList(vendorsApi.list, {
    ...rest,
    ...customFilterQuery(customField, customValue),
    rating: query.rating || undefined,
    status: query.status || undefined,
    systemId: query.systemId || undefined,
    reviewOverdue: query.reviewOverdue ? ("true" as const) : undefined,
  });
  const [creating, setCreating] = useState(false);
  const set = (patch: Partial<Query>) => setQuery((q) => ({ ...q, offset: 0, ...patch }));
  const sortBy = (sort: string) => set({ sort });
  const filtered = Boolean(query.q || query.rating || query.status || query.systemId || query.reviewOverdue || query.customValue);

  return (
    <div data-testid="page-vendors">
      <PageHeader
        title={t("vendors.title")}
        subtitle={t("vendors.subtitle")}
        actions={
          manage && (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)} data-testid="create-vendor">
              {t("vendors.create")}
            </button>
          )
        }
      />
      <div className="toolbar vendors-toolbar">
        <SearchBox value={query.q} label={t("vendors.search")} onSearch={(q) => set({ q })} />
        <OptionSelect value={query.rating} options={RATINGS} label={(r) => t(`vendors.rating.${r}`)} emptyLabel={t("vendors.filter.allRatings")} onChange={(rating) => set({ rating })} aria-label={t("vendors.filter.rating")} testId="vendor-filter-rating" />
        <OptionSelect value={query.status} options={VENDOR_STATUSES} label={(s) => t(`vendors.status.${s}`)} emptyLabel={t("vendors.filter.allStatuses")} onChange={(status) => set({ status })} aria-label={t("vendors.filter.status")} testId="vendor-filter-status" />
        <select className="input vendor-filter-system" aria-label={t("vendors.filter.system")} value={query.systemId} onChange={(e) => set({ systemId: e.target.value })} data-testid="vendor-filter-system">
          <option value="">{t("vendors.filter.allSystems")}</option>
          <SystemOptions systems={systems} />
        </select>
        <label className="checkbox">
          <input type="checkbox" checked={query.reviewOverdue} onChange={(e) => set({ reviewOverdue: e.target.checked })} data-testid="vendor-filter-overdue" />
          {t("vendors.filter.reviewOverdue")}
        </label>
        <CustomFilter fields={customFields} field={query.customField} value={query.customValue} onChange={(customField, customValue) => set({ customField, customValue })} users={owners} />
      </div>
      <div className="table-wrap">
        <table className="table" aria-busy={list.loading} data-testid="vendors-table">
          <thead>
            <tr>
              <SortHeader label={t("vendors.col.code")} field="code" sort={query.sort} onSort={sortBy} />
              <SortHeader label={t("vendors.col.name")} field="name" sort={query.sort} onSort={sortBy} />
              <SortHeader label={t("vendors.col.rating")} field="rating" sort={query.sort} onSort={sortBy} />
              <th scope="col">{t("vendors.col.status")}</th>
              <SortHeader label={t("vendors.col.contractEnd")} field="contractEnd" sort={query.sort} onSort={sortBy} />
              <SortHeader label={t("vendors.col.nextReview")} field="nextReviewOn" sort={query.sort} onSort={sortBy} />
              <th scope="col" className="table__numeric">
                {t("vendors.col.systems")}
              </th>
              <th scope="col">{t("vendors.col.owner")}</th>
              <CustomHeaders fields={listed} />
            </tr>
          </thead>
          <tbody>
            <TableState
              colSpan={8 + listed.length}
              loading={list.loading}
              error={list.error}
              count={list.page?.items.length ?? 0}
              filtered={filtered}
              emptyMessage={t("vendors.empty")}
              onRetry={list.reload}
              onClearFilters={() => setQuery({ ...INITIAL, limit: query.limit })}
            />
            {!list.error && list.page?.items.map((v) => <VendorRow key={v.id} vendor={v} custom={listed} personName={personName} />)}
          </tbody>
        </table>
      </div>
      {list.page && <Pager total={list.page.total} capped={list.page.totalCapped} limit={query.limit} offset={query.offset} onChange={(p) => setQuery((q) => ({ ...q, ...p }))} />}
      {creating && <VendorDialog onClose={() => setCreating(false)} onSaved={(saved) => navigate(vendorPath(saved.id))} />}
    </div>
  );
}
