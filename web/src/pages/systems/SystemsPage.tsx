import { systemsApi } from "../../api/systems.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { Pager } from "../../components/Pager.tsx";
import { SortHeader } from "../../components/SortHeader.tsx";
import { TableState } from "../../components/TableState.tsx";
import { CustomHeaders, listedFields } from "../../components/custom/CustomColumns.tsx";
import { useCustomPeople } from "../../components/custom/RecordCustomFacts.tsx";
import { useCustomFields } from "../../hooks/useCustomFields.ts";
import { usePagedList } from "../../hooks/usePagedList.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link, navigate, useSearch } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { ExportMenu } from "./ExportMenu.tsx";
import { InventoryFilters } from "./InventoryFilters.tsx";
import { DEFAULT_QUERY, inventoryFilters, inventoryParams, inventorySearch, isFiltered, parseInventoryQuery, type InventoryQuery } from "./inventory-query.ts";
import { SystemTableRow } from "./SystemTableRow.tsx";
import "./systems.css";

const COLUMNS = 8;

/**
 * The AI-system inventory: searched, filtered, sorted and paged on the server, so it stays fast
 * with a hundred thousand systems. Its state lives in the address bar, so any view can be linked to.
 */
export function SystemsPage() {
  const { t, lang } = useI18n();
  const { can } = useSignedIn();
  const query = parseInventoryQuery(useSearch());
  const list = usePagedList(systemsApi.list, inventoryParams(query));
  const customFields = useCustomFields("system");
  const listed = listedFields(customFields);
  const { users, personName } = useCustomPeople(customFields);
  const go = (next: InventoryQuery, replace = false) => navigate(`/systems${inventorySearch(next)}`, { replace });
  const set = (patch: Partial<InventoryQuery>, replace = false) => go({ ...query, offset: 0, ...patch }, replace);
  const sortHeader = (label: string, field: string) => <SortHeader label={label} field={field} sort={query.sort} onSort={(sort) => set({ sort })} />;
  const nameField = lang === "ja" ? "nameJa" : "nameEn";

  return (
    <div className="inventory" data-testid="page-systems">
      <PageHeader
        title={t("systems.title")}
        subtitle={t("systems.subtitle")}
        actions={
          <>
            {can("systems.edit") && (
              <Link to="/systems/new" className="button button--primary" data-testid="system-new">
                {t("systems.new")}
              </Link>
            )}
            {can("systems.import") && (
              <Link to="/systems/import" className="button" data-testid="system-import">
                {t("systems.import")}
              </Link>
            )}
            <ExportMenu filters={inventoryFilters(query)} />
          </>
        }
      />
      <InventoryFilters query={query} onChange={set} customFields={customFields} users={users} />
      <div className="table-wrap">
        <table className="table inventory__table" aria-busy={list.loading} data-testid="systems-table">
          <thead>
            <tr>
              {sortHeader(t("systems.col.code"), "code")}
              {sortHeader(t("systems.col.name"), nameField)}
              <th scope="col">{t("systems.col.businessOwner")}</th>
              <th scope="col">{t("systems.col.department")}</th>
              {sortHeader(t("systems.col.lifecycle"), "lifecycle")}
              {sortHeader(t("systems.col.euClass"), "euClass")}
              {sortHeader(t("systems.col.nextReview"), "nextReviewAt")}
              <th scope="col">{t("systems.col.tags")}</th>
              <CustomHeaders fields={listed} />
            </tr>
          </thead>
          <tbody>
            <TableState
              colSpan={COLUMNS + listed.length}
              loading={list.loading}
              error={list.error}
              count={list.page?.items.length ?? 0}
              filtered={isFiltered(query)}
              emptyMessage={t("systems.empty")}
              onRetry={list.reload}
              onClearFilters={() => go({ ...DEFAULT_QUERY, limit: query.limit, sort: query.sort })}
            />
            {!list.error && list.page?.items.map((system) => <SystemTableRow key={system.id} system={system} onTag={(tag) => set({ tag })} custom={listed} personName={personName} />)}
          </tbody>
        </table>
      </div>
      {list.page && <Pager total={list.page.total} capped={list.page.totalCapped} limit={query.limit} offset={query.offset} onChange={(p) => go({ ...query, ...p })} />}
    </div>
  );
}
