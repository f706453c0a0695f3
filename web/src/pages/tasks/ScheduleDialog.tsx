import { useState } from "react";
import { CYCLES, SCHEDULE_SUBJECTS, schedulesApi, type Cycle, type ScheduleSubject, type ScheduleView } from "../../api/workflow.ts";
import type { UserView } from "../../api/types.ts";
import { Field } from "../../components/Field.tsx";
import { FormDialog } from "../../components/FormDialog.tsx";
import { OptionSelect } from "../../components/OptionSelect.tsx";
import { PersonSelect } from "../../components/PersonSelect.tsx";
import { errorFor } from "../../hooks/fieldErrors.ts";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { ApprovalPlanEditor } from "./ApprovalPlanEditor.tsx";
import { cleanPlan } from "./approval-logic.ts";

interface ScheduleDialogProps {
  /** The schedule to edit; none to create one. */
  schedule?: ScheduleView | undefined;
  users: readonly UserView[];
  onClose(): void;
  onSaved(schedule: ScheduleView, created: boolean): void;
}

/**
 * Create or edit a review schedule: what it reviews, per fiscal year (年度) or every N months from
 * a date, who is assigned (a named person or each subject's owner) and the approval plan of its tasks.
 * What it reviews and its cycle are fixed once created.
 */
export function ScheduleDialog({ schedule, users, onClose, onSaved }: ScheduleDialogProps) {
  const { t } = useI18n();
  const [name, setName] = useState(schedule?.name ?? "");
  const [subjectType, setSubjectType] = useState<ScheduleSubject>(schedule?.subjectType ?? "system");
  const [cycle, setCycle] = useState<Cycle>(schedule?.cycle ?? "fiscal_year");
  const [intervalMonths, setIntervalMonths] = useState(String(schedule?.intervalMonths ?? 12));
  const [anchorOn, setAnchorOn] = useState(schedule?.anchorOn ?? "");
  const [assigneeId, setAssigneeId] = useState(schedule?.assigneeId ?? "");
  const [plan, setPlan] = useState<string[][]>(schedule?.approvalPlan ?? []);
  const [active, setActive] = useState(schedule?.active ?? true);

  const form = useFormSave({ version: schedule?.version, onDone: onClose }, async (version) => {
    const common = { name: name.trim(), assigneeId: assigneeId || null, approvalPlan: cleanPlan(plan), active };
    const saved =
      schedule && version !== undefined
        ? await schedulesApi.update(schedule.id, { ...common, version })
        : await schedulesApi.create({
            ...common,
            subjectType,
            cycle,
            intervalMonths: cycle === "months" ? Number(intervalMonths) : 12,
            anchorOn: cycle === "months" ? anchorOn || null : null,
          });
    onSaved(saved, !schedule);
  });
  const { errors } = form;

  return (
    <FormDialog
      title={schedule ? t("schedules.dialog.editTitle", { name: schedule.name }) : t("schedules.dialog.createTitle")}
      onClose={onClose}
      testId="schedule-dialog"
      formId="schedule-form"
      form={form}
      submitLabel={schedule ? t("common.save") : t("common.create")}
      submitTestId="schedule-submit"
    >
      <Field label={t("schedules.field.name")} hint={t("schedules.field.nameHint")} error={errors.name}>
        <input className="input" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} data-testid="schedule-name" />
      </Field>
      {!schedule && (
        <>
          <div className="form__row">
            <Field label={t("schedules.field.subjectType")} error={errors.subjectType}>
              <OptionSelect value={subjectType} options={SCHEDULE_SUBJECTS} label={(s) => t(`schedules.subject.${s}`)} onChange={setSubjectType} testId="schedule-subject" />
            </Field>
            <Field label={t("schedules.field.cycle")} error={errors.cycle}>
              <OptionSelect value={cycle} options={CYCLES} label={(c) => t(`schedules.cycle.${c}`)} onChange={setCycle} testId="schedule-cycle" />
            </Field>
          </div>
          {cycle === "fiscal_year" ? (
            <p className="field__hint">{t("schedules.fiscalHint")}</p>
          ) : (
            <div className="form__row">
              <Field label={t("schedules.field.intervalMonths")} error={errors.intervalMonths}>
                <input className="input input--narrow" type="number" min={1} max={60} step={1} required value={intervalMonths} onChange={(e) => setIntervalMonths(e.target.value)} data-testid="schedule-interval" />
              </Field>
              <Field label={t("schedules.field.anchorOn")} hint={t("schedules.field.anchorHint")} error={errors.anchorOn}>
                <input className="input" type="date" required value={anchorOn} onChange={(e) => setAnchorOn(e.target.value)} data-testid="schedule-anchor" />
              </Field>
            </div>
          )}
        </>
      )}
      <Field label={t("schedules.field.assignee")} hint={t("schedules.field.assigneeHint")} error={errors.assigneeId}>
        <PersonSelect value={assigneeId} onChange={setAssigneeId} users={users} emptyLabel={t("schedules.eachOwner")} testId="schedule-assignee" />
      </Field>
      <ApprovalPlanEditor value={plan} onChange={setPlan} users={users} error={errorFor(errors, "approvalPlan")} />
      <label className="checkbox">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} data-testid="schedule-active" />
        {t("schedules.field.active")}
      </label>
    </FormDialog>
  );
}
