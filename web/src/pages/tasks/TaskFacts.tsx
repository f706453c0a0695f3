import type { TaskView } from "../../api/workflow.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { SubjectLink } from "./SubjectLink.tsx";
import { DueDate, TaskStatusBadge } from "./TaskBadges.tsx";

/** What a task is: status, kind, subject, assignee, due date, who completed it, and its description. */
export function TaskFacts({ task }: { task: TaskView }) {
  const { t, dateTime } = useI18n();
  return (
    <section className="card" aria-label={t("tasks.facts")}>
      <dl className="facts">
        <dt>{t("tasks.field.status")}</dt>
        <dd>
          <TaskStatusBadge status={task.status} testId="task-status" />
        </dd>
        <dt>{t("tasks.field.kind")}</dt>
        <dd data-testid="task-kind">{t(`tasks.kind.${task.kind}`)}</dd>
        <dt>{t("tasks.field.subject")}</dt>
        <dd>
          <SubjectLink subject={task.subject} />
        </dd>
        <dt>{t("tasks.field.assignee")}</dt>
        <dd data-testid="task-assignee-name">{task.assignee?.displayName ?? <span className="muted">{t("tasks.unassigned")}</span>}</dd>
        <dt>{t("tasks.field.dueOn")}</dt>
        <dd>
          <DueDate dueOn={task.dueOn} overdue={task.overdue} />
        </dd>
        {task.completedAt && (
          <>
            <dt>{t("tasks.field.completed")}</dt>
            <dd>{t("tasks.completedBy", { name: task.completedBy?.displayName ?? "—", date: dateTime(task.completedAt) })}</dd>
          </>
        )}
        <dt>{t("tasks.field.updated")}</dt>
        <dd>{dateTime(task.updatedAt)}</dd>
        <dt>{t("tasks.field.description")}</dt>
        <dd className="pre-text" data-testid="task-description">
          {task.description || <span className="muted">{t("tasks.noDescription")}</span>}
        </dd>
      </dl>
    </section>
  );
}
