import { useState } from "react";
import { INTAKE_KINDS, INTAKE_STATUSES, oversightApi } from "../../api/oversight.ts";
import { OptionSelect } from "../../components/OptionSelect.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { Pager } from "../../components/Pager.tsx";
import { TableState } from "../../components/TableState.tsx";
import { usePagedList } from "../../hooks/usePagedList.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { navigate, useSearch } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { CaseDialog } from "./CaseDialog.tsx";
import { DrillDownNotice } from "./DrillDownNotice.tsx";
import { IntakeRow } from "./IntakeRow.tsx";
import { casePath, intakeParamsOf, isFiltered, NO_FILTERS, queueFiltersOf, queuePath, type QueueFilters } from "./oversight-paths.ts";
import { PublicPagesLinks } from "./PublicPagesLinks.tsx";
import { useValueWords } from "./useValueWords.ts";
import "./oversight.css";

/**
 * The intake queue: what organisations (and the public) sent this authority, newest first, with
 * possible duplicates, the closest public case and the parts marked confidential. Filters live in
 * the address, so a trend's bar opens the queue narrowed to it and the back button returns to it.
 */
export function IntakePage() {
  const { t } = useI18n();
  const { can } = useSignedIn();
  const triage = can("oversight.triage");
  const words = useValueWords();
  const filters = queueFiltersOf(useSearch());
  const [paging, setPaging] = useState({ limit: 25, offset: 0 });
  const [selected, setSelected] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const list = usePagedList(oversightApi.intake, { ...paging, ...intakeParamsOf(filters) });
  const set = (patch: Partial<QueueFilters>) => {
    navigate(queuePath({ ...filters, ...patch }), { replace: true });
    setPaging((p) => ({ ...p, offset: 0 }));
  };
  const select = (id: string, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));
  const colSpan = triage ? 9 : 8;

  return (
    <div className="page-stack" data-testid="page-oversight-intake">
      <PageHeader
        title={t("oversight.queue.title")}
        subtitle={t("oversight.queue.subtitle")}
        actions={
          triage && (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)} data-testid="case-from-selection">
              {selected.length > 0 ? t("oversight.queue.caseFromSelection", { count: selected.length }) : t("oversight.cases.create")}
            </button>
          )
        }
      />
      <PublicPagesLinks />
      <DrillDownNotice filters={filters} words={words} onClear={() => set({ dimension: "", value: "", month: "" })} />
      <div className="toolbar">
        <OptionSelect value={filters.status} options={INTAKE_STATUSES} label={(s) => t(`oversight.status.${s}`)} emptyLabel={t("oversight.filter.allStatuses")} onChange={(status) => set({ status })} aria-label={t("oversight.filter.status")} testId="intake-filter-status" />
        <OptionSelect value={filters.kind} options={INTAKE_KINDS} label={words.kind} emptyLabel={t("oversight.filter.allKinds")} onChange={(kind) => set({ kind })} aria-label={t("oversight.filter.kind")} testId="intake-filter-kind" />
        <select className="input" value={filters.sector} onChange={(e) => set({ sector: e.target.value })} aria-label={t("oversight.filter.sector")} data-testid="intake-filter-sector">
          <option value="">{t("oversight.filter.allSectors")}</option>
          {words.vocabulary.sectors.map((s) => (
            <option key={s.value} value={s.value}>
              {words.sector(s.value)}
            </option>
          ))}
        </select>
      </div>
      <div className="table-wrap">
        <table className="table intake-table" aria-busy={list.loading} data-testid="intake-table">
          <caption className="visually-hidden">{t("oversight.queue.title")}</caption>
          <thead>
            <tr>
              {triage && (
                <th scope="col">
                  <span className="visually-hidden">{t("oversight.queue.selectColumn")}</span>
                </th>
              )}
              <th scope="col">{t("oversight.col.receivedAt")}</th>
              <th scope="col">{t("oversight.col.sender")}</th>
              <th scope="col">{t("oversight.col.kind")}</th>
              <th scope="col">{t("oversight.col.headline")}</th>
              <th scope="col">{t("oversight.col.severity")}</th>
              <th scope="col">{t("oversight.col.status")}</th>
              <th scope="col">{t("oversight.col.sector")}</th>
              <th scope="col">{t("oversight.col.flags")}</th>
            </tr>
          </thead>
          <tbody>
            <TableState
              colSpan={colSpan}
              loading={list.loading}
              error={list.error}
              count={list.page?.items.length ?? 0}
              filtered={isFiltered(filters)}
              emptyMessage={t("oversight.queue.empty")}
              onRetry={list.reload}
              onClearFilters={() => set(NO_FILTERS)}
            />
            {!list.error &&
              list.page?.items.map((item) => (
                <IntakeRow key={item.id} item={item} words={words} selected={selected.includes(item.id)} onSelect={triage ? (on) => select(item.id, on) : undefined} />
              ))}
          </tbody>
        </table>
      </div>
      {list.page && <Pager total={list.page.total} capped={list.page.totalCapped === true} limit={paging.limit} offset={paging.offset} onChange={setPaging} />}
      {creating && <CaseDialog intakeIds={selected} onClose={() => setCreating(false)} onSaved={(c) => navigate(casePath(c.id))} />}
    </div>
  );
}
