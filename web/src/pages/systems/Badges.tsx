import type { ItemStatus, Lifecycle } from "../../api/systems.ts";
import { StatusBadge as SharedStatusBadge } from "../../components/StatusBadge.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { isOverdue } from "./inventory-query.ts";
import { todayIso } from "../../components/dates.ts";

/**
 * The EU AI Act risk class as a colour-coded badge; "unclassified" while the profile leaves it
 * open. A class that applies only from a later date says so: a résumé-screening system is
 * high-risk for planning today, from the date its obligations start.
 */
export function EuClassBadge({ value, from, large }: { value: string | null; from?: string | null; large?: boolean }) {
  const { label, t, day } = useI18n();
  const key = value ?? "none";
  const later = value && from && from > todayIso() ? from : null;
  return (
    <span className={`eu-badge eu-badge--${key}${large ? " eu-badge--large" : ""}`} data-testid="eu-class" data-value={key} data-from={later ?? undefined}>
      {label("systems.euClass.", key)}
      {later && <span className="eu-badge__from">{t("systems.euClass.fromDate", { date: day(later) })}</span>}
    </span>
  );
}

export function LifecycleBadge({ value }: { value: Lifecycle }) {
  const { t } = useI18n();
  return <span className={`lifecycle lifecycle--${value}`}>{t(`systems.lifecycle.${value}`)}</span>;
}

/** An assessment row's status in the colours every chart and badge uses. */
export function StatusBadge({ status }: { status: ItemStatus }) {
  return <SharedStatusBadge status={status} />;
}

/** A next-review date, flagged when it has passed (retired systems are never overdue). */
export function ReviewDate({ date, lifecycle }: { date: string | null; lifecycle: Lifecycle }) {
  const { t, day } = useI18n();
  if (!date) return <span className="muted">—</span>;
  const overdue = lifecycle !== "retired" && isOverdue(date, todayIso());
  return (
    <span className={overdue ? "review-date review-date--overdue" : "review-date"}>
      {day(date)}
      {overdue && <span className="overdue-tag">{t("systems.overdue")}</span>}
    </span>
  );
}
