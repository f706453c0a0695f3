import { useState } from "react";
import type { UserView } from "../../api/types.ts";
import type { ScheduleView } from "../../api/workflow.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

interface ScheduleRowProps {
  schedule: ScheduleView;
  users: readonly UserView[];
  /** What a schedule manager may do; none for everyone else. */
  actions: { run(): Promise<void>; toggle(): Promise<void>; edit(): void; remove(): void } | undefined;
}

/** One schedule: what it reviews, how often, the period today falls in, who is assigned, and run / pause / edit / delete. */
export function ScheduleRow({ schedule: s, users, actions }: ScheduleRowProps) {
  const { t, day, number } = useI18n();
  const [busy, setBusy] = useState(false);
  const assignee = s.assigneeId ? (users.find((u) => u.id === s.assigneeId)?.displayName ?? s.assigneeId) : undefined;
  const wrap = (action: () => Promise<void>) => async () => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr data-testid="schedule-row" data-schedule-id={s.id} className={s.active ? undefined : "table__row--muted"}>
      <td className="table__primary">
        {s.name}
        {s.approvalPlan && <span className="tag tag--neutral">{t("schedules.withApproval", { n: number(s.approvalPlan.length) })}</span>}
      </td>
      <td>{t(`schedules.subject.${s.subjectType}`)}</td>
      <td>
        {s.cycle === "fiscal_year"
          ? t("schedules.cycle.fiscal_year")
          : t("schedules.everyMonths", { n: number(s.intervalMonths), date: s.anchorOn ? day(s.anchorOn) : "—" })}
      </td>
      <td data-testid="schedule-period">
        <span className="table__mono">{s.currentPeriod.key}</span>
        <span className="muted schedule-period__dates">{t("schedules.periodRange", { start: day(s.currentPeriod.start), end: day(s.currentPeriod.end) })}</span>
      </td>
      <td>{assignee ?? <span className="muted">{t("schedules.eachOwner")}</span>}</td>
      <td>
        <span className={s.active ? "status status--active" : "status status--disabled"} data-testid="schedule-status">
          {s.active ? t("schedules.active") : t("schedules.pausedState")}
        </span>
      </td>
      {actions && (
        <td className="table__actions">
          <button type="button" className="button button--small button--primary" disabled={busy || !s.active} onClick={wrap(actions.run)} data-testid="schedule-run">
            {t("schedules.runNow")}
          </button>
          <button type="button" className="button button--small" disabled={busy} onClick={wrap(actions.toggle)} data-testid="schedule-toggle">
            {s.active ? t("schedules.pause") : t("schedules.resume")}
          </button>
          <button type="button" className="button button--small" onClick={actions.edit} data-testid="schedule-edit">
            {t("schedules.edit")}
          </button>
          <button type="button" className="button button--small button--danger-outline" onClick={actions.remove} data-testid="schedule-delete">
            {t("common.delete")}
          </button>
        </td>
      )}
    </tr>
  );
}
