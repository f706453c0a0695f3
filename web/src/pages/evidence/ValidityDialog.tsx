import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/client.ts";
import { evidenceApi, type EvidenceView } from "../../api/compliance.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { Field } from "../../components/Field.tsx";
import { Notice } from "../../components/Notice.tsx";
import { fieldErrors } from "../../hooks/fieldErrors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

interface ValidityDialogProps {
  evidence: EvidenceView;
  onClose(): void;
  onSaved(evidence: EvidenceView): void;
}

/** Changes the period a piece of evidence is valid for (e.g. after a certificate is renewed). */
export function ValidityDialog({ evidence, onClose, onSaved }: ValidityDialogProps) {
  const { t, errorMessage } = useI18n();
  const [validFrom, setValidFrom] = useState(evidence.validFrom?.slice(0, 10) ?? "");
  const [validUntil, setValidUntil] = useState(evidence.validUntil?.slice(0, 10) ?? "");
  const [version, setVersion] = useState(evidence.version);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const saved = await evidenceApi.update(evidence.id, { version, validFrom: validFrom || null, validUntil: validUntil || null });
      onSaved(saved);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.code === "conflict") setVersion(err.currentRecord<EvidenceView>()?.version ?? version);
      setError(err);
      setBusy(false);
    }
  };

  const errors = fieldErrors(error);
  const formError = error !== undefined && Object.keys(errors).length === 0 ? errorMessage(error) : undefined;
  return (
    <Dialog
      title={t("evidence.validity.title", { title: evidence.title })}
      size="small"
      onClose={onClose}
      testId="validity-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form="validity-form" className="button button--primary" disabled={busy}>
            {busy ? t("common.saving") : t("common.save")}
          </button>
        </>
      }
    >
      <form id="validity-form" className="form" onSubmit={submit} noValidate>
        {formError && <Notice kind="error">{formError}</Notice>}
        <Field label={t("evidence.field.validFrom")} error={errors.validFrom} optional>
          <input className="input" type="date" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />
        </Field>
        <Field label={t("evidence.field.validUntil")} hint={t("evidence.field.validUntilHint")} error={errors.validUntil} optional>
          <input className="input" type="date" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} />
        </Field>
      </form>
    </Dialog>
  );
}
