import { useEffect, useState } from "react";
import { risksApi, type HeatmapBasis, type RiskListParams, type RiskView } from "../../api/risks.ts";
import { CustomHeaders, listedFields } from "../../components/custom/CustomColumns.tsx";
import { useCustomPeople } from "../../components/custom/RecordCustomFacts.tsx";
import { LoadState } from "../../components/LoadState.tsx";
import { Notice, PageNotice } from "../../components/Notice.tsx";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { Pager } from "../../components/Pager.tsx";
import { SortHeader } from "../../components/SortHeader.tsx";
import { TableState } from "../../components/TableState.tsx";
import { useCustomFields } from "../../hooks/useCustomFields.ts";
import { useSystemOptions } from "../../hooks/useOptions.ts";
import { usePagedList } from "../../hooks/usePagedList.ts";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { navigate, useSearch } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { HeatMap } from "./HeatMap.tsx";
import { MatrixDialog } from "./MatrixDialog.tsx";
import { RiskDialog } from "./RiskDialog.tsx";
import { RiskRow } from "./RiskRow.tsx";
import { RisksToolbar } from "./RisksToolbar.tsx";
import { riskPath } from "./risk-labels.ts";
import { togglePick } from "./risk-matrix.ts";
import { heatmapSystem, INITIAL_RISK_QUERY, isFiltered, listParams, basisFromSearch, queryFromSearch, searchOfQuery, type RiskQuery } from "./risk-query.ts";
import { useRiskMatrix, useTaxonomy } from "./useRiskRefs.ts";
import "./risks.css";

/** A page of the register; `generation` only makes the list fetch again after a change elsewhere. */
function fetchRisks({ generation: _, ...params }: RiskListParams & { generation: number }, signal: AbortSignal) {
  return risksApi.list(params, signal);
}

/**
 * The risk register: a heat map of where the organisation's risks sit on its matrix, and the
 * register below it, filtered by a click on a cell or band, or by the toolbar.
 */
