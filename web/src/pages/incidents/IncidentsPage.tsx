import { useState } from "react";
import { INCIDENT_STATUSES, incidentsApi, SEVERITIES, TRISTATE, type IncidentStatus, type Severity, type Tristate } from "../../api/incidents.ts";
import { CustomHeaders, listedFields } from "../../components/custom/CustomColumns.tsx";
import { CustomFilter, customFilterQuery } from "../../components/custom/CustomFilter.tsx";
import { useCustomPeople } from "../../components/custom/RecordCustomFacts.tsx";
import { OptionSelect } from "../../components/OptionSelect.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { Pager } from "../../components/Pager.tsx";
import { SearchBox } from "../../components/SearchBox.tsx";
import { SortHeader } from "../../components/SortHeader.tsx";
import { TableState } from "../../components/TableState.tsx";
import { useCustomFields } from "../../hooks/useCustomFields.ts";
import { usePagedList } from "../../hooks/usePagedList.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link, navigate, useSearch } from "../../router/router.tsx";
import { SystemOptions } from "../../components/SystemOptions.tsx";
import { useSystemOptions } from "../../hooks/useOptions.ts";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { IncidentDialog } from "./IncidentDialog.tsx";
import { IncidentRow } from "./IncidentRow.tsx";
import { incidentPath } from "./incident-rules.ts";
import "./incidents.css";

interface Query {
  limit: number;
  offset: number;
  sort: string;
  q: string;
  status: IncidentStatus | "";
  severity: Severity | "";
  personalData: Tristate | "";
  /** One system's incidents ("" all): the system page's link here sets it. */
  systemId: string;
  /** The organisation's own field filtered on ("" none), and its value. */
  customField: string;
  customValue: string;
}
const INITIAL: Query = { limit: 25, offset: 0, sort: "-detectedAt", q: "", status: "", severity: "", personalData: "", systemId: "", customField: "", customValue: "" };

/**
 * The organisation's incidents, newest first: filed by people or raised by monitoring tools.
 * Filters narrow to what needs attention — open ones, the severe, those involving personal data.
 */
export function IncidentsPage() {
  const { t } = useI18n();
  const { can } = useSignedIn();
  const report = can("incidents.report");
  const search = useSearch();
  const [query, setQuery] = useState<Query>(() => ({ ...INITIAL, systemId: search.get("systemId") ?? "" }));
  const systems = useSystemOptions(can("systems.read"));
  const customFields = useCustomFields("incident");
  const listed = listedFields(customFields);
  const { users, personName } = useCustomPeople(customFields);
  const { customField, customValue, ...rest } = query;
  const list = usePagedList(incidentsApi.list, {
    ...rest,
    ...customFilterQuery(customField, customValue),
    q: query.q || undefined,
    status: query.status || undefined,
    severity: query.severity || undefined,
    personalData: query.personalData || undefined,
    systemId: query.systemId || undefined,
  });
  const [filing, setFiling] = useState(false);
  const set = (patch: Partial<Query>) => setQuery((q) => ({ ...q, offset: 0, ...patch }));
  const sortBy = (sort: string) => set({ sort });
  const filtered = Boolean(query.q || query.status || query.severity || query.personalData || query.systemId || query.customValue);

  return (
    <div data-testid="page-incidents">
      <PageHeader
        title={t("incidents.title")}
        subtitle={t("incidents.subtitle")}
        actions={
          <>
            <Link to="/incidents/reference" className="button" data-testid="reference-incidents-link">
              {t("incidents.reference.link")}
            </Link>
            {can("incidents.manage") && (
              <Link to="/incidents/import" className="button" data-testid="incident-import">
                {t("incidentImports.open")}
              </Link>
            )}
            {report && (
              <button type="button" className="button button--primary" onClick={() => setFiling(true)} data-testid="create-incident">
                {t("incidents.create")}
              </button>
            )}
          </>
        }
      />
      <div className="toolbar">
        <SearchBox value={query.q} label={t("incidents.search")} onSearch={(q) => set({ q })} />
        <OptionSelect value={query.status} options={INCIDENT_STATUSES} label={(s) => t(`incidents.status.${s}`)} emptyLabel={t("incidents.filter.allStatuses")} onChange={(status) => set({ status })} aria-label={t("incidents.filter.status")} testId="incident-filter-status" />
        <OptionSelect value={query.severity} options={SEVERITIES} label={(s) => t(`incidents.severity.${s}`)} emptyLabel={t("incidents.filter.allSeverities")} onChange={(severity) => set({ severity })} aria-label={t("incidents.filter.severity")} testId="incident-filter-severity" />
        {(systems.length > 0 || query.systemId) && (
          <select className="input" aria-label={t("incidents.filter.system")} value={query.systemId} onChange={(e) => set({ systemId: e.target.value })} data-testid="incident-filter-system">
            <option value="">{t("incidents.filter.allSystems")}</option>
            <SystemOptions systems={systems} />
          </select>
        )}
        <OptionSelect value={query.personalData} options={TRISTATE} label={(v) => t(`incidents.filter.personalData.${v}`)} emptyLabel={t("incidents.filter.anyPersonalData")} onChange={(personalData) => set({ personalData })} aria-label={t("incidents.filter.personalData")} testId="incident-filter-personal-data" />
        <CustomFilter fields={customFields} field={query.customField} value={query.customValue} onChange={(customField, customValue) => set({ customField, customValue })} users={users} />
      </div>
      <div className="table-wrap">
        <table className="table" aria-busy={list.loading} data-testid="incidents-table">
          <thead>
            <tr>
              <SortHeader label={t("incidents.col.code")} field="code" sort={query.sort} onSort={sortBy} />
              <th scope="col">{t("incidents.col.title")}</th>
              <SortHeader label={t("incidents.col.severity")} field="severity" sort={query.sort} onSort={sortBy} />
              <th scope="col">{t("incidents.col.status")}</th>
              <th scope="col">{t("incidents.col.systems")}</th>
              <SortHeader label={t("incidents.col.detectedAt")} field="detectedAt" sort={query.sort} onSort={sortBy} />
              <th scope="col">{t("incidents.col.appi")}</th>
              <CustomHeaders fields={listed} />
            </tr>
          </thead>
          <tbody>
            <TableState
              colSpan={7 + listed.length}
              loading={list.loading}
              error={list.error}
              count={list.page?.items.length ?? 0}
              filtered={filtered}
              emptyMessage={t("incidents.empty")}
              onRetry={list.reload}
              onClearFilters={() => setQuery({ ...INITIAL, limit: query.limit })}
            />
            {!list.error && list.page?.items.map((i) => <IncidentRow key={i.id} incident={i} custom={listed} personName={personName} />)}
          </tbody>
        </table>
      </div>
      {list.page && <Pager total={list.page.total} capped={list.page.totalCapped === true} limit={query.limit} offset={query.offset} onChange={(p) => setQuery((q) => ({ ...q, ...p }))} />}
      {filing && <IncidentDialog onClose={() => setFiling(false)} onSaved={(saved) => navigate(incidentPath(saved.id))} />}
    </div>
  );
}
