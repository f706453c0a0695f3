import { useEffect, useState } from "react";
import { useDebounced } from "../../hooks/usePagedList.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { ACTION_PREFIX, ENTITY_PREFIX, KNOWN_ACTIONS, KNOWN_ENTITY_TYPES } from "./vocabulary.ts";

export interface AuditFilterValues {
  action: string;
  entityType: string;
  entityId: string;
  /** Local calendar days, `YYYY-MM-DD`, both inclusive. */
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilterValues = { action: "", entityType: "", entityId: "", from: "", to: "" };

interface AuditFiltersProps {
  value: AuditFilterValues;
  onChange(next: AuditFilterValues): void;
}

/** Action, record type, record id and a date range; the record id applies once typing pauses. */
export function AuditFilters({ value, onChange }: AuditFiltersProps) {
  const { t, label } = useI18n();
  const [entityId, setEntityId] = useState(value.entityId);
  const settledId = useDebounced(entityId.trim(), 350);
  useEffect(() => setEntityId(value.entityId), [value.entityId]);
  useEffect(() => {
    if (settledId !== value.entityId) onChange({ ...value, entityId: settledId });
    // Only typing in the id box should trigger this.
  }, [settledId]);

  const set = (patch: Partial<AuditFilterValues>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="filters">
      <legend className="visually-hidden">{t("common.filters")}</legend>
      <label className="filters__item">
        <span>{t("audit.filter.action")}</span>
        <select className="input" value={value.action} onChange={(e) => set({ action: e.target.value })} data-testid="audit-filter-action">
          <option value="">{t("audit.filter.allActions")}</option>
          {KNOWN_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {label(ACTION_PREFIX, a)}
            </option>
          ))}
        </select>
      </label>
      <label className="filters__item">
        <span>{t("audit.filter.entityType")}</span>
        <select className="input" value={value.entityType} onChange={(e) => set({ entityType: e.target.value })}>
          <option value="">{t("audit.filter.allTypes")}</option>
          {KNOWN_ENTITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {label(ENTITY_PREFIX, type)}
            </option>
          ))}
        </select>
      </label>
      <label className="filters__item">
        <span>{t("audit.filter.entityId")}</span>
        <input className="input input--mono" value={entityId} onChange={(e) => setEntityId(e.target.value)} />
      </label>
      <label className="filters__item">
        <span>{t("audit.filter.from")}</span>
        <input className="input" type="date" value={value.from} max={value.to || undefined} onChange={(e) => set({ from: e.target.value })} />
      </label>
      <label className="filters__item">
        <span>{t("audit.filter.to")}</span>
        <input className="input" type="date" value={value.to} min={value.from || undefined} onChange={(e) => set({ to: e.target.value })} />
      </label>
    </fieldset>
  );
}