export function RisksPage() {
  const { t, lang } = useI18n();
  const { can } = useSignedIn();
  const search = useSearch();
  const [query, setQuery] = useState<RiskQuery>(() => queryFromSearch(search));
  const [basis, setBasis] = useState<HeatmapBasis>(() => basisFromSearch(search));
  const [generation, setGeneration] = useState(0);
  const [creating, setCreating] = useState(false);
  const [editingMatrix, setEditingMatrix] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage>();
  const matrix = useRiskMatrix(String(generation));
  const systems = useSystemOptions(can("systems.read"));
  const taxonomy = useTaxonomy(can("library.read"));
  const customFields = useCustomFields("risk");
  const listed = listedFields(customFields);
  const { users: people, personName } = useCustomPeople(customFields);
  const list = usePagedList(fetchRisks, { ...listParams(query), generation });
  const mapSystem = heatmapSystem(query);
  const heatmap = useResource((signal) => risksApi.heatmap(mapSystem ? { basis, systemId: mapSystem } : { basis }, signal), `${basis}:${mapSystem ?? ""}:${generation}`);

  // The address follows the filters, so a view (a heat-map cell included) can be shared or reloaded.
  const address = searchOfQuery(query, basis);
  useEffect(() => {
    if (address !== window.location.search) navigate(`/risks${address}`, { replace: true });
  }, [address]);

  const set = (patch: Partial<RiskQuery>) => setQuery((q) => ({ ...q, offset: 0, ...patch }));
  const sortBy = (sort: string) => set({ sort });
  const titleField = lang === "ja" ? "titleJa" : "titleEn";
  const pick = query.likelihood !== undefined && query.impact !== undefined ? { likelihood: query.likelihood, impact: query.impact } : undefined;
  const system = mapSystem ? systems.find((s) => s.id === mapSystem) : undefined;
  const scope = mapSystem
    ? t("risks.heatmap.scopeSystem", { system: system ? (lang === "ja" ? system.nameJa : system.nameEn) : mapSystem })
    : query.systemId === "none"
      ? t("risks.heatmap.scopeAllOrgWideFilter")
      : t("risks.heatmap.scopeAll");
  const refresh = () => setGeneration((g) => g + 1);

  return (
    <div className="page-stack risks-page" data-testid="page-risks">
      <PageHeader
        title={t("risks.title")}
        subtitle={t("risks.subtitle")}
        actions={
          <>
            {can("risks.manage") && matrix.data && (
              <button type="button" className="button" onClick={() => setEditingMatrix(true)} data-testid="edit-risk-matrix">
                {t("risks.matrix.edit")}
              </button>
            )}
            {can("risks.edit") && (
              <button type="button" className="button button--primary" onClick={() => setCreating(true)} data-testid="create-risk">
                {t("risks.create")}
              </button>
            )}
          </>
        }
      />
      <PageNotice notice={notice} onDismiss={() => setNotice(undefined)} testId="risks-notice" />
      {matrix.data ? (
        <HeatMap
          matrix={matrix.data.matrix}
          data={heatmap.data?.basis === basis ? heatmap.data : undefined}
          error={heatmap.error}
          basis={basis}
          onBasis={setBasis}
          pick={pick}
          onPick={(cell) => {
            const next = togglePick(pick, cell);
            set({ likelihood: next?.likelihood, impact: next?.impact });
          }}
          onClearPick={() => set({ likelihood: undefined, impact: undefined })}
          band={query.band}
          onBand={(band) => set({ band })}
          scope={scope}
        />
      ) : (
        <LoadState loading={matrix.loading} error={matrix.error} onRetry={matrix.reload} />
      )}
      <section className="risks-register" aria-label={t("risks.register")}>
        <RisksToolbar query={query} set={set} matrix={matrix.data?.matrix} systems={systems} taxonomy={taxonomy} customFields={customFields} users={people} />
        <div className="table-wrap">
          <table className="table" aria-busy={list.loading} data-testid="risks-table">
            <thead>
              <tr>
                <SortHeader label={t("risks.col.code")} field="code" sort={query.sort} onSort={sortBy} />
                <SortHeader label={t("risks.col.title")} field={titleField} sort={query.sort} onSort={sortBy} />
                <th scope="col">{t("risks.col.system")}</th>
                <SortHeader label={t("risks.col.rating")} field="rating" sort={query.sort} onSort={sortBy} />
                <th scope="col">{t("risks.col.treatment")}</th>
                <th scope="col">{t("risks.col.status")}</th>
                <th scope="col">{t("risks.col.owner")}</th>
                <SortHeader label={t("risks.col.nextReview")} field="nextReviewOn" sort={query.sort} onSort={sortBy} />
                <CustomHeaders fields={listed} />
              </tr>
            </thead>
            <tbody>
              <TableState
                colSpan={8 + listed.length}
                loading={list.loading}
                error={list.error}
                count={list.page?.items.length ?? 0}
                filtered={isFiltered(query)}
                emptyMessage={t("risks.empty")}
                onRetry={list.reload}
                onClearFilters={() => setQuery({ ...INITIAL_RISK_QUERY, limit: query.limit, sort: query.sort })}
              />
              {!list.error && list.page?.items.map((r: RiskView) => <RiskRow key={r.id} risk={r} matrix={matrix.data?.matrix} custom={listed} personName={personName} />)}
            </tbody>
          </table>
        </div>
        {list.page && <Pager total={list.page.total} capped={list.page.totalCapped} limit={query.limit} offset={query.offset} onChange={(p) => setQuery((q) => ({ ...q, ...p }))} />}
      </section>
      {creating && matrix.data && (
        <RiskDialog
          matrix={matrix.data.matrix}
          systemId={mapSystem}
          onClose={() => setCreating(false)}
          onSaved={(saved) => navigate(riskPath(saved.id))}
        />
      )}
      {creating && !matrix.data && (
        <Notice kind="error" onDismiss={() => setCreating(false)}>
          {t("risks.matrix.unavailable")}
        </Notice>
      )}
      {editingMatrix && matrix.data && (
        <MatrixDialog
          current={matrix.data}
          onClose={() => setEditingMatrix(false)}
          onSaved={() => {
            refresh();
            setNotice({ kind: "success", text: (i) => i.t("risks.matrix.saved") });
          }}
        />
      )}
    </div>
  );
}
