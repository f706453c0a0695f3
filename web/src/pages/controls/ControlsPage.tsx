import { useState } from "react";
import { CONTROL_STATUSES, controlsApi, type ControlStatus, type ControlView } from "../../api/compliance.ts";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { PageNotice } from "../../components/Notice.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { Pager } from "../../components/Pager.tsx";
import { SearchBox } from "../../components/SearchBox.tsx";
import { SortHeader } from "../../components/SortHeader.tsx";
import { TableState } from "../../components/TableState.tsx";
import { ITEM_STATUS_LABELS } from "../../components/status-tones.ts";
import { usePagedList } from "../../hooks/usePagedList.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { navigate } from "../../router/router.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { useFrameworkOptions } from "../assessment-items/useFrameworkOptions.ts";
import { ControlDialog } from "./ControlDialog.tsx";
import { ControlRow } from "./ControlRow.tsx";
import { controlPath } from "./control-paths.ts";
import "./controls.css";

interface Query {
  limit: number;
  offset: number;
  sort: string;
  q: string;
  status: ControlStatus | "";
  framework: string;
}
const INITIAL: Query = { limit: 25, offset: 0, sort: "code", q: "", status: "", framework: "" };

/** The organisation's controls: each answers requirements of several frameworks at once. */
export function ControlsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { can } = useSignedIn();
  const manage = can("controls.manage");
  const frameworks = useFrameworkOptions();
  const [query, setQuery] = useState<Query>(INITIAL);
  const list = usePagedList(controlsApi.list, { ...query, status: query.status || undefined, framework: query.framework || undefined });
  const [editing, setEditing] = useState<ControlView | "new">();
  const [notice, setNotice] = useState<NoticeMessage>();
  const set = (patch: Partial<Query>) => setQuery((q) => ({ ...q, offset: 0, ...patch }));
  const sortBy = (sort: string) => set({ sort });
  const titleField = i18n.lang === "ja" ? "titleJa" : "titleEn";

  return (
    <div data-testid="page-controls">
      <PageHeader
        title={t("controls.title")}
        subtitle={t("controls.subtitle")}
        actions={
          manage && (
            <button type="button" className="button button--primary" onClick={() => setEditing("new")} data-testid="create-control">
              {t("controls.create")}
            </button>
          )
        }
      />
      <PageNotice notice={notice} onDismiss={() => setNotice(undefined)} testId="controls-notice" />
      <div className="toolbar">
        <SearchBox value={query.q} label={t("controls.search")} onSearch={(q) => set({ q })} />
        <select className="input" aria-label={t("controls.filter.status")} value={query.status} onChange={(e) => set({ status: e.target.value as ControlStatus | "" })}>
          <option value="">{t("controls.filter.allStatuses")}</option>
          {CONTROL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(ITEM_STATUS_LABELS[s])}
            </option>
          ))}
        </select>
        <select className="input" aria-label={t("controls.filter.framework")} value={query.framework} onChange={(e) => set({ framework: e.target.value })}>
          <option value="">{t("controls.filter.allFrameworks")}</option>
          {frameworks.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </div>
      <div className="table-wrap">
        <table className="table" aria-busy={list.loading} data-testid="controls-table">
          <thead>
            <tr>
              <SortHeader label={t("controls.col.code")} field="code" sort={query.sort} onSort={sortBy} />
              <SortHeader label={t("controls.col.title")} field={titleField} sort={query.sort} onSort={sortBy} />
              <SortHeader label={t("controls.col.status")} field="status" sort={query.sort} onSort={sortBy} />
              <th scope="col">{t("controls.col.coverage")}</th>
              <th scope="col">{t("controls.col.owner")}</th>
              <SortHeader label={t("controls.col.updated")} field="updatedAt" sort={query.sort} onSort={sortBy} />
              {manage && <th scope="col" className="table__actions">{t("common.actions")}</th>}
            </tr>
          </thead>
          <tbody>
            <TableState
              colSpan={manage ? 7 : 6}
              loading={list.loading}
              error={list.error}
              count={list.page?.items.length ?? 0}
              filtered={Boolean(query.q || query.status || query.framework)}
              emptyMessage={t("controls.empty")}
              onRetry={list.reload}
              onClearFilters={() => setQuery({ ...INITIAL, limit: query.limit })}
            />
            {!list.error && list.page?.items.map((c) => <ControlRow key={c.id} control={c} onEdit={manage ? () => setEditing(c) : undefined} />)}
          </tbody>
        </table>
      </div>
      {list.page && <Pager total={list.page.total} limit={query.limit} offset={query.offset} onChange={(p) => setQuery((q) => ({ ...q, ...p }))} />}
      {editing && (
        <ControlDialog
          control={editing === "new" ? undefined : editing}
          onClose={() => setEditing(undefined)}
          onSaved={(saved, created) => {
            if (created) {
              navigate(controlPath(saved.id));
              return;
            }
            list.replaceItem((c) => c.id === saved.id, saved);
            setNotice({ kind: "success", text: (i) => i.t("controls.saved", { code: saved.code }) });
          }}
        />
      )}
    </div>
  );
}
