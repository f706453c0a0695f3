import { useState } from "react";
import { CONTROL_STATUSES, controlsApi, type ControlStatus, type ControlView, type RequirementRef } from "../../api/compliance.ts";
import { Field } from "../../components/Field.tsx";
import { FormDialog } from "../../components/FormDialog.tsx";
import { OptionSelect } from "../../components/OptionSelect.tsx";
import { PersonSelect } from "../../components/PersonSelect.tsx";
import { ITEM_STATUS_LABELS } from "../../components/status-tones.ts";
import { useFormSave } from "../../hooks/useFormSave.ts";
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
  const { t } = useI18n();
  const { can } = useSignedIn();
  const owners = useOwners(can("users.read"));
  const [code, setCode] = useState(control?.code ?? "");
  const [titleJa, setTitleJa] = useState(control?.titleJa ?? "");
  const [titleEn, setTitleEn] = useState(control?.titleEn ?? "");
  const [description, setDescription] = useState(control?.description ?? "");
  const [ownerId, setOwnerId] = useState(control?.owner?.id ?? "");
  const [status, setStatus] = useState<ControlStatus>(control?.status ?? "not_started");
  const [requirements, setRequirements] = useState<RequirementRef[]>(control?.requirements ?? []);

  const form = useFormSave({ version: control?.version, onDone: onClose, codeField: true }, async (version) => {
    const input = {
      code: code.trim(),
      titleJa: titleJa.trim(),
      titleEn: titleEn.trim(),
      description: description.trim(),
      ownerId: ownerId || null,
      status,
      requirements: requirements.map((r) => r.urn),
    };
    const saved = control && version !== undefined ? await controlsApi.update(control.id, { ...input, version }) : await controlsApi.create(input);
    onSaved(saved, !control);
  });
  const { errors } = form;

  return (
    <FormDialog
      title={control ? t("controls.dialog.editTitle", { code: control.code }) : t("controls.dialog.createTitle")}
      onClose={onClose}
      testId="control-dialog"
      formId="control-form"
      form={form}
      submitLabel={control ? t("common.save") : t("common.create")}
      submitTestId="control-submit"
    >
      <div className="form__row">
        <Field label={t("controls.field.code")} hint={t("controls.field.codeHint")} error={errors.code}>
          <input className="input input--mono" required maxLength={40} value={code} onChange={(e) => setCode(e.target.value)} />
        </Field>
        <Field label={t("controls.field.status")} error={errors.status}>
          <OptionSelect value={status} options={CONTROL_STATUSES} label={(s) => t(ITEM_STATUS_LABELS[s])} onChange={setStatus} />
        </Field>
      </div>
      <Field label={t("controls.field.titleJa")} error={errors.titleJa}>
        <input className="input" lang="ja" required maxLength={300} value={titleJa} onChange={(e) => setTitleJa(e.target.value)} />
      </Field>
      <Field label={t("controls.field.titleEn")} error={errors.titleEn}>
        <input className="input" lang="en" required maxLength={300} value={titleEn} onChange={(e) => setTitleEn(e.target.value)} />
      </Field>
      <Field label={t("controls.field.description")} error={errors.description} optional>
        <textarea className="input" rows={3} maxLength={8000} value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
      <Field label={t("controls.field.owner")} error={errors.ownerId} optional>
        <PersonSelect value={ownerId} onChange={setOwnerId} users={owners} offered={[control?.owner]} emptyLabel={t("controls.noOwner")} />
      </Field>
      <RequirementPicker value={requirements} onChange={setRequirements} error={errors.requirements} />
    </FormDialog>
  );
}
