import { useState } from "react";
import { TASK_KINDS, tasksApi, type SubjectRef, type TaskKind, type TaskView } from "../../api/workflow.ts";
import { Field } from "../../components/Field.tsx";
import { FormDialog } from "../../components/FormDialog.tsx";
import { OptionSelect } from "../../components/OptionSelect.tsx";
import { PersonSelect } from "../../components/PersonSelect.tsx";
import { errorFor } from "../../hooks/fieldErrors.ts";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { useOwners } from "../controls/useOwners.ts";
import { ApprovalPlanEditor } from "./ApprovalPlanEditor.tsx";
import { cleanPlan, planIds } from "./approval-logic.ts";
import { SubjectPicker } from "./SubjectPicker.tsx";
import { TASK_KIND_LABELS } from "./task-tones.ts";

interface TaskDialogProps {
  /** The task to edit; none to create one. */
  task?: TaskView | undefined;
  /** A record the new task acts on, chosen beforehand (e.g. from a vendor's page). */
  subject?: SubjectRef | undefined;
  onClose(): void;
  onSaved(task: TaskView, created: boolean): void;
}

/** Create or edit a task: kind, title, description, subject, assignee, due date and approval plan (稟議). */
export function TaskDialog({ task, subject: presetSubject, onClose, onSaved }: TaskDialogProps) {
  const { t } = useI18n();
  const { session } = useSignedIn();
  const users = useOwners();
  const [kind, setKind] = useState<TaskKind>(task?.kind ?? "general");
  const [title, setTitle] = useState(task?.title ?? "");
  const [description, setDescription] = useState(task?.description ?? "");
  const [subject, setSubject] = useState<SubjectRef | null>(task?.subject ?? presetSubject ?? null);
  const [assigneeId, setAssigneeId] = useState(task ? (task.assignee?.id ?? "") : session.user.id);
  const [dueOn, setDueOn] = useState(task?.dueOn ?? "");
  const [plan, setPlan] = useState<string[][]>(planIds(task?.approvalPlan ?? null));

  const form = useFormSave({ version: task?.version, onDone: onClose }, async (version) => {
    const common = { title: title.trim(), description: description.trim(), assigneeId: assigneeId || null, dueOn: dueOn || null, approvalPlan: cleanPlan(plan) };
    const saved =
      task && version !== undefined
        ? await tasksApi.update(task.id, { ...common, version })
        : await tasksApi.create({ ...common, kind, subjectType: subject?.type ?? null, subjectId: subject?.id ?? null });
    onSaved(saved, !task);
  });
  const { errors } = form;

  const known = [{ id: session.user.id, displayName: session.user.displayName }, ...(task?.approvalPlan?.flat() ?? []), ...(task?.assignee ? [task.assignee] : [])];

  return (
    <FormDialog
      title={task ? t("tasks.dialog.editTitle", { code: task.code }) : t("tasks.dialog.createTitle")}
      onClose={onClose}
      testId="task-dialog"
      formId="task-form"
      form={form}
      submitLabel={task ? t("common.save") : t("common.create")}
      submitTestId="task-submit"
    >
      <Field label={t("tasks.field.title")} error={errors.title}>
        <input className="input" required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} data-testid="task-title" />
      </Field>
      <div className="form__row">
        {!task && (
          <Field label={t("tasks.field.kind")} error={errors.kind}>
            <OptionSelect value={kind} options={TASK_KINDS} label={(k) => t(TASK_KIND_LABELS[k])} onChange={setKind} />
          </Field>
        )}
        <Field label={t("tasks.field.assignee")} error={errors.assigneeId} optional>
          <PersonSelect value={assigneeId} onChange={setAssigneeId} users={users} known={known} emptyLabel={t("tasks.unassigned")} testId="task-assignee" />
        </Field>
        <Field label={t("tasks.field.dueOn")} error={errors.dueOn} optional>
          <input className="input" type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} data-testid="task-due" />
        </Field>
      </div>
      <Field label={t("tasks.field.description")} error={errors.description} optional>
        <textarea className="input" rows={3} maxLength={8000} value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
      {!task && <SubjectPicker value={subject} onChange={setSubject} error={errors.subjectId ?? errors.subjectType} />}
      <ApprovalPlanEditor value={plan} onChange={setPlan} users={users} known={known} error={errorFor(errors, "approvalPlan")} />
    </FormDialog>
  );
}
