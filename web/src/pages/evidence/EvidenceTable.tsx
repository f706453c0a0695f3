import { useState } from "react";
import { evidenceApi, type EvidenceView } from "../../api/compliance.ts";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { SortHeader } from "../../components/SortHeader.tsx";
import { TableState } from "../../components/TableState.tsx";
import type { PagedList } from "../../hooks/usePagedList.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { EvidenceRow } from "./EvidenceRow.tsx";
import { ValidityDialog } from "./ValidityDialog.tsx";

interface EvidenceTableProps {
  list: PagedList<EvidenceView>;
  manage: boolean;
  filtered: boolean;
  emptyMessage: string;
  showLinks?: boolean;
  sort?: { value: string; onSort(sort: string): void };
  onClearFilters?: () => void;
  /** After a delete (the page may have to reload counts). */
  onChanged?: () => void;
}

/** Evidence as a table, with validity editing and deletion for people who manage evidence. */
export function EvidenceTable({ list, manage, filtered, emptyMessage, showLinks = true, sort, onClearFilters, onChanged }: EvidenceTableProps) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<EvidenceView>();
  const [deleting, setDeleting] = useState<EvidenceView>();
  const columns = 3 + (showLinks ? 1 : 0) + (manage ? 1 : 0);
  const header = (label: string, field: string) =>
    sort ? <SortHeader label={label} field={field} sort={sort.value} onSort={sort.onSort} /> : <th scope="col">{label}</th>;

  return (
    <>
      <div className="table-wrap">
        <table className="table" aria-busy={list.loading} data-testid="evidence-table">
          <thead>
            <tr>
              {header(t("evidence.col.title"), "title")}
              <th scope="col">{t("evidence.col.content")}</th>
              {header(t("evidence.col.validity"), "validUntil")}
              {showLinks && <th scope="col">{t("evidence.col.supports")}</th>}
              {manage && <th scope="col" className="table__actions">{t("common.actions")}</th>}
            </tr>
          </thead>
          <tbody>
            <TableState
              colSpan={columns}
              loading={list.loading}
              error={list.error}
              count={list.page?.items.length ?? 0}
              filtered={filtered}
              emptyMessage={emptyMessage}
              onRetry={list.reload}
              {...(onClearFilters && { onClearFilters })}
            />
            {!list.error &&
              list.page?.items.map((e) => (
                <EvidenceRow
                  key={e.id}
                  evidence={e}
                  showLinks={showLinks}
                  onEditValidity={manage ? () => setEditing(e) : undefined}
                  onDelete={manage ? () => setDeleting(e) : undefined}
                />
              ))}
          </tbody>
        </table>
      </div>
      {editing && <ValidityDialog evidence={editing} onClose={() => setEditing(undefined)} onSaved={(saved) => list.replaceItem((e) => e.id === saved.id, saved)} />}
      {deleting && (
        <ConfirmDialog
          title={t("evidence.delete")}
          message={t("evidence.confirmDelete", { title: deleting.title })}
          confirmLabel={t("common.delete")}
          danger
          onConfirm={async () => {
            await evidenceApi.remove(deleting.id);
            list.reload();
            onChanged?.();
          }}
          onClose={() => setDeleting(undefined)}
        />
      )}
    </>
  );
}
