import { useState } from "react";
import { rolesOf, type DepartmentView, type Role, type UserView } from "../../api/types.ts";
import { departmentName } from "../../hooks/useDepartments.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";

interface UserRowProps {
  user: UserView;
  isSelf: boolean;
  manage: boolean;
  departments: DepartmentView[];
  /** Resolves when saved; rejects after the page has shown why not. */
  onChangeRole(role: Role): Promise<unknown>;
  onEnable(): Promise<unknown>;
  onDisable(): void;
}

/** One user; administrators get a role select and disable/enable in the row. */
export function UserRow({ user, isSelf, manage, departments, onChangeRole, onEnable, onDisable }: UserRowProps) {
  const { t, lang, dateTime } = useI18n();
  const { session } = useSignedIn();
  const [busy, setBusy] = useState(false);
  const department = user.departmentId ? departments.find((d) => d.id === user.departmentId) : undefined;

  const run = (action: () => Promise<unknown>) => {
    setBusy(true);
    action()
      .catch(() => undefined)
      .finally(() => setBusy(false));
  };

  return (
    <tr data-testid={`user-row-${user.email}`} className={user.status === "disabled" ? "table__row--muted" : undefined}>
      <td className="table__primary">
        {user.email}
        {isSelf && <span className="tag tag--neutral">{t("users.you")}</span>}
      </td>
      <td>{user.displayName}</td>
      <td>
        {manage ? (
          <select
            className="input input--compact"
            aria-label={t("users.changeRole", { name: user.displayName })}
            value={user.role}
            disabled={busy}
            onChange={(e) => run(() => onChangeRole(e.target.value as Role))}
          >
            {rolesOf(session.organization.kind).map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        ) : (
          <span className={`role-badge role-badge--${user.role}`}>{t(`role.${user.role}`)}</span>
        )}
      </td>
      <td>
        <span className={`status status--${user.status}`}>{t(`status.${user.status}`)}</span>
      </td>
      <td className="table__nowrap">{department ? departmentName(department, lang) : (user.departmentId ?? "—")}</td>
      <td className="table__nowrap">{dateTime(user.createdAt)}</td>
      {manage && (
        <td className="table__actions">
          {user.status === "active" ? (
            <button type="button" className="button button--small button--danger-outline" disabled={busy} onClick={onDisable}>
              {t("users.disable")}
            </button>
          ) : (
            <button type="button" className="button button--small" disabled={busy} onClick={() => run(onEnable)}>
              {t("users.enable")}
            </button>
          )}
        </td>
      )}
    </tr>
  );
}
