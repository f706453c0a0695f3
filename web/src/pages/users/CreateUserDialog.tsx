import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/client.ts";
import { usersApi } from "../../api/endpoints.ts";
import { LOCALES, rolesOf, type CreatedUser, type DepartmentView, type Locale, type Role } from "../../api/types.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { Field } from "../../components/Field.tsx";
import { Notice } from "../../components/Notice.tsx";
import { SecretBox } from "../../components/SecretBox.tsx";
import { fieldErrors } from "../../hooks/fieldErrors.ts";
import { departmentName } from "../../hooks/useDepartments.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";

interface CreateUserDialogProps {
  departments: DepartmentView[];
  onClose(): void;
  onCreated(created: CreatedUser): void;
}

/** The create-user form; afterwards, the one-time initial password with a copy button. */
export function CreateUserDialog({ departments, onClose, onCreated }: CreateUserDialogProps) {
  const { t, lang, errorMessage } = useI18n();
  const { session } = useSignedIn();
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [locale, setLocale] = useState<Locale>(lang);
  const [departmentId, setDepartmentId] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [created, setCreated] = useState<CreatedUser>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const result = await usersApi.create({
        email: email.trim(),
        displayName: displayName.trim(),
        role,
        locale,
        ...(departmentId && { departmentId }),
        ...(password && { password }),
      });
      setCreated(result);
      onCreated(result);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <Dialog
        title={t("users.created.title")}
        onClose={onClose}
        testId="user-created-dialog"
        footer={
          <button type="button" className="button button--primary" onClick={onClose}>
            {t("common.close")}
          </button>
        }
      >
        {created.initialPassword ? (
          <>
            <p>{t("users.created.body", { email: created.user.email })}</p>
            <SecretBox
              label={t("users.created.passwordLabel")}
              value={created.initialPassword}
              warning={t("users.created.warning")}
              testId="initial-password"
            />
          </>
        ) : (
          <p>{t("users.created.ownPassword", { email: created.user.email })}</p>
        )}
      </Dialog>
    );
  }

  const errors = fieldErrors(error);
  if (error instanceof ApiError && error.code === "email_taken") errors.email = errorMessage(error);
  const formError = error !== undefined && Object.keys(errors).length === 0 ? errorMessage(error) : undefined;

  return (
    <Dialog
      title={t("users.dialog.title")}
      onClose={onClose}
      testId="create-user-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form="create-user-form" className="button button--primary" disabled={busy} data-testid="create-user-submit">
            {busy ? t("common.creating") : t("common.create")}
          </button>
        </>
      }
    >
      <form id="create-user-form" className="form" onSubmit={submit} noValidate>
        {formError && <Notice kind="error">{formError}</Notice>}
        <Field label={t("users.field.email")} error={errors.email}>
          <input className="input" type="email" required autoComplete="off" maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <Field label={t("users.field.displayName")} error={errors.displayName}>
          <input className="input" required maxLength={200} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        </Field>
        <div className="form__row">
          <Field label={t("users.field.role")} error={errors.role}>
            <select className="input" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {rolesOf(session.organization.kind).map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t("users.field.locale")} error={errors.locale}>
            <select className="input" value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {t(`language.${l}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field label={t("users.field.department")} error={errors.departmentId} optional>
          <select className="input" value={departmentId} onChange={(e) => setDepartmentId(e.target.value)}>
            <option value="">{t("users.noDepartment")}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {`${d.code} — ${departmentName(d, lang)}`}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("users.field.password")} hint={t("users.field.passwordHint")} error={errors.password} optional>
          <input className="input" type="password" autoComplete="new-password" minLength={12} value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
      </form>
    </Dialog>
  );
}
