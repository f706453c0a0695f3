import { useId, useState } from "react";
import type { AuditEntry } from "../../api/types.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { AuditDetails } from "./AuditDetails.tsx";
import { Hash } from "./Hash.tsx";
import { ACTION_PREFIX, ENTITY_PREFIX } from "./vocabulary.ts";

export const AUDIT_COLUMNS = 6;

/** One ledger entry, and its details under it when opened. */
export function AuditRow({ entry, onFilterRecord }: { entry: AuditEntry; onFilterRecord(type: string, id: string): void }) {
  const { t, label, dateTime } = useI18n();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const actorType = entry.actor.type === "user" ? undefined : label("audit.actorType.", entry.actor.type);

  return (
    <>
      <tr className={open ? "audit-row audit-row--open" : "audit-row"} data-testid={`audit-row-${entry.seq}`} data-action={entry.action}>
        <td className="table__nowrap">
          <button
            type="button"
            className="expander"
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={t("audit.expand", { seq: entry.seq })}
            onClick={() => setOpen((o) => !o)}
          >
            <span aria-hidden="true">{open ? "▾" : "▸"}</span>
          </button>
          <span className="table__mono">{entry.seq}</span>
        </td>
        <td className="table__nowrap">{dateTime(entry.ts, "precise")}</td>
        <td>
          <span className="audit-row__actor">{entry.actor.label ?? entry.actor.id ?? "—"}</span>
          {actorType && <span className="tag tag--neutral">{actorType}</span>}
        </td>
        <td>
          <span className={`action action--${entry.action.split(".")[0]}`}>{label(ACTION_PREFIX, entry.action)}</span>
        </td>
        <td>
          <span className="audit-row__entity-type">{label(ENTITY_PREFIX, entry.entityType)}</span>
          {entry.entityId && (
            <button type="button" className="link-button table__mono" title={entry.entityId} onClick={() => onFilterRecord(entry.entityType, entry.entityId ?? "")}>
              {entry.entityId}
            </button>
          )}
        </td>
        <td>
          <Hash value={entry.hash} />
        </td>
      </tr>
      {open && (
        <tr className="audit-row__details" id={detailsId}>
          <td colSpan={AUDIT_COLUMNS}>
            <AuditDetails entry={entry} />
          </td>
        </tr>
      )}
    </>
  );
}
