import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/client.ts";
import { CONTROL_STATUSES, controlsApi, type ControlStatus, type ControlView, type RequirementRef } from "../../api/compliance.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { Field } from "../../components/Field.tsx";
import { Notice } from "../../components/Notice.tsx";
import { ITEM_STATUS_LABELS } from "../../components/status-tones.ts";
import { fieldErrors } from "../../hooks/fieldErrors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { RequirementPicker } from "./RequirementPicker.tsx";
import { useOwners } from "./useOwners.ts";

interface ControlDialogProps {
  /** The control to edit; none to create one. */
  control?: ControlView | undefined;
  onClose(): void;
  onSaved(control: ControlView, created: boolean): void;
}

/** Create or edit a control: code, titles in both languages, owner, status and the requirements it answers. */
export function ControlDialog({ control, onClose, onSaved }: ControlDialogProps) {
  const { t, errorMessage } = useI18n();
  const { can } = useSignedIn();
  const owners = useOwners(can("users.read"));
  const [code, setCode] = useState(control?.code ?? "");
  const [titleJa, setTitleJa] = useState(control?.titleJa ?? "");
  const [titleEn, setTitleEn] = useState(control?.titleEn ?? "");
  const [description, setDescription] = useState(control?.description ?? "");
  const [ownerId, setOwnerId] = useState(control?.owner?.id ?? "");
  const [status, setStatus] = useState<ControlStatus>(control?.status ?? "not_started");
  const [requirements, setRequirements] = useState<RequirementRef[]>(control?.requirements ?? []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [version, setVersion] = useState(control?.version);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const input = {
      code: code.trim(),
      titleJa: titleJa.trim(),
      titleEn: titleEn.trim(),
      description: description.trim(),
      ownerId: ownerId || null,
      status,
      requirements: requirements.map((r) => r.urn),
    };
    try {
      const saved = control && version !== undefined ? await controlsApi.update(control.id, { ...input, version }) : await controlsApi.create(input);
      onSaved(saved, !control);
      onClose();
    } catch (err) {
      // A stale edit: keep what was typed, adopt the current version so a second save overwrites knowingly.
      if (err instanceof ApiError && err.code === "conflict") setVersion(err.currentRecord<ControlView>()?.version ?? version);
      setError(err);
      setBusy(false);
    }
  };

  const errors = fieldErrors(error);
  if (error instanceof ApiError && error.code === "code_taken") errors.code = errorMessage(error);
  const formError = error !== undefined && Object.keys(errors).length === 0 ? errorMessage(error) : undefined;
  const owner = control?.owner;

  return (
    <Dialog
      title={control ? t("controls.dialog.editTitle", { code: control.code }) : t("controls.dialog.createTitle")}
      onClose={onClose}
      testId="control-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form="control-form" className="button button--primary" disabled={busy} data-testid="control-submit">
            {busy ? t("common.saving") : control ? t("common.save") : t("common.create")}
          </button>
        </>
      }
    >
      <form id="control-form" className="form" onSubmit={submit} noValidate>
        {formError && <Notice kind="error">{formError}</Notice>}
        <div className="form__row">
          <Field label={t("controls.field.code")} hint={t("controls.field.codeHint")} error={errors.code}>
            <input className="input input--mono" required maxLength={40} value={code} onChange={(e) => setCode(e.target.value)} />
          </Field>
          <Field label={t("controls.field.status")} error={errors.status}>
            <select className="input" value={status} onChange={(e) => setStatus(e.target.value as ControlStatus)}>
              {CONTROL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(ITEM_STATUS_LABELS[s])}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field label={t("controls.field.titleJa")} error={errors.titleJa}>
          <input className="input" lang="ja" required value={titleJa} onChange={(e) => setTitleJa(e.target.value)} />
        </Field>
        <Field label={t("controls.field.titleEn")} error={errors.titleEn}>
          <input className="input" lang="en" required value={titleEn} onChange={(e) => setTitleEn(e.target.value)} />
        </Field>
        <Field label={t("controls.field.description")} error={errors.description} optional>
          <textarea className="input" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        <Field label={t("controls.field.owner")} error={errors.ownerId} optional>
          <select className="input" value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
            <option value="">{t("controls.noOwner")}</option>
            {owner && !owners.some((u) => u.id === owner.id) && <option value={owner.id}>{owner.displayName}</option>}
            {owners.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName}
              </option>
            ))}
          </select>
        </Field>
        <RequirementPicker value={requirements} onChange={setRequirements} error={errors.requirements} />
      </form>
    </Dialog>
  );
}
