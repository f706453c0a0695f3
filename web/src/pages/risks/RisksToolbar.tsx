import type { FieldView } from "../../api/fields.ts";
import { RISK_STATUSES, RISK_TREATMENTS, type RiskMatrix, type RiskTaxonomy } from "../../api/risks.ts";
import type { SystemRow } from "../../api/systems.ts";
import type { UserView } from "../../api/types.ts";
import { CustomFilter } from "../../components/custom/CustomFilter.tsx";
import { OptionSelect } from "../../components/OptionSelect.tsx";
import { SearchBox } from "../../components/SearchBox.tsx";
import { SystemOptions } from "../../components/SystemOptions.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { localName } from "./risk-matrix.ts";
import { STATUS_LABELS, TREATMENT_LABELS } from "./risk-labels.ts";
import type { RiskQuery } from "./risk-query.ts";
import { categoryOptions } from "./risk-taxonomy.ts";

interface RisksToolbarProps {
  query: RiskQuery;
  set(patch: Partial<RiskQuery>): void;
  matrix: RiskMatrix | undefined;
  systems: SystemRow[];
  taxonomy: RiskTaxonomy | undefined;
  /** The organisation's fields on risks (the custom filter offers those it can filter on). */
  customFields: readonly FieldView[];
  /** People a person field's filter offers. */
  users: readonly UserView[];
}

/** Search and filters of the register: status, treatment, band, system (or organisation-wide), category, overdue reviews, one of the organisation's own fields. */
export function RisksToolbar({ query, set, matrix, systems, taxonomy, customFields, users }: RisksToolbarProps) {
  const { t, lang } = useI18n();
  const selectedSystemMissing = query.systemId && query.systemId !== "none" && !systems.some((s) => s.id === query.systemId);
  return (
    <div className="toolbar risks-toolbar" data-testid="risks-toolbar">
      <SearchBox value={query.q} label={t("risks.search")} onSearch={(q) => set({ q })} />
      <OptionSelect value={query.status} options={RISK_STATUSES} label={(s) => t(STATUS_LABELS[s])} emptyLabel={t("risks.filter.allStatuses")} onChange={(status) => set({ status })} aria-label={t("risks.filter.status")} testId="risks-filter-status" />
      <OptionSelect value={query.treatment} options={RISK_TREATMENTS} label={(s) => t(TREATMENT_LABELS[s])} emptyLabel={t("risks.filter.allTreatments")} onChange={(treatment) => set({ treatment })} aria-label={t("risks.filter.treatment")} testId="risks-filter-treatment" />
      <select className="input" aria-label={t("risks.filter.band")} value={query.band} onChange={(e) => set({ band: e.target.value })} data-testid="risks-filter-band">
        <option value="">{t("risks.filter.allBands")}</option>
        {matrix?.bands
          .slice()
          .reverse()
          .map((b) => (
            <option key={b.id} value={b.id}>
              {localName(b, lang)}
            </option>
          ))}
      </select>
      <select className="input" aria-label={t("risks.filter.system")} value={query.systemId} onChange={(e) => set({ systemId: e.target.value })} data-testid="risks-filter-system">
        <option value="">{t("risks.filter.allSystems")}</option>
        <option value="none">{t("risks.filter.orgWide")}</option>
        {selectedSystemMissing && <option value={query.systemId}>{t("common.selectedItem")}</option>}
        <SystemOptions systems={systems} />
      </select>
      {taxonomy && (
        <select className="input" aria-label={t("risks.filter.category")} value={query.category} onChange={(e) => set({ category: e.target.value })} data-testid="risks-filter-category">
          <option value="">{t("risks.filter.allCategories")}</option>
          {categoryOptions(taxonomy, lang).map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={query.reviewOverdue} onChange={(e) => set({ reviewOverdue: e.target.checked })} data-testid="risks-filter-overdue" />
        {t("risks.filter.reviewOverdue")}
      </label>
      <CustomFilter fields={customFields} field={query.customField} value={query.customValue} onChange={(customField, customValue) => set({ customField, customValue })} users={users} />
    </div>
  );
}
