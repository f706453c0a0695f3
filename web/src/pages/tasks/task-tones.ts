import type { ApprovalVia, StepStatus, TaskKind, TaskStatus } from "../../api/workflow.ts";
import { ITEM_STATUS_TONES, type Tone } from "../../components/status-tones.ts";
import type { MessageKey } from "../../i18n/en.ts";

/** A task status's colours, in the compliance palette: grey to start, blue at work, amber waiting, green done. */
export const TASK_STATUS_TONES: Record<TaskStatus, Tone> = {
  open: ITEM_STATUS_TONES.not_started,
  in_progress: ITEM_STATUS_TONES.in_progress,
  awaiting_approval: { solid: "#d97706", soft: "#fef3c7", text: "#78350f" },
  done: ITEM_STATUS_TONES.met,
  cancelled: ITEM_STATUS_TONES.not_applicable,
};

export const TASK_STATUS_LABELS: Record<TaskStatus, MessageKey> = {
  open: "tasks.status.open",
  in_progress: "tasks.status.in_progress",
  awaiting_approval: "tasks.status.awaiting_approval",
  done: "tasks.status.done",
  cancelled: "tasks.status.cancelled",
};

export const TASK_KIND_LABELS: Record<TaskKind, MessageKey> = {
  general: "tasks.kind.general",
  corrective: "tasks.kind.corrective",
  preventive: "tasks.kind.preventive",
  review: "tasks.kind.review",
};

export const STEP_STATUS_TONES: Record<StepStatus, Tone> = {
  waiting: ITEM_STATUS_TONES.not_started,
  pending: TASK_STATUS_TONES.awaiting_approval,
  approved: ITEM_STATUS_TONES.met,
  rejected: ITEM_STATUS_TONES.not_met,
  skipped: ITEM_STATUS_TONES.not_applicable,
};

export const VIA_LABELS: Record<ApprovalVia, MessageKey> = {
  approver: "approvals.via.approver",
  delegate: "approvals.via.delegate",
  escalation: "approvals.via.escalation",
};
