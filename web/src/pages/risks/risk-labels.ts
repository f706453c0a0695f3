import type { RiskStatus, RiskTreatment, TaskKind, TaskStatus } from "../../api/risks.ts";
import type { MessageKey } from "../../i18n/en.ts";

/** The dictionary key of each value the risk pages show, so the compiler checks every word exists. */
export const TREATMENT_LABELS: Record<RiskTreatment, MessageKey> = {
  mitigate: "risks.treatment.mitigate",
  accept: "risks.treatment.accept",
  transfer: "risks.treatment.transfer",
  avoid: "risks.treatment.avoid",
};

export const STATUS_LABELS: Record<RiskStatus, MessageKey> = {
  open: "risks.status.open",
  accepted: "risks.status.accepted",
  closed: "risks.status.closed",
};

export const TASK_STATUS_LABELS: Record<TaskStatus, MessageKey> = {
  open: "risks.task.status.open",
  in_progress: "risks.task.status.in_progress",
  awaiting_approval: "risks.task.status.awaiting_approval",
  done: "risks.task.status.done",
  cancelled: "risks.task.status.cancelled",
};

export const TASK_KIND_LABELS: Record<TaskKind, MessageKey> = {
  general: "risks.task.kind.general",
  corrective: "risks.task.kind.corrective",
  preventive: "risks.task.kind.preventive",
  review: "risks.task.kind.review",
};

/** Where one risk lives. */
export function riskPath(id: string): string {
  return `/risks/${encodeURIComponent(id)}`;
}
