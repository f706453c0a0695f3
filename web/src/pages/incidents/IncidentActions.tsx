import type { IncidentAction, IncidentView } from "../../api/incidents.ts";
import { Card } from "../../components/Card.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { taskPath } from "../tasks/task-paths.ts";
import { TASK_STATUS_LABELS } from "../tasks/task-tones.ts";

interface IncidentActionsProps {
  incident: IncidentView;
  /** Opens the "add action" dialog; absent when this person may not work the incident or it is closed. */
  onAdd: (() => void) | undefined;
}

/**
 * The incident's corrective and preventive actions: tasks in the workflow, each with its assignee,
 * due date, status and approval. All must be done (or cancelled) before the incident can close.
 */
export function IncidentActions({ incident, onAdd }: IncidentActionsProps) {
  const { t } = useI18n();
  return (
    <Card
      title={t("incidents.section.actions")}
      titleId="incident-actions-title"
      testId="incident-actions"
      actions={
        onAdd && (
          <button type="button" className="button button--small" onClick={onAdd} data-testid="action-add">
            {t("incidents.action.add")}
          </button>
        )
      }
    >
      {incident.actions.length === 0 ? (
        <p className="muted" data-testid="incident-actions-empty">
          {t("incidents.action.empty")}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("incidents.action.col.code")}</th>
                <th scope="col">{t("incidents.action.kind")}</th>
                <th scope="col">{t("incidents.action.title")}</th>
                <th scope="col">{t("incidents.action.assignee")}</th>
                <th scope="col">{t("incidents.action.dueOn")}</th>
                <th scope="col">{t("incidents.action.col.status")}</th>
                <th scope="col">{t("incidents.action.col.approval")}</th>
              </tr>
            </thead>
            <tbody>
              {incident.actions.map((a) => (
                <ActionRow key={a.id} action={a} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

function ActionRow({ action }: { action: IncidentAction }) {
  const { t, day, label } = useI18n();
  return (
    <tr data-testid="incident-action" data-status={action.status}>
      <td className="table__mono table__nowrap">
        <Link to={taskPath(action.id)}>{action.code}</Link>
      </td>
      <td>{label("incidents.actionKind.", action.kind)}</td>
      <td className="table__primary">{action.title}</td>
      <td>{action.assignee?.displayName ?? <span className="muted">{t("tasks.unassigned")}</span>}</td>
      <td className="table__nowrap">
        {action.dueOn ? day(action.dueOn) : <span className="muted">{t("incidents.none")}</span>}
        {action.overdue && <span className="date-badge incident-overdue">{t("tasks.overdue")}</span>}
      </td>
      <td className="table__nowrap" data-testid="incident-action-status">
        {t(TASK_STATUS_LABELS[action.status])}
      </td>
      <td className="table__nowrap" data-testid="incident-action-approval">
        <ApprovalCell action={action} />
      </td>
    </tr>
  );
}

/** The latest approval's state (and stage while pending), the plan's size before one is asked, or none. */
function ApprovalCell({ action }: { action: IncidentAction }) {
  const { t, number } = useI18n();
  const a = action.approval;
  if (a) {
    const status = t(`incidents.approval.${a.status}`);
    return <>{a.status === "pending" ? t("incidents.approval.pendingStage", { status, stage: number(a.stage), stages: number(a.stages) }) : status}</>;
  }
  if (action.approvalPlan?.length) return <>{t("incidents.approval.planned", { stages: number(action.approvalPlan.length) })}</>;
  return <span className="muted">{t("incidents.approval.none")}</span>;
}
