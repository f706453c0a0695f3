import { useState, type FormEvent } from "react";
import { tokensApi } from "../../api/endpoints.ts";
import { rolesOf, type CreatedToken, type Role } from "../../api/types.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { Field } from "../../components/Field.tsx";
import { Notice } from "../../components/Notice.tsx";
import { SecretBox } from "../../components/SecretBox.tsx";
import { fieldErrors } from "../../hooks/fieldErrors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";

/** Issue a token (name, role, optional lifetime); then its secret, once, with a copy button. */
export function CreateTokenDialog({ onClose, onCreated }: { onClose(): void; onCreated(created: CreatedToken): void }) {
  const { t, errorMessage } = useI18n();
  const { session } = useSignedIn();
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [days, setDays] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [created, setCreated] = useState<CreatedToken>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const result = await tokensApi.create({ name: name.trim(), role, ...(days.trim() && { expiresInDays: Number(days) }) });
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
        title={t("tokens.secret.title")}
        onClose={onClose}
        testId="token-created-dialog"
        footer={
          <button type="button" className="button button--primary" onClick={onClose}>
            {t("common.close")}
          </button>
        }
      >
        <p>{t("tokens.secret.body")}</p>
        <SecretBox label={t("tokens.secret.label")} value={created.secret} warning={t("tokens.secret.warning")} testId="token-secret" />
      </Dialog>
    );
  }

  const errors = fieldErrors(error);
  const formError = error !== undefined && Object.keys(errors).length === 0 ? errorMessage(error) : undefined;

  return (
    <Dialog
      title={t("tokens.dialog.title")}
      onClose={onClose}
      testId="create-token-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form="create-token-form" className="button button--primary" disabled={busy}>
            {busy ? t("common.creating") : t("common.create")}
          </button>
        </>
      }
    >
      <form id="create-token-form" className="form" onSubmit={submit} noValidate>
        {formError && <Notice kind="error">{formError}</Notice>}
        <Field label={t("tokens.field.name")} error={errors.name}>
          <input className="input" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t("tokens.field.role")} hint={t("tokens.field.roleHint")} error={errors.role}>
          <select className="input" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {rolesOf(session.organization.kind).map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("tokens.field.expiresInDays")} hint={t("tokens.field.expiresHint")} error={errors.expiresInDays} optional>
          <input className="input input--narrow" type="number" min={1} max={3650} step={1} value={days} onChange={(e) => setDays(e.target.value)} />
        </Field>
      </form>
    </Dialog>
  );
}
