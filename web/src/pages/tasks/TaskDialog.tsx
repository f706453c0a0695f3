import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/client.ts";
import { TASK_KINDS, tasksApi, type SubjectRef, type TaskKind, type TaskView } from "../../api/workflow.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { Field } from "../../components/Field.tsx";
import { Notice } from "../../components/Notice.tsx";
import { fieldErrors } from "../../hooks/fieldErrors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { useOwners } from "../controls/useOwners.ts";
import { ApprovalPlanEditor } from "./ApprovalPlanEditor.tsx";
import { cleanPlan, planIds } from "./approval-logic.ts";
import { PersonSelect } from "./PersonSelect.tsx";
import { SubjectPicker } from "./SubjectPicker.tsx";

interface TaskDialogProps {
  /** The task to edit; none to create one. */
  task?: TaskView | undefined;
  /** A record the new task acts on, chosen beforehand (e.g. from a vendor's page). */
  subject?: SubjectRef | undefined;
  onClose(): void;
  onSaved(task: TaskView, created: boolean): void;
}

/** The first message of any field under `prefix` (`approvalPlan.0.1` → the plan's error). */
const under = (errors: Record<string, string>, prefix: string) => Object.entries(errors).find(([k]) => k === prefix || k.startsWith(`${prefix}.`))?.[1];

/** Create or edit a task: kind, title, description, subject, assignee, due date and approval plan (稟議). */
export function TaskDialog({ task, subject: presetSubject, onClose, onSaved }: TaskDialogProps) {
  const { t, errorMessage } = useI18n();
  const { session } = useSignedIn();
  const users = useOwners();
  const [kind, setKind] = useState<TaskKind>(task?.kind ?? "general");
  const [title, setTitle] = useState(task?.title ?? "");
  const [description, setDescription] = useState(task?.description ?? "");
  const [subject, setSubject] = useState<SubjectRef | null>(task?.subject ?? presetSubject ?? null);
  const [assigneeId, setAssigneeId] = useState(task ? (task.assignee?.id ?? "") : session.user.id);
  const [dueOn, setDueOn] = useState(task?.dueOn ?? "");
  const [plan, setPlan] = useState<string[][]>(planIds(task?.approvalPlan ?? null));
  const [version, setVersion] = useState(task?.version);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const common = { title: title.trim(), description: description.trim(), assigneeId: assigneeId || null, dueOn: dueOn || null, approvalPlan: cleanPlan(plan) };
    try {
      const saved =
        task && version !== undefined
          ? await tasksApi.update(task.id, { ...common, version })
          : await tasksApi.create({ ...common, kind, subjectType: subject?.type ?? null, subjectId: subject?.id ?? null });
      onSaved(saved, !task);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.code === "conflict") setVersion(err.currentRecord<TaskView>()?.version ?? version);
      setError(err);
      setBusy(false);
    }
  };

  const errors = fieldErrors(error);
  const formError = error !== undefined && Object.keys(errors).length === 0 ? errorMessage(error) : undefined;
  const known = [{ id: session.user.id, displayName: session.user.displayName }, ...(task?.approvalPlan?.flat() ?? []), ...(task?.assignee ? [task.assignee] : [])];

  return (
    <Dialog
      title={task ? t("tasks.dialog.editTitle", { code: task.code }) : t("tasks.dialog.createTitle")}
      onClose={onClose}
      testId="task-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form="task-form" className="button button--primary" disabled={busy} data-testid="task-submit">
            {busy ? t("common.saving") : task ? t("common.save") : t("common.create")}
          </button>
        </>
      }
    >
      <form id="task-form" className="form" onSubmit={submit} noValidate>
        {formError && <Notice kind="error">{formError}</Notice>}
        <Field label={t("tasks.field.title")} error={errors.title}>
          <input className="input" required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} data-testid="task-title" />
        </Field>
        <div className="form__row">
          {!task && (
            <Field label={t("tasks.field.kind")} error={errors.kind}>
              <select className="input" value={kind} onChange={(e) => setKind(e.target.value as TaskKind)}>
                {TASK_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`tasks.kind.${k}`)}
                  </option>
                ))}
              </select>
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
        <ApprovalPlanEditor value={plan} onChange={setPlan} users={users} known={known} error={under(errors, "approvalPlan")} />
      </form>
    </Dialog>
  );
}
