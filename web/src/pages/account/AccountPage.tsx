import { PageHeader } from "../../components/PageHeader.tsx";
import { departmentName, useDepartments } from "../../hooks/useDepartments.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { PasswordForm } from "./PasswordForm.tsx";

/** Your own profile (read-only: administrators manage it) and the change-password form. */
export function AccountPage() {
  const { t, lang, dateTime } = useI18n();
  const { session, can } = useSignedIn();
  const { user } = session;
  const departments = useDepartments(Boolean(user.departmentId) && can("departments.read"));
  const department = departments.find((d) => d.id === user.departmentId);

  return (
    <div data-testid="page-account">
      <PageHeader title={t("account.title")} subtitle={t("account.subtitle")} />
      <div className="two-column">
        <section className="card">
          <h2 className="card__title">{t("account.profile")}</h2>
          <dl className="facts">
            <dt>{t("account.field.displayName")}</dt>
            <dd>{user.displayName}</dd>
            <dt>{t("account.field.email")}</dt>
            <dd>{user.email}</dd>
            <dt>{t("account.field.role")}</dt>
            <dd>
              <span className={`role-badge role-badge--${user.role}`}>{t(`role.${user.role}`)}</span>
            </dd>
            <dt>{t("account.field.department")}</dt>
            <dd>{department ? departmentName(department, lang) : (user.departmentId ?? t("users.noDepartment"))}</dd>
            <dt>{t("account.field.locale")}</dt>
            <dd>{t(`language.${user.locale}`)}</dd>
            <dt>{t("account.field.created")}</dt>
            <dd>{dateTime(user.createdAt, "date")}</dd>
            {session.expiresAt && (
              <>
                <dt>{t("account.field.sessionExpires")}</dt>
                <dd>{dateTime(session.expiresAt)}</dd>
              </>
            )}
          </dl>
          <p className="card__hint">{t("account.profileHint")}</p>
        </section>
        <PasswordForm />
      </div>
    </div>
  );
}
