import type { ControlStatus } from "../compliance/statuses.ts";
import { LIFECYCLE_LABELS } from "../systems/io/export.labels.ts";
import type { LIFECYCLE } from "../systems/systems.schema.ts";
import type { RISK_STATUSES, RISK_TREATMENTS } from "../risks/risks.schema.ts";
import type { APPROVAL_STATUSES } from "../workflow/approvals.schema.ts";
import type { TASK_KINDS, TASK_STATUSES } from "../workflow/tasks.schema.ts";
import type { INCIDENT_STATUSES, SEVERITIES, TRISTATE } from "./vocabulary.ts";

/**
 * Words for the stored values the human incident report shows (status, severity, channel, action
 * kind and status…), in Japanese and English. They repeat the web UI's wording
 * (`web/src/i18n/*.ts`) so the printed report reads like the screen it came from; a regulator
 * must never be handed `closed · high` or `[corrective] done`.
 */
export interface Words {
  ja: string;
  en: string;
}

type Table<K extends string> = Record<K, Words>;

export const INCIDENT_STATUS_WORDS: Table<(typeof INCIDENT_STATUSES)[number]> = {
  open: { ja: "未対応", en: "Open" },
  investigating: { ja: "調査中", en: "Investigating" },
  mitigated: { ja: "影響緩和済み", en: "Mitigated" },
  closed: { ja: "クローズ", en: "Closed" },
};

export const SEVERITY_WORDS: Table<(typeof SEVERITIES)[number]> = {
  low: { ja: "低", en: "Low" },
  medium: { ja: "中", en: "Medium" },
  high: { ja: "高", en: "High" },
  critical: { ja: "重大", en: "Critical" },
};

export const TRISTATE_WORDS: Table<(typeof TRISTATE)[number]> = {
  no: { ja: "いいえ", en: "No" },
  yes: { ja: "はい", en: "Yes" },
  unknown: { ja: "不明", en: "Unknown" },
};

export const ACTION_KIND_WORDS: Table<(typeof TASK_KINDS)[number]> = {
  general: { ja: "一般", en: "General" },
  corrective: { ja: "是正措置", en: "Corrective action" },
  preventive: { ja: "予防措置", en: "Preventive action" },
  review: { ja: "見直し", en: "Review" },
};

export const ACTION_STATUS_WORDS: Table<(typeof TASK_STATUSES)[number]> = {
  open: { ja: "未着手", en: "Open" },
  in_progress: { ja: "対応中", en: "In progress" },
  awaiting_approval: { ja: "承認待ち", en: "Awaiting approval" },
  done: { ja: "完了", en: "Done" },
  cancelled: { ja: "取消し", en: "Cancelled" },
};

export const APPROVAL_STATUS_WORDS: Table<(typeof APPROVAL_STATUSES)[number]> = {
  pending: { ja: "承認中", en: "In approval" },
  approved: { ja: "承認済み", en: "Approved" },
  rejected: { ja: "差戻し", en: "Rejected" },
  cancelled: { ja: "取下げ", en: "Withdrawn" },
};

/** Kinds of timeline entry the service and the monitoring intake write. */
export const TIMELINE_KIND_WORDS = {
  filed: { ja: "登録", en: "Filed" },
  note: { ja: "記録", en: "Note" },
  status: { ja: "状態変更", en: "Status changed" },
  root_cause: { ja: "根本原因", en: "Root cause" },
  closed: { ja: "クローズ", en: "Closed" },
  alert_firing: { ja: "アラート発生", en: "Alert firing" },
  alert_resolved: { ja: "アラート解消", en: "Alert resolved" },
} as const satisfies Record<string, Words>;

/** Lifecycle stages in the inventory's own words (one table, shared with the inventory export). */
export const LIFECYCLE_WORDS: Table<(typeof LIFECYCLE)[number]> = LIFECYCLE_LABELS;

export const RISK_STATUS_WORDS: Table<(typeof RISK_STATUSES)[number]> = {
  open: { ja: "対応中", en: "Open" },
  accepted: { ja: "受容済み", en: "Accepted" },
  closed: { ja: "クローズ", en: "Closed" },
};

export const RISK_TREATMENT_WORDS: Table<(typeof RISK_TREATMENTS)[number]> = {
  mitigate: { ja: "低減", en: "Mitigate" },
  accept: { ja: "受容", en: "Accept" },
  transfer: { ja: "移転", en: "Transfer" },
  avoid: { ja: "回避", en: "Avoid" },
};

export const CONTROL_STATUS_WORDS: Table<ControlStatus> = {
  not_started: { ja: "未着手", en: "Not started" },
  in_progress: { ja: "対応中", en: "In progress" },
  met: { ja: "達成", en: "Met" },
  partially_met: { ja: "一部達成", en: "Partially met" },
  not_met: { ja: "未達成", en: "Not met" },
};

/** Said instead of a value no table knows (a newer server's value in an older report): never the raw id. */
export const UNKNOWN_WORDS: Words = { ja: "（不明な値）", en: "(unrecognised value)" };

/** The words for `value` in `table`, or {@link UNKNOWN_WORDS} when the table does not know it. */
export function wordsFor(table: Readonly<Record<string, Words>>, value: string): Words {
  return Object.hasOwn(table, value) ? table[value]! : UNKNOWN_WORDS;
}

/**
 * The channel an incident came in through: `web`, `api`, or `webhook:<tool>` for a monitoring tool,
 * whose name (Alertmanager, Datadog…) is the tool's own and stays as it was sent.
 */
export function channelWords(source: string): Words {
  if (source === "web") return { ja: "Webフォーム", en: "Web form" };
  if (source === "api") return { ja: "API", en: "API" };
  const tool = /^webhook:(.+)$/.exec(source)?.[1];
  if (tool) return { ja: `監視ツール（${tool}）`, en: `Monitoring tool (${tool})` };
  return UNKNOWN_WORDS;
}
