import { useId, useState } from "react";
import type { AuditEntry } from "../../api/types.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { AuditDetails } from "./AuditDetails.tsx";
import { recordName } from "./changes.ts";
import { Hash } from "./Hash.tsx";
import type { AuditRefs } from "./ledger.api.ts";
import { useLedgerWords } from "./useLedgerWords.ts";
import { idText } from "./words.ts";
import { ACTION_PREFIX, ENTITY_PREFIX } from "./vocabulary.ts";

export const AUDIT_COLUMNS = 6;

/** A record the ledger can be narrowed to: its type and id, and how the reader knows it. */
export interface RecordFilter {
  type: string;
  id: string;
  name: string;
}

/** One ledger entry, and its details under it when opened. */
export function AuditRow({ entry, refs, onFilterRecord }: { entry: AuditEntry; refs: AuditRefs; onFilterRecord(record: RecordFilter): void }) {
  const { t, label, dateTime } = useI18n();
  const words = useLedgerWords(refs);
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const actorType = entry.actor.type === "user" ? undefined : label("audit.actorType.", entry.actor.type);
  const typeLabel = label(ENTITY_PREFIX, entry.entityType);
  const name = recordName(entry, words);
  const filter = () => entry.entityId && onFilterRecord({ type: entry.entityType, id: entry.entityId, name: name ?? typeLabel });

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
          <span className="audit-row__actor">{entry.actor.label ?? (entry.actor.id ? idText(entry.actor.id, words) : "—")}</span>
          {actorType && <span className="tag tag--neutral">{actorType}</span>}
        </td>
        <td>
          <span className={`action action--${entry.action.split(".")[0]}`}>{label(ACTION_PREFIX, entry.action)}</span>
        </td>
        <td>
          <span className="audit-row__entity-type">{typeLabel}</span>
          {entry.entityId && (
            <button type="button" className="link-button" title={t("audit.record.history")} onClick={filter} data-testid={`audit-record-${entry.seq}`}>
              {name ?? t("audit.record.history")}
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
            <AuditDetails entry={entry} refs={refs} />
          </td>
        </tr>
      )}
    </>
  );
}
