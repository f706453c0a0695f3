import { useState } from "react";
import { ACTION_KINDS, incidentsApi, MAX_APPROVAL_STAGES, type ActionKind, type IncidentView } from "../../api/incidents.ts";
import { Field } from "../../components/Field.tsx";
import { FormDialog } from "../../components/FormDialog.tsx";
import { OptionSelect } from "../../components/OptionSelect.tsx";
import { PersonSelect } from "../../components/PersonSelect.tsx";
import { errorFor } from "../../hooks/fieldErrors.ts";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { useOwners } from "../controls/useOwners.ts";
import { cleanPlan } from "../tasks/approval-logic.ts";
import { ApprovalPlanEditor } from "./ApprovalPlanEditor.tsx";

interface ActionDialogProps {
  incident: IncidentView;
  onClose(): void;
  onSaved(incident: IncidentView): void;
}

/**
 * Opens a corrective or preventive action (CAPA) on the incident: a task for someone, with a due
 * date and, when its completion must be signed off, an approval plan of up to three stages.
 */
export function ActionDialog({ incident, onClose, onSaved }: ActionDialogProps) {
  const { t } = useI18n();
  const { can } = useSignedIn();
  const users = useOwners(can("users.read"));
  const [kind, setKind] = useState<ActionKind>("corrective");
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [assigneeId, setAssigneeId] = useState(incident.owner?.id ?? "");
  const [dueOn, setDueOn] = useState("");
  const [stages, setStages] = useState<string[][]>(() => Array.from({ length: MAX_APPROVAL_STAGES }, () => []));

  const form = useFormSave({ onDone: onClose }, async () => {
    const saved = await incidentsApi.addAction(incident.id, {
      kind,
      title: title.trim(),
      description: description.trim(),
      assigneeId: assigneeId || null,
      dueOn: dueOn || null,
      approvalPlan: cleanPlan(stages),
    });
    onSaved(saved);
  });
  const { errors } = form;

  return (
    <FormDialog
      title={t("incidents.action.dialogTitle", { code: incident.code })}
      onClose={onClose}
      testId="action-dialog"
      formId="action-form"
      form={form}
      submitLabel={t("incidents.action.save")}
      submitTestId="action-save"
    >
      <Field label={t("incidents.action.kind")} hint={t(`incidents.action.kindHint.${kind}`)} error={errors.kind}>
        <OptionSelect value={kind} options={ACTION_KINDS} label={(k) => t(`incidents.actionKind.${k}`)} onChange={setKind} testId="action-kind" />
      </Field>
      <Field label={t("incidents.action.title")} error={errors.title}>
        <input className="input" required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} data-testid="action-title" />
      </Field>
      <Field label={t("incidents.action.description")} error={errors.description} optional>
        <textarea className="input" rows={3} maxLength={8000} value={description} onChange={(e) => setDescription(e.target.value)} data-testid="action-description" />
      </Field>
      <div className="form__row">
        <Field label={t("incidents.action.assignee")} error={errors.assigneeId} optional>
          <PersonSelect value={assigneeId} onChange={setAssigneeId} users={users} offered={[incident.owner]} emptyLabel={t("tasks.unassigned")} testId="action-assignee" />
        </Field>
        <Field label={t("incidents.action.dueOn")} error={errors.dueOn} optional>
          <input className="input" type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} data-testid="action-due" />
        </Field>
      </div>
      <ApprovalPlanEditor users={users} stages={stages} onChange={setStages} error={errorFor(errors, "approvalPlan")} />
    </FormDialog>
  );
}
