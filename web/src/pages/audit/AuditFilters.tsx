import { useEffect, useState } from "react";
import { useDebounced } from "../../hooks/usePagedList.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { RecordFilter } from "./AuditRow.tsx";
import { ACTION_GROUPS, ACTION_PREFIX, ENTITY_PREFIX, KNOWN_ENTITY_TYPES } from "./vocabulary.ts";

export interface AuditFilterValues {
  action: string;
  entityType: string;
  /** A business code as typed (`INC-000003`). */
  code: string;
  /** A record chosen from an entry or a link: filtered by id, shown by name. */
  record: RecordFilter | undefined;
  /** Local calendar days, `YYYY-MM-DD`, both inclusive. */
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilterValues = { action: "", entityType: "", code: "", record: undefined, from: "", to: "" };

interface AuditFiltersProps {
  value: AuditFilterValues;
  /** The chosen record's name as the current page knows it (a link brings only its id). */
  recordName: string | undefined;
  onChange(next: AuditFilterValues): void;
}

/** Action (every one, by record type), record type, record code, a chosen record and a date range. */
export function AuditFilters({ value, recordName, onChange }: AuditFiltersProps) {
  const { t, label } = useI18n();
  const [code, setCode] = useState(value.code);
  const settledCode = useDebounced(code.trim(), 350);
  useEffect(() => {
    setCode(value.code);
  }, [value.code]);
  useEffect(() => {
    if (settledCode !== value.code) onChange({ ...value, code: settledCode });
    // Only typing in the code box should trigger this.
  }, [settledCode]);

  const set = (patch: Partial<AuditFilterValues>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="filters">
      <legend className="visually-hidden">{t("common.filters")}</legend>
      <label className="filters__item">
        <span>{t("audit.filter.action")}</span>
        <select className="input" value={value.action} onChange={(e) => set({ action: e.target.value })} data-testid="audit-filter-action">
          <option value="">{t("audit.filter.allActions")}</option>
          {ACTION_GROUPS.map((group) => (
            <optgroup key={group.type} label={label(ENTITY_PREFIX, group.type)}>
              {group.actions.map((a) => (
                <option key={a} value={a}>
                  {label(ACTION_PREFIX, a)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="filters__item">
        <span>{t("audit.filter.entityType")}</span>
        <select className="input" value={value.entityType} onChange={(e) => set({ entityType: e.target.value })} data-testid="audit-filter-type">
          <option value="">{t("audit.filter.allTypes")}</option>
          {KNOWN_ENTITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {label(ENTITY_PREFIX, type)}
            </option>
          ))}
        </select>
      </label>
      <label className="filters__item">
        <span>{t("audit.filter.code")}</span>
        <input className="input input--mono" value={code} placeholder={t("audit.filter.codePlaceholder")} onChange={(e) => setCode(e.target.value)} data-testid="audit-filter-code" />
      </label>
      <label className="filters__item">
        <span>{t("audit.filter.from")}</span>
        <input className="input" type="date" value={value.from} max={value.to || undefined} onChange={(e) => set({ from: e.target.value })} />
      </label>
      <label className="filters__item">
        <span>{t("audit.filter.to")}</span>
        <input className="input" type="date" value={value.to} min={value.from || undefined} onChange={(e) => set({ to: e.target.value })} />
      </label>
      {value.record && (
        <div className="filters__record">
          <span className="choice-chip" data-testid="audit-filter-record">
            {t("audit.filter.record", { name: recordName || value.record.name || label(ENTITY_PREFIX, value.record.type) })}
            <button type="button" className="choice-chip__remove" aria-label={t("audit.filter.clearRecord")} title={t("audit.filter.clearRecord")} onClick={() => set({ record: undefined })}>
              <span aria-hidden="true">×</span>
            </button>
          </span>
        </div>
      )}
    </fieldset>
  );
}
