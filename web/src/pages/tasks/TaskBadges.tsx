import type { ApprovalStatus, ApprovalVia, StepStatus, TaskStatus } from "../../api/workflow.ts";
import { toneStyle } from "../../components/StatusBadge.tsx";
import { ITEM_STATUS_TONES } from "../../components/status-tones.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { STEP_STATUS_TONES, TASK_STATUS_LABELS, TASK_STATUS_TONES, VIA_LABELS } from "./task-tones.ts";

/** A task's status as a coloured pill. */
export function TaskStatusBadge({ status, testId }: { status: TaskStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <span className="status-badge" style={toneStyle(TASK_STATUS_TONES[status])} data-status={status} data-testid={testId}>
      {t(TASK_STATUS_LABELS[status])}
    </span>
  );
}

/** An approval step's status as a coloured pill. */
export function StepStatusBadge({ status }: { status: StepStatus }) {
  const { t } = useI18n();
  return (
    <span className="status-badge" style={toneStyle(STEP_STATUS_TONES[status])} data-status={status}>
      {t(`approvals.stepStatus.${status}`)}
    </span>
  );
}

const APPROVAL_TONES = { pending: STEP_STATUS_TONES.pending, approved: ITEM_STATUS_TONES.met, rejected: ITEM_STATUS_TONES.not_met, cancelled: ITEM_STATUS_TONES.not_applicable };

/** An approval's overall status as a coloured pill. */
export function ApprovalStatusBadge({ status }: { status: ApprovalStatus }) {
  const { t } = useI18n();
  return (
    <span className="status-badge" style={toneStyle(APPROVAL_TONES[status])} data-status={status} data-testid="approval-status">
      {t(`approvals.status.${status}`)}
    </span>
  );
}

/** How an approval reached me: as approver, as a delegate (代理), or by escalation. */
export function ViaBadge({ via }: { via: ApprovalVia }) {
  const { t } = useI18n();
  return (
    <span className={`via-badge via-badge--${via}`} data-via={via} data-testid="approval-via">
      {t(VIA_LABELS[via])}
    </span>
  );
}

/** A due date, marked when it has passed; a dash when there is none. */
export function DueDate({ dueOn, overdue }: { dueOn: string | null; overdue: boolean }) {
  const { t, day } = useI18n();
  if (!dueOn) return <span className="muted">{t("tasks.noDue")}</span>;
  return (
    <span className={overdue ? "due due--overdue" : "due"} data-overdue={overdue || undefined}>
      {day(dueOn)}
      {overdue && <span className="overdue-badge">{t("tasks.overdue")}</span>}
    </span>
  );
}
