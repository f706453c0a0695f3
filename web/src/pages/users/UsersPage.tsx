import { useState } from "react";
import { ApiError } from "../../api/client.ts";
import { usersApi } from "../../api/endpoints.ts";
import { rolesOf, type Role, type UpdateUserInput, type UserStatus, type UserView } from "../../api/types.ts";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { Notice } from "../../components/Notice.tsx";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { Pager } from "../../components/Pager.tsx";
import { SearchBox } from "../../components/SearchBox.tsx";
import { SortHeader } from "../../components/SortHeader.tsx";
import { TableState } from "../../components/TableState.tsx";
import { useDepartments } from "../../hooks/useDepartments.ts";
import { usePagedList } from "../../hooks/usePagedList.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { CreateUserDialog } from "./CreateUserDialog.tsx";
import { UserRow } from "./UserRow.tsx";

interface Query {
  limit: number;
  offset: number;
  sort: string;
  q: string;
  role: Role | "";
  status: UserStatus | "";
}
const INITIAL: Query = { limit: 25, offset: 0, sort: "email", q: "", role: "", status: "" };

/** The organisation's users: search, filter, sort and page on the server; create and edit for admins. */
export function UsersPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { session, can } = useSignedIn();
  const manage = can("users.manage");
  const [query, setQuery] = useState<Query>(INITIAL);
  const list = usePagedList(usersApi.list, { ...query, role: query.role || undefined, status: query.status || undefined });
  const departments = useDepartments(can("departments.read"));
  const [creating, setCreating] = useState(false);
  const [disabling, setDisabling] = useState<UserView>();
  const [notice, setNotice] = useState<NoticeMessage>();
  const filtered = Boolean(query.q || query.role || query.status);
  const set = (patch: Partial<Query>) => setQuery((q) => ({ ...q, offset: 0, ...patch }));

  const update = async (user: UserView, patch: Omit<UpdateUserInput, "version">) => {
    setNotice(undefined);
    try {
      const updated = await usersApi.update(user.id, { version: user.version, ...patch });
      list.replaceItem((u) => u.id === user.id, updated);
      setNotice({ kind: "success", text: (i) => i.t("users.updated", { name: updated.displayName }) });
    } catch (err) {
      if (err instanceof ApiError && err.code === "conflict") {
        const current = err.currentRecord<UserView>();
        if (current) list.replaceItem((u) => u.id === user.id, current);
        else list.reload();
        setNotice({ kind: "warning", text: (i) => i.t("users.conflictReloaded", { message: i.t("error.conflict") }) });
      } else {
        setNotice({ kind: "error", text: (i) => i.errorMessage(err) });
      }
      throw err;
    }
  };

  return (
    <div data-testid="page-users">
      <PageHeader
        title={t("users.title")}
        subtitle={t("users.subtitle")}
        actions={
          manage && (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)} data-testid="create-user">
              {t("users.create")}
            </button>
          )
        }
      />
      {notice && (
        <Notice kind={notice.kind} onDismiss={() => setNotice(undefined)} testId="users-notice">
          {notice.text(i18n)}
        </Notice>
      )}
      <div className="toolbar">
        <SearchBox value={query.q} label={t("users.search")} onSearch={(q) => set({ q })} />
        <select className="input" aria-label={t("users.filter.role")} value={query.role} onChange={(e) => set({ role: e.target.value as Role | "" })}>
          <option value="">{t("users.filter.allRoles")}</option>
          {rolesOf(session.organization.kind).map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <select className="input" aria-label={t("users.filter.status")} value={query.status} onChange={(e) => set({ status: e.target.value as UserStatus | "" })}>
          <option value="">{t("users.filter.allStatuses")}</option>
          <option value="active">{t("status.active")}</option>
          <option value="disabled">{t("status.disabled")}</option>
        </select>
      </div>
      <div className="table-wrap">
        <table className="table" aria-busy={list.loading}>
          <thead>
            <tr>
              <SortHeader label={t("users.col.email")} field="email" sort={query.sort} onSort={(sort) => set({ sort })} />
              <SortHeader label={t("users.col.name")} field="displayName" sort={query.sort} onSort={(sort) => set({ sort })} />
              <SortHeader label={t("users.col.role")} field="role" sort={query.sort} onSort={(sort) => set({ sort })} />
              <th scope="col">{t("users.col.status")}</th>
              <th scope="col">{t("users.col.department")}</th>
              <SortHeader label={t("users.col.created")} field="createdAt" sort={query.sort} onSort={(sort) => set({ sort })} />
              {manage && <th scope="col" className="table__actions">{t("common.actions")}</th>}
            </tr>
          </thead>
          <tbody>
            <TableState
              colSpan={manage ? 7 : 6}
              loading={list.loading}
              error={list.error}
              count={list.page?.items.length ?? 0}
              filtered={filtered}
              emptyMessage={t("users.empty")}
              onRetry={list.reload}
              onClearFilters={() => setQuery({ ...INITIAL, limit: query.limit })}
            />
            {!list.error &&
              list.page?.items.map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  isSelf={user.id === session.user.id}
                  manage={manage}
                  departments={departments}
                  onChangeRole={(role) => update(user, { role })}
                  onEnable={() => update(user, { status: "active" })}
                  onDisable={() => setDisabling(user)}
                />
              ))}
          </tbody>
        </table>
      </div>
      {list.page && <Pager total={list.page.total} limit={query.limit} offset={query.offset} onChange={(p) => setQuery((q) => ({ ...q, ...p }))} />}
      {creating && (
        <CreateUserDialog departments={departments} onClose={() => setCreating(false)} onCreated={() => list.reload()} />
      )}
      {disabling && (
        <ConfirmDialog
          title={t("users.disable")}
          message={t("users.confirmDisable", { name: disabling.displayName })}
          confirmLabel={t("users.disable")}
          danger
          onConfirm={() => update(disabling, { status: "disabled" }).catch(() => undefined)}
          onClose={() => setDisabling(undefined)}
        />
      )}
    </div>
  );
}
