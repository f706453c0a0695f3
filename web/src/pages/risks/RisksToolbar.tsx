import { RISK_STATUSES, RISK_TREATMENTS, type RiskMatrix, type RiskStatus, type RiskTreatment, type RiskTaxonomy } from "../../api/risks.ts";
import type { SystemRow } from "../../api/systems.ts";
import { SearchBox } from "../../components/SearchBox.tsx";
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
}

/** Search and filters of the register: status, treatment, band, system (or organisation-wide), category, overdue reviews. */
export function RisksToolbar({ query, set, matrix, systems, taxonomy }: RisksToolbarProps) {
  const { t, lang } = useI18n();
  const selectedSystemMissing = query.systemId && query.systemId !== "none" && !systems.some((s) => s.id === query.systemId);
  return (
    <div className="toolbar risks-toolbar" data-testid="risks-toolbar">
      <SearchBox value={query.q} label={t("risks.search")} onSearch={(q) => set({ q })} />
      <select className="input" aria-label={t("risks.filter.status")} value={query.status} onChange={(e) => set({ status: e.target.value as RiskStatus | "" })} data-testid="risks-filter-status">
        <option value="">{t("risks.filter.allStatuses")}</option>
        {RISK_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(STATUS_LABELS[s])}
          </option>
        ))}
      </select>
      <select className="input" aria-label={t("risks.filter.treatment")} value={query.treatment} onChange={(e) => set({ treatment: e.target.value as RiskTreatment | "" })} data-testid="risks-filter-treatment">
        <option value="">{t("risks.filter.allTreatments")}</option>
        {RISK_TREATMENTS.map((s) => (
          <option key={s} value={s}>
            {t(TREATMENT_LABELS[s])}
          </option>
        ))}
      </select>
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
        {selectedSystemMissing && <option value={query.systemId}>{query.systemId}</option>}
        {systems.map((s) => (
          <option key={s.id} value={s.id}>
            {`${s.code} ${lang === "ja" ? s.nameJa : s.nameEn}`}
          </option>
        ))}
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
    </div>
  );
}
