import type { FieldView } from "../../api/fields.ts";
import { EU_CLASSES, LIFECYCLES, type Lifecycle } from "../../api/systems.ts";
import type { UserView } from "../../api/types.ts";
import { CustomFilter } from "../../components/custom/CustomFilter.tsx";
import { SearchBox } from "../../components/SearchBox.tsx";
import { departmentName, useDepartments } from "../../hooks/useDepartments.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { plainText } from "../../i18n/text.ts";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import type { InventoryQuery } from "./inventory-query.ts";
import { frameworkName, useFrameworks } from "./useFrameworks.ts";

interface InventoryFiltersProps {
  query: InventoryQuery;
  onChange(patch: Partial<InventoryQuery>, replace?: boolean): void;
  /** The organisation's fields on systems, one of which the list may filter on. */
  customFields: readonly FieldView[];
  /** People a person field's filter offers. */
  users: readonly UserView[];
}

/** Search (debounced) and the filters: lifecycle, EU class, department, framework, overdue reviews, one of the organisation's fields, tag. */
export function InventoryFilters({ query, onChange, customFields, users }: InventoryFiltersProps) {
  const { t, lang } = useI18n();
  const { can } = useSignedIn();
  const departments = useDepartments(can("departments.read"));
  const frameworks = useFrameworks();
  return (
    <div className="toolbar inventory__filters" role="search">
      <SearchBox value={query.q} label={t("systems.search")} onSearch={(q) => onChange({ q }, true)} />
      <select className="input" aria-label={t("systems.filter.lifecycle")} value={query.lifecycle} onChange={(e) => onChange({ lifecycle: e.target.value as Lifecycle | "" })}>
        <option value="">{t("systems.filter.allLifecycles")}</option>
        {LIFECYCLES.map((l) => (
          <option key={l} value={l}>
            {t(`systems.lifecycle.${l}`)}
          </option>
        ))}
      </select>
      <select className="input" aria-label={t("systems.filter.euClass")} value={query.euClass} onChange={(e) => onChange({ euClass: e.target.value })}>
        <option value="">{t("systems.filter.allEuClasses")}</option>
        {[...EU_CLASSES, "none"].map((c) => (
          <option key={c} value={c}>
            {t(`systems.euClass.${c as (typeof EU_CLASSES)[number] | "none"}`)}
          </option>
        ))}
      </select>
      <select className="input" aria-label={t("systems.filter.department")} value={query.departmentId} onChange={(e) => onChange({ departmentId: e.target.value })}>
        <option value="">{t("systems.filter.allDepartments")}</option>
        {departments.map((d) => (
          <option key={d.id} value={d.id}>
            {departmentName(d, lang)}
          </option>
        ))}
      </select>
      <select className="input" aria-label={t("systems.filter.framework")} value={query.framework} onChange={(e) => onChange({ framework: e.target.value })}>
        <option value="">{t("systems.filter.allFrameworks")}</option>
        {frameworks.map((f) => (
          <option key={f.id} value={f.id}>
            {plainText(frameworkName(frameworks, f.id, lang), lang)}
          </option>
        ))}
      </select>
      <label className="checkbox inventory__overdue">
        <input type="checkbox" checked={query.reviewOverdue} onChange={(e) => onChange({ reviewOverdue: e.target.checked })} data-testid="filter-overdue" />
        {t("systems.filter.overdue")}
      </label>
      <CustomFilter fields={customFields} field={query.customField} value={query.customValue} onChange={(customField, customValue) => onChange({ customField, customValue })} users={users} />
      {query.tag && (
        <span className="filter-chip">
          {t("systems.filter.tag", { tag: query.tag })}
          <button type="button" className="icon-button filter-chip__remove" aria-label={t("systems.filter.removeTag", { tag: query.tag })} onClick={() => onChange({ tag: "" })}>
            ×
          </button>
        </span>
      )}
    </div>
  );
}
