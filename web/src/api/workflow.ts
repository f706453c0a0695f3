import { request, withSignal } from "./client.ts";
import type { ListParams, Page } from "./types.ts";

/**
 * Tasks, approvals (稟議), delegations (代理), review schedules, notifications and webhooks as the
 * web UI sees them. Kept by hand beside src/workflow/tasks.schema.ts, approvals.schema.ts,
 * my-work.ts, schedules.schema.ts and src/notify/notify.routes.ts.
 */

export const TASK_KINDS = ["general", "corrective", "preventive", "review"] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_STATUSES = ["open", "in_progress", "awaiting_approval", "done", "cancelled"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** The records a task can act on. */
export const SUBJECT_TYPES = ["system", "risk", "control", "incident", "vendor"] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
export const APPROVAL_STATUSES = ["pending", "approved", "rejected", "cancelled"] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];
/** `waiting`: a later stage not yet reached; `skipped`: the approval ended before it was decided. */
export const STEP_STATUSES = ["waiting", "pending", "approved", "rejected", "skipped"] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];
/** How an approval reached me: as its approver, as a delegate (代理), or escalated to me. */
export type ApprovalVia = "approver" | "delegate" | "escalation";

export interface Person {
  id: string;
  displayName: string;
}

/** The record a task acts on, named in both languages. */
export interface SubjectRef {
  type: SubjectType;
  id: string;
  code: string | null;
  titleJa: string | null;
  titleEn: string | null;
}

/** One approver's step of one stage (`approvalStepView`). */
export interface ApprovalStep {
  id: string;
  stage: number;
  approver: Person;
  status: StepStatus;
  dueOn: string | null;
  /** Overdue steps pass to the next approver, who may then decide in the approver's place. */
  escalatedTo: Person | null;
  escalatedAt: string | null;
  /** Who decided: the approver, their delegate or the person it was escalated to. */
  decidedBy: Person | null;
  decidedAt: string | null;
  comment: string | null;
}

/** An approval (稟議): stages in order, the approvers of one stage in parallel. */
export interface ApprovalView {
  id: string;
  subjectType: string;
  subjectId: string;
  title: string;
  status: ApprovalStatus;
  stage: number;
  stages: number;
  requestedBy: Person | null;
  steps: ApprovalStep[];
  createdAt: string;
  decidedAt: string | null;
  version: number;
}

/** An approval waiting for me, and how it reached me. */
export type MyApproval = ApprovalView & { via: ApprovalVia };

