import { useState } from "react";
import { ApiError } from "../../api/client.ts";
import { tasksApi, type TaskView } from "../../api/workflow.ts";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";

interface TaskActionsProps {
  task: TaskView;
  /** The task as saved (or as the server holds it after a conflict). */
  onChanged(task: TaskView, done: "started" | "completed" | "submitted" | "cancelled" | "withdrawn" | "stale"): void;
  onError(error: unknown): void;
}

/** Moves a task on: start it, complete it (or submit it for approval when it has a plan), withdraw or cancel it. */
export function TaskActions({ task, onChanged, onError }: TaskActionsProps) {
  const { t } = useI18n();
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const open = task.status === "open" || task.status === "in_progress";
  const withPlan = task.approvalPlan !== null;

  const run = async (action: () => Promise<TaskView>, done: "started" | "completed" | "submitted" | "withdrawn") => {
    setBusy(true);
    try {
      const saved = await action();
      setComment("");
      onChanged(saved, saved.status === "awaiting_approval" ? "submitted" : done);
    } catch (err) {
      const latest = err instanceof ApiError ? err.currentRecord<TaskView>() : undefined;
      if (latest) onChanged(latest, "stale");
      onError(err);
    } finally {
      setBusy(false);
    }
  };

  if (!open && task.status !== "awaiting_approval") return null;
  const text = comment.trim();

  return (
    <section className="card task-actions" aria-label={t("tasks.actions")} data-testid="task-actions">
      {open && (
        <div className="task-actions__complete">
          <label className="field__label" htmlFor="task-complete-comment">
            {withPlan ? t("tasks.complete.commentForApproval") : t("tasks.complete.comment")}
            <span className="field__optional">{t("common.optional")}</span>
          </label>
          <textarea
            id="task-complete-comment"
            className="input"
            rows={2}
            maxLength={4000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            data-testid="task-comment"
          />
          {withPlan && <p className="field__hint">{t("tasks.complete.approvalHint")}</p>}
        </div>
      )}
      <div className="task-actions__buttons">
        {task.status === "open" && (
          <button type="button" className="button" disabled={busy} onClick={() => run(() => tasksApi.update(task.id, { version: task.version, status: "in_progress" }), "started")} data-testid="task-start">
            {t("tasks.start")}
          </button>
        )}
        {open && (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => run(() => tasksApi.complete(task.id, { version: task.version, ...(text && { comment: text }) }), "completed")}
            data-testid="task-complete"
          >
            {busy ? t("common.working") : withPlan ? t("tasks.submitForApproval") : t("tasks.complete")}
          </button>
        )}
        {task.status === "awaiting_approval" && (
          <button type="button" className="button" disabled={busy} onClick={() => run(() => tasksApi.update(task.id, { version: task.version, status: "in_progress" }), "withdrawn")} data-testid="task-withdraw">
            {t("tasks.withdraw")}
          </button>
        )}
        <button type="button" className="button button--danger-outline" disabled={busy} onClick={() => setCancelling(true)} data-testid="task-cancel">
          {t("tasks.cancelTask")}
        </button>
      </div>
      {cancelling && (
        <ConfirmDialog
          title={t("tasks.cancelTask")}
          message={t("tasks.confirmCancel", { code: task.code })}
          confirmLabel={t("tasks.cancelTask")}
          danger
          onConfirm={async () => {
            const saved = await tasksApi.update(task.id, { version: task.version, status: "cancelled" });
            onChanged(saved, "cancelled");
          }}
          onClose={() => setCancelling(false)}
        />
      )}
    </section>
  );
}
