import { tasksApi } from "../../api/workflow.ts";
import { TableState } from "../../components/TableState.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { taskPath } from "../tasks/task-paths.ts";
import { TASK_KIND_LABELS, TASK_STATUS_LABELS } from "../tasks/task-tones.ts";

/**
 * The work still open on this risk (treatment actions, scheduled reviews), so the risk's page
 * shows what is being done about it and by whom. `version` refetches after a review, which
 * completes review tasks on the server.
 */
export function RiskTasks({ riskId, version }: { riskId: string; version: number }) {
  const { t, day, number } = useI18n();
  const tasks = useResource(
    // Active tasks that act on the risk (open, in progress, awaiting approval).
    (signal) => tasksApi.list({ subjectType: "risk", subjectId: riskId, active: "true", limit: 50 }, signal),
    `${riskId}:${version}`,
  );
  const items = tasks.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="risk-tasks-title" data-testid="risk-tasks">
      <h2 className="card__title" id="risk-tasks-title">
        {t("risks.tasks.title")}
        {tasks.data && <span className="count-badge">{number(tasks.data.total)}</span>}
      </h2>
      <div className="table-wrap">
        <table className="table" aria-busy={tasks.loading}>
          <thead>
            <tr>
              <th scope="col">{t("tasks.col.task")}</th>
              <th scope="col">{t("tasks.field.title")}</th>
              <th scope="col">{t("tasks.field.assignee")}</th>
              <th scope="col">{t("tasks.col.due")}</th>
              <th scope="col">{t("risks.tasks.col.status")}</th>
            </tr>
          </thead>
          <tbody>
            <TableState colSpan={5} loading={tasks.loading} error={tasks.error} count={items.length} filtered={false} emptyMessage={t("risks.tasks.empty")} onRetry={tasks.reload} />
            {!tasks.error &&
              items.map((task) => (
                <tr key={task.id} data-testid="risk-task">
                  <td className="table__mono table__nowrap">
                    <Link to={taskPath(task.id)}>{task.code}</Link>
                  </td>
                  <td className="table__primary">
                    <Link to={taskPath(task.id)}>{task.title}</Link>
                    <span className="chip risk-task__kind">{t(TASK_KIND_LABELS[task.kind])}</span>
                  </td>
                  <td>{task.assignee?.displayName ?? <span className="muted">{t("tasks.unassigned")}</span>}</td>
                  <td className="table__nowrap">
                    {task.dueOn ? day(task.dueOn) : <span className="muted">{t("tasks.noDue")}</span>}
                    {task.overdue && <span className="date-badge risk-badge--overdue">{t("tasks.overdue")}</span>}
                  </td>
                  <td className="table__nowrap">{t(TASK_STATUS_LABELS[task.status])}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
