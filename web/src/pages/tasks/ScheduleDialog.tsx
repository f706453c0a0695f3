import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/client.ts";
import { CYCLES, SCHEDULE_SUBJECTS, schedulesApi, type Cycle, type ScheduleSubject, type ScheduleView } from "../../api/workflow.ts";
import type { UserView } from "../../api/types.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { Field } from "../../components/Field.tsx";
import { Notice } from "../../components/Notice.tsx";
import { fieldErrors } from "../../hooks/fieldErrors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { ApprovalPlanEditor } from "./ApprovalPlanEditor.tsx";
import { cleanPlan } from "./approval-logic.ts";
import { PersonSelect } from "./PersonSelect.tsx";

interface ScheduleDialogProps {
  /** The schedule to edit; none to create one. */
  schedule?: ScheduleView | undefined;
  users: readonly UserView[];
  onClose(): void;
  onSaved(schedule: ScheduleView, created: boolean): void;
}

const under = (errors: Record<string, string>, prefix: string) => Object.entries(errors).find(([k]) => k === prefix || k.startsWith(`${prefix}.`))?.[1];

/**
 * Create or edit a review schedule: what it reviews, per fiscal year (年度) or every N months from
 * a date, who is assigned (a named person or each subject's owner) and the approval plan of its tasks.
 * What it reviews and its cycle are fixed once created.
 */
export function ScheduleDialog({ schedule, users, onClose, onSaved }: ScheduleDialogProps) {
  const { t, errorMessage } = useI18n();
  const [name, setName] = useState(schedule?.name ?? "");
  const [subjectType, setSubjectType] = useState<ScheduleSubject>(schedule?.subjectType ?? "system");
  const [cycle, setCycle] = useState<Cycle>(schedule?.cycle ?? "fiscal_year");
  const [intervalMonths, setIntervalMonths] = useState(String(schedule?.intervalMonths ?? 12));
  const [anchorOn, setAnchorOn] = useState(schedule?.anchorOn ?? "");
  const [assigneeId, setAssigneeId] = useState(schedule?.assigneeId ?? "");
  const [plan, setPlan] = useState<string[][]>(schedule?.approvalPlan ?? []);
  const [active, setActive] = useState(schedule?.active ?? true);
  const [version, setVersion] = useState(schedule?.version);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const common = { name: name.trim(), assigneeId: assigneeId || null, approvalPlan: cleanPlan(plan), active };
    try {
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
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.code === "conflict") setVersion(err.currentRecord<ScheduleView>()?.version ?? version);
      setError(err);
      setBusy(false);
    }
  };

  const errors = fieldErrors(error);
  const formError = error !== undefined && Object.keys(errors).length === 0 ? errorMessage(error) : undefined;

  return (
    <Dialog
      title={schedule ? t("schedules.dialog.editTitle", { name: schedule.name }) : t("schedules.dialog.createTitle")}
      onClose={onClose}
      testId="schedule-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form="schedule-form" className="button button--primary" disabled={busy} data-testid="schedule-submit">
            {busy ? t("common.saving") : schedule ? t("common.save") : t("common.create")}
          </button>
        </>
      }
    >
      <form id="schedule-form" className="form" onSubmit={submit} noValidate>
        {formError && <Notice kind="error">{formError}</Notice>}
        <Field label={t("schedules.field.name")} hint={t("schedules.field.nameHint")} error={errors.name}>
          <input className="input" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} data-testid="schedule-name" />
        </Field>
        {!schedule && (
          <>
            <div className="form__row">
              <Field label={t("schedules.field.subjectType")} error={errors.subjectType}>
                <select className="input" value={subjectType} onChange={(e) => setSubjectType(e.target.value as ScheduleSubject)} data-testid="schedule-subject">
                  {SCHEDULE_SUBJECTS.map((s) => (
                    <option key={s} value={s}>
                      {t(`schedules.subject.${s}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t("schedules.field.cycle")} error={errors.cycle}>
                <select className="input" value={cycle} onChange={(e) => setCycle(e.target.value as Cycle)} data-testid="schedule-cycle">
                  {CYCLES.map((c) => (
                    <option key={c} value={c}>
                      {t(`schedules.cycle.${c}`)}
                    </option>
                  ))}
                </select>
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
        <ApprovalPlanEditor value={plan} onChange={setPlan} users={users} error={under(errors, "approvalPlan")} />
        <label className="checkbox">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} data-testid="schedule-active" />
          {t("schedules.field.active")}
        </label>
      </form>
    </Dialog>
  );
}
