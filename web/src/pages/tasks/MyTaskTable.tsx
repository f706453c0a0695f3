import type { TaskView } from "../../api/workflow.ts";
import { TableState } from "../../components/TableState.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { SubjectLink } from "./SubjectLink.tsx";
import { taskPath } from "./task-paths.ts";
import { DueDate, TaskStatusBadge } from "./TaskBadges.tsx";

interface MyTaskTableProps {
  tasks: readonly TaskView[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry(): void;
  emptyMessage: string;
  /** The rows' test id: `my-task` on the "my tasks" page. */
  rowTestId?: string;
}

/** Tasks in a table: code and title linked to the task, kind, subject, due date (marked when overdue) and status. */
export function MyTaskTable({ tasks, loading, error, onRetry, emptyMessage, rowTestId = "my-task" }: MyTaskTableProps) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table" aria-busy={loading} data-testid="my-tasks-table">
        <thead>
          <tr>
            <th scope="col">{t("tasks.col.task")}</th>
            <th scope="col">{t("tasks.col.kind")}</th>
            <th scope="col">{t("tasks.col.subject")}</th>
            <th scope="col">{t("tasks.col.due")}</th>
            <th scope="col">{t("tasks.col.status")}</th>
          </tr>
        </thead>
        <tbody>
          <TableState colSpan={5} loading={loading} error={error} count={tasks?.length ?? 0} filtered={false} emptyMessage={emptyMessage} onRetry={onRetry} />
          {!error &&
            tasks?.map((task) => (
              <tr key={task.id} data-testid={rowTestId} data-task-id={task.id} data-overdue={task.overdue || undefined}>
                <td className="table__primary">
                  <Link to={taskPath(task.id)} className="row-link">
                    <span className="table__mono task-link__code">{task.code}</span> {task.title}
                  </Link>
                </td>
                <td className="table__nowrap">{t(`tasks.kind.${task.kind}`)}</td>
                <td>
                  <SubjectLink subject={task.subject} />
                </td>
                <td className="table__nowrap">
                  <DueDate dueOn={task.dueOn} overdue={task.overdue} />
                </td>
                <td>
                  <TaskStatusBadge status={task.status} />
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
