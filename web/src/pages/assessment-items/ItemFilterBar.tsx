import type { ReactNode } from "react";
import { ITEM_STATUSES, type ItemGroup, type ItemStatus, type ItemView } from "../../api/compliance.ts";
import { LocalText } from "../../components/LocalText.tsx";
import { ITEM_STATUS_LABELS } from "../../components/status-tones.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { ItemFilters } from "./item-filters.ts";
import { useFrameworkOptions } from "./useFrameworkOptions.ts";

interface ItemFilterBarProps {
  filters: ItemFilters;
  /** A row of the current page, to name the requirement, system or owner an id filter stands for. */
  sample: ItemView | undefined;
  onChange(next: ItemFilters): void;
}

/** Selects for framework, status and group; removable chips for the id filters a link brought. */
export function ItemFilterBar({ filters, sample, onChange }: ItemFilterBarProps) {
  const { t, lang } = useI18n();
  const frameworks = useFrameworkOptions();
  const set = (patch: Partial<ItemFilters>) => {
    const next = { ...filters, ...patch };
    for (const key of Object.keys(next) as (keyof ItemFilters)[]) if (!next[key]) delete next[key];
    onChange(next);
  };
  const requirement = sample && filters.urn === sample.requirement.urn ? sample.requirement : undefined;
  const system = sample && filters.systemId === sample.system.id ? sample.system : undefined;
  const owner = sample && filters.ownerId === sample.owner?.id ? sample.owner : undefined;

  return (
    <div className="toolbar item-filters" data-testid="item-filters">
      <select className="input" aria-label={t("items.filter.framework")} value={filters.framework ?? ""} onChange={(e) => set({ framework: e.target.value })}>
        <option value="">{t("items.filter.allFrameworks")}</option>
        {filters.framework && !frameworks.some((f) => f.id === filters.framework) && <option value={filters.framework}>{filters.framework}</option>}
        {frameworks.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}
          </option>
        ))}
      </select>
      <select className="input" aria-label={t("items.filter.status")} value={filters.status ?? ""} onChange={(e) => set({ status: e.target.value as ItemStatus | "" || undefined })}>
        <option value="">{t("items.filter.allStatuses")}</option>
        {ITEM_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(ITEM_STATUS_LABELS[s])}
          </option>
        ))}
      </select>
      <select className="input" aria-label={t("items.filter.group")} value={filters.group ?? ""} onChange={(e) => set({ group: e.target.value as ItemGroup | "" || undefined })}>
        <option value="">{t("items.filter.anyGroup")}</option>
        <option value="gap">{t("items.group.gap")}</option>
        <option value="open">{t("items.group.open")}</option>
        <option value="done">{t("items.group.done")}</option>
      </select>
      <label className="checkbox">
        <input type="checkbox" checked={filters.overdue === "true"} onChange={(e) => set({ overdue: e.target.checked ? "true" : undefined })} />
        {t("items.filter.overdue")}
      </label>
      {filters.urn && (
        <FilterChip label={t("items.filter.requirement")} onRemove={() => set({ urn: undefined })}>
          {requirement ? <LocalText text={requirement.label} mark="none" /> : <code>{filters.urn}</code>}
        </FilterChip>
      )}
      {filters.systemId && (
        <FilterChip label={t("items.filter.system")} onRemove={() => set({ systemId: undefined })}>
          {system ? `${system.code} ${lang === "ja" ? system.nameJa : system.nameEn}` : t("common.selectedItem")}
        </FilterChip>
      )}
      {filters.ownerId && (
        <FilterChip label={t("items.filter.owner")} onRemove={() => set({ ownerId: undefined })}>
          {owner?.displayName ?? t("common.selectedItem")}
        </FilterChip>
      )}
    </div>
  );
}

function FilterChip({ label, children, onRemove }: { label: string; children: ReactNode; onRemove(): void }) {
  const { t } = useI18n();
  return (
    <span className="filter-chip">
      <span className="filter-chip__label">{label}</span>
      {children}
      <button type="button" className="filter-chip__remove" aria-label={t("items.filter.remove", { filter: label })} onClick={onRemove}>
        ×
      </button>
    </span>
  );
}