export interface TaskView {
  id: string;
  code: string;
  kind: TaskKind;
  title: string;
  description: string;
  subject: SubjectRef | null;
  assignee: Person | null;
  dueOn: string | null;
  overdue: boolean;
  status: TaskStatus;
  approvalPlan: Person[][] | null;
  /** The latest approval asked for this task, if any. */
  approval: ApprovalView | null;
  createdBy: string | null;
  completedBy: Person | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Who approves, stage by stage, as user ids: `[["usr_a"], ["usr_b", "usr_c"]]`. */
export type ApprovalPlan = string[][];

export interface CreateTaskInput {
  kind?: TaskKind;
  title: string;
  description?: string;
  subjectType?: SubjectType | null;
  subjectId?: string | null;
  assigneeId?: string | null;
  dueOn?: string | null;
  approvalPlan?: ApprovalPlan | null;
}

export interface UpdateTaskInput {
  version: number;
  title?: string;
  description?: string;
  assigneeId?: string | null;
  dueOn?: string | null;
  /** Completion goes through `complete`, which asks for approval when planned. */
  status?: "open" | "in_progress" | "cancelled";
  approvalPlan?: ApprovalPlan | null;
}

export interface TaskListParams extends ListParams {
  /** A user id, or `me`. */
  assigneeId?: string;
  status?: TaskStatus;
  active?: "true" | "false";
  kind?: TaskKind;
  subjectType?: SubjectType;
  subjectId?: string;
  overdue?: "true";
}

/** The "my tasks" page: my active tasks and the approvals waiting for me. */
export interface MyWork {
  tasks: TaskView[];
  activeTotal: number;
  overdueTotal: number;
  approvals: MyApproval[];
}

export interface TaskComment {
  id: string;
  author: Person | null;
  body: string;
  createdAt: string;
}

/** A delegation (代理): the delegate decides the principal's approval steps between two dates. */
export interface Delegation {
  id: string;
  principal: Person;
  delegate: Person;
  startsOn: string;
  endsOn: string;
  note: string;
  createdAt: string;
}

export interface CreateDelegationInput {
  principalId?: string;
  delegateId: string;
  startsOn: string;
  endsOn: string;
  note?: string;
}

// ——— Review schedules ———

export const SCHEDULE_SUBJECTS = ["system", "risk", "vendor"] as const;
export type ScheduleSubject = (typeof SCHEDULE_SUBJECTS)[number];
/** `fiscal_year`: once per 年度 from the organisation's start month; `months`: every N months from an anchor date. */
export const CYCLES = ["fiscal_year", "months"] as const;
export type Cycle = (typeof CYCLES)[number];

export interface SchedulePeriod {
  /** `FY2026`, or the first day of a months cycle's period. */
  key: string;
  start: string;
  end: string;
}

export interface ScheduleView {
  id: string;
  name: string;
  subjectType: ScheduleSubject;
  cycle: Cycle;
  intervalMonths: number;
  anchorOn: string | null;
  /** Null: each subject's owner. */
  assigneeId: string | null;
  approvalPlan: ApprovalPlan | null;
  active: boolean;
  currentPeriod: SchedulePeriod;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type CreateScheduleInput = Pick<ScheduleView, "name" | "subjectType" | "cycle" | "intervalMonths" | "anchorOn" | "assigneeId" | "approvalPlan" | "active">;

export interface UpdateScheduleInput {
  version: number;
  name?: string;
  assigneeId?: string | null;
  approvalPlan?: ApprovalPlan | null;
  active?: boolean;
}

// ——— Notifications and webhooks ———

export interface NotificationItem {
  id: string;
  event: string;
  subject: { type: string; id: string } | null;
  title: { ja: string; en: string };
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  items: NotificationItem[];
  unread: number;
}

/** Events an endpoint can subscribe to: `*`, a family (`task.*`) or one event. */
export const WEBHOOK_EVENTS = [
  "*",
  "task.*",
  "task.assigned",
  "task.completed",
  "task.returned",
  "task.overdue",
  "approval.*",
  "approval.requested",
  "approval.escalated",
  "incident.*",
  "incident.filed",
  "incident.imported",
  "review.*",
  "review.scheduled",
  "audit.checkpoint",
] as const;

export interface WebhookEndpoint {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  /** The secret's first characters, to tell endpoints apart. */
  secretHint: string;
  createdAt: string;
}

/** A new endpoint, with its signing secret: shown this once. */
export type CreatedWebhook = WebhookEndpoint & { secret: string };

export interface WebhookDelivery {
  id: string;
  event: string;
  /** `pending`, `sending`, `delivered` or `failed`. */
  status: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

const enc = encodeURIComponent;

export const tasksApi = {
  /** My active tasks (soonest due first) and the approvals waiting for me. */
  mine: (limit: number, signal?: AbortSignal) => request<MyWork>("GET", "/api/my/tasks", { query: { limit }, ...withSignal(signal) }),
  list: (params: TaskListParams, signal?: AbortSignal) => request<Page<TaskView>>("GET", "/api/tasks", { query: params, ...withSignal(signal) }),
  get: (id: string, signal?: AbortSignal) => request<TaskView>("GET", `/api/tasks/${enc(id)}`, withSignal(signal)),
  create: (input: CreateTaskInput) => request<TaskView>("POST", "/api/tasks", { body: input }),
  update: (id: string, input: UpdateTaskInput) => request<TaskView>("PATCH", `/api/tasks/${enc(id)}`, { body: input }),
  /** Done, or `awaiting_approval` when the task has an approval plan. */
  complete: (id: string, input: { version: number; comment?: string }) => request<TaskView>("POST", `/api/tasks/${enc(id)}/complete`, { body: input }),
  comments: (id: string, signal?: AbortSignal) => request<TaskComment[]>("GET", `/api/tasks/${enc(id)}/comments`, withSignal(signal)),
  /** Adds a comment; answers every comment of the task. */
  addComment: (id: string, body: string) => request<TaskComment[]>("POST", `/api/tasks/${enc(id)}/comments`, { body: { body } }),
};

export const approvalsApi = {
  get: (id: string, signal?: AbortSignal) => request<ApprovalView>("GET", `/api/approvals/${enc(id)}`, withSignal(signal)),
  /** Decides my waiting step (errors: self_approval, not_approver, already_decided). */
  decide: (id: string, input: { decision: "approve" | "reject"; comment?: string }) =>
    request<ApprovalView>("POST", `/api/approvals/${enc(id)}/decide`, { body: input }),
};

export const delegationsApi = {
  /** Delegations I gave or received (administrators: everyone's). */
  list: (signal?: AbortSignal) => request<Delegation[]>("GET", "/api/delegations", withSignal(signal)),
  create: (input: CreateDelegationInput) => request<Delegation>("POST", "/api/delegations", { body: input }),
  remove: (id: string) => request<void>("DELETE", `/api/delegations/${enc(id)}`),
};

export const schedulesApi = {
  list: (signal?: AbortSignal) => request<ScheduleView[]>("GET", "/api/review-schedules", withSignal(signal)),
  create: (input: CreateScheduleInput) => request<ScheduleView>("POST", "/api/review-schedules", { body: input }),
  update: (id: string, input: UpdateScheduleInput) => request<ScheduleView>("PATCH", `/api/review-schedules/${enc(id)}`, { body: input }),
  remove: (id: string) => request<void>("DELETE", `/api/review-schedules/${enc(id)}`),
  /** Creates the current period's tasks now; safe to repeat. */
  run: (id: string) => request<{ created: number; period: string }>("POST", `/api/review-schedules/${enc(id)}/run`),
};

export const notificationsApi = {
  list: (limit: number, signal?: AbortSignal) => request<NotificationList>("GET", "/api/notifications", { query: { limit }, ...withSignal(signal) }),
  /** Marks these notifications read, or all of mine without ids. */
  markRead: (ids?: string[]) => request<void>("POST", "/api/notifications/read", { body: ids ? { ids } : {} }),
};

export const webhooksApi = {
  list: (signal?: AbortSignal) => request<WebhookEndpoint[]>("GET", "/api/webhooks", withSignal(signal)),
  create: (input: { url: string; events: string[] }) => request<CreatedWebhook>("POST", "/api/webhooks", { body: input }),
  remove: (id: string) => request<void>("DELETE", `/api/webhooks/${enc(id)}`),
  deliveries: (id: string, signal?: AbortSignal) => request<WebhookDelivery[]>("GET", `/api/webhooks/${enc(id)}/deliveries`, withSignal(signal)),
  /** Queues a `webhook.ping` to the endpoint. */
  ping: (id: string) => request<void>("POST", `/api/webhooks/${enc(id)}/ping`),
};

type Named = { id: string; code: string; nameJa?: string; nameEn?: string; titleJa?: string; titleEn?: string; title?: string; name?: string };
const SUBJECT_LISTS: Record<SubjectType, string> = {
  system: "/api/systems",
  risk: "/api/risks",
  control: "/api/controls",
  incident: "/api/incidents",
  vendor: "/api/vendors",
};

/**
 * Finds records a task can act on, by code or name, through each kind's own list endpoint; the
 * answers are named alike (code, Japanese and English title) whatever their kind calls them.
 */
export async function searchSubjects(type: SubjectType, q: string, signal?: AbortSignal): Promise<SubjectRef[]> {
  const page = await request<Page<Named>>("GET", SUBJECT_LISTS[type], { query: { q, limit: 10 }, ...withSignal(signal) });
  return page.items.map((r) => ({
    type,
    id: r.id,
    code: r.code,
    titleJa: r.nameJa ?? r.titleJa ?? r.title ?? r.name ?? null,
    titleEn: r.nameEn ?? r.titleEn ?? r.title ?? r.name ?? null,
  }));
}
