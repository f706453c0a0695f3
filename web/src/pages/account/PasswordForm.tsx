import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/client.ts";
import { authApi } from "../../api/endpoints.ts";
import { Field } from "../../components/Field.tsx";
import { Notice } from "../../components/Notice.tsx";
import { fieldErrors } from "../../hooks/fieldErrors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

const MIN_LENGTH = 12;

/** Current password, new password twice; the server checks the current one and the policy. */
export function PasswordForm() {
  const { t, errorMessage } = useI18n();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [revokeTokens, setRevokeTokens] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [local, setLocal] = useState<{ next?: "tooShort"; confirm?: "mismatch" }>({});
  const [done, setDone] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    setError(undefined);
    const problems = {
      ...(next.length < MIN_LENGTH && { next: "tooShort" as const }),
      ...(confirm !== next && { confirm: "mismatch" as const }),
    };
    setLocal(problems);
    if (problems.next || problems.confirm) return;
    setBusy(true);
    try {
      await authApi.changePassword(current, next, revokeTokens);
      setCurrent("");
      setNext("");
      setConfirm("");
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const errors = fieldErrors(error);
  if (error instanceof ApiError && error.code === "wrong_password") errors.currentPassword = errorMessage(error);
  if (error instanceof ApiError && error.code === "password_too_weak") errors.newPassword = errorMessage(error);
  const formError = error !== undefined && Object.keys(errors).length === 0 ? errorMessage(error) : undefined;

  return (
    <form className="card form" onSubmit={submit} noValidate data-testid="password-form">
      <h2 className="card__title">{t("account.password.title")}</h2>
      {done && (
        <Notice kind="success" onDismiss={() => setDone(false)} testId="password-changed">
          {t("account.password.changed")}
        </Notice>
      )}
      {formError && <Notice kind="error">{formError}</Notice>}
      <Field label={t("account.password.current")} error={errors.currentPassword}>
        <input className="input" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
      </Field>
      <Field
        label={t("account.password.new")}
        hint={t("account.password.hint")}
        error={local.next ? t("account.password.tooShort") : errors.newPassword}
      >
        <input className="input" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
      </Field>
      <Field label={t("account.password.confirm")} error={local.confirm ? t("account.password.mismatch") : undefined}>
        <input className="input" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={revokeTokens} onChange={(e) => setRevokeTokens(e.target.checked)} data-testid="password-revoke-tokens" />
        <span>{t("account.password.revokeTokens")}</span>
      </label>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t("common.saving") : t("account.password.submit")}
        </button>
      </div>
    </form>
  );
}
