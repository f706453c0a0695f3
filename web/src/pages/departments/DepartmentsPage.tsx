import { useState } from "react";
import { ApiError } from "../../api/client.ts";
import { departmentsApi } from "../../api/endpoints.ts";
import type { DepartmentView } from "../../api/types.ts";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { Notice } from "../../components/Notice.tsx";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { Pager } from "../../components/Pager.tsx";
import { SearchBox } from "../../components/SearchBox.tsx";
import { SortHeader } from "../../components/SortHeader.tsx";
import { TableState } from "../../components/TableState.tsx";
import { departmentName } from "../../hooks/useDepartments.ts";
import { usePagedList } from "../../hooks/usePagedList.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { DepartmentDialog } from "./DepartmentDialog.tsx";

const INITIAL = { limit: 25, offset: 0, sort: "code", q: "" };

/** Departments: list, search, sort; add, rename and delete for those who manage them. */
export function DepartmentsPage() {
  const i18n = useI18n();
  const { t, lang, dateTime } = i18n;
  const manage = useSignedIn().can("departments.manage");
  const [query, setQuery] = useState(INITIAL);
  const list = usePagedList(departmentsApi.list, query);
  const [editing, setEditing] = useState<DepartmentView | "new">();
  const [deleting, setDeleting] = useState<DepartmentView>();
  const [notice, setNotice] = useState<NoticeMessage>();
  const set = (patch: Partial<typeof INITIAL>) => setQuery((q) => ({ ...q, offset: 0, ...patch }));
  const cols = manage ? 5 : 4;

  const remove = async (d: DepartmentView) => {
    try {
      await departmentsApi.remove(d.id);
    } catch (err) {
      // `in_use` is the API's general "still referenced"; for a department that means members.
      if (err instanceof ApiError && err.code === "in_use") throw new ApiError(409, "department_has_members", "", err.details, err.locale);
      throw err;
    }
    setNotice({ kind: "success", text: (i) => i.t("departments.deleted", { name: departmentName(d, i.lang) }) });
    list.reload();
  };

  return (
    <div data-testid="page-departments">
      <PageHeader
        title={t("departments.title")}
        subtitle={t("departments.subtitle")}
        actions={
          manage && (
            <button type="button" className="button button--primary" onClick={() => setEditing("new")} data-testid="create-department">
              {t("departments.create")}
            </button>
          )
        }
      />
      {notice && (
        <Notice kind={notice.kind} onDismiss={() => setNotice(undefined)}>
          {notice.text(i18n)}
        </Notice>
      )}
      <div className="toolbar">
        <SearchBox value={query.q} label={t("departments.search")} onSearch={(q) => set({ q })} />
      </div>
      <div className="table-wrap">
        <table className="table" aria-busy={list.loading}>
          <thead>
            <tr>
              <SortHeader label={t("departments.col.code")} field="code" sort={query.sort} onSort={(sort) => set({ sort })} />
              <SortHeader label={t("departments.col.nameJa")} field="nameJa" sort={query.sort} onSort={(sort) => set({ sort })} />
              <SortHeader label={t("departments.col.nameEn")} field="nameEn" sort={query.sort} onSort={(sort) => set({ sort })} />
              <SortHeader label={t("departments.col.created")} field="createdAt" sort={query.sort} onSort={(sort) => set({ sort })} />
              {manage && <th scope="col" className="table__actions">{t("common.actions")}</th>}
            </tr>
          </thead>
          <tbody>
            <TableState
              colSpan={cols}
              loading={list.loading}
              error={list.error}
              count={list.page?.items.length ?? 0}
              filtered={Boolean(query.q)}
              emptyMessage={t("departments.empty")}
              onRetry={list.reload}
              onClearFilters={() => set({ q: "" })}
            />
            {!list.error &&
              list.page?.items.map((d) => (
                <tr key={d.id} data-testid={`department-row-${d.code}`}>
                  <td className="table__primary table__mono">{d.code}</td>
                  <td lang="ja">{d.nameJa}</td>
                  <td lang="en">{d.nameEn}</td>
                  <td className="table__nowrap">{dateTime(d.createdAt)}</td>
                  {manage && (
                    <td className="table__actions">
                      <button type="button" className="button button--small" onClick={() => setEditing(d)}>
                        {t("departments.rename")}
                      </button>
                      <button type="button" className="button button--small button--danger-outline" onClick={() => setDeleting(d)}>
                        {t("common.delete")}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      {list.page && <Pager total={list.page.total} limit={query.limit} offset={query.offset} onChange={(p) => setQuery((q) => ({ ...q, ...p }))} />}
      {editing && (
        <DepartmentDialog
          department={editing === "new" ? undefined : editing}
          onClose={() => setEditing(undefined)}
          onSaved={(saved) => {
            setEditing(undefined);
            setNotice({ kind: "success", text: (i) => i.t("departments.saved", { name: departmentName(saved, i.lang) }) });
            list.reload();
          }}
          onConflict={() => list.reload()}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t("common.delete")}
          message={t("departments.confirmDelete", { name: departmentName(deleting, lang) })}
          confirmLabel={t("common.delete")}
          danger
          onConfirm={() => remove(deleting)}
          onClose={() => setDeleting(undefined)}
        />
      )}
    </div>
  );
}
