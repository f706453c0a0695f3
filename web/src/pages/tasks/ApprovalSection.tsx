import { delegationsApi, type ApprovalView, type TaskView } from "../../api/workflow.ts";
import { Card } from "../../components/Card.tsx";
import { todayIso } from "../../components/dates.ts";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { activePrincipals, decidableStep } from "./approval-logic.ts";
import { ApprovalSteps } from "./ApprovalSteps.tsx";
import { DecisionForm } from "./DecisionForm.tsx";
import { ApprovalStatusBadge, ViaBadge } from "./TaskBadges.tsx";

interface ApprovalSectionProps {
  task: TaskView;
  onDecided(approval: ApprovalView, decision: "approve" | "reject"): void;
}

/** A task's approval plan (稟議の回付順) and its latest approval, step by step, with my decision when a step waits for me. */
export function ApprovalSection({ task, onDecided }: ApprovalSectionProps) {
  const { t, number, dateTime } = useI18n();
  const { session, can } = useSignedIn();
  const me = session.user.id;
  const approval = task.approval;
  const pending = approval?.status === "pending";
  const delegations = useResource((signal) => (pending ? delegationsApi.list(signal) : Promise.resolve([])), `${approval?.id ?? ""}:${pending}`);
  if (!task.approvalPlan && !approval) return null;
  const mine = approval && can("approvals.decide") ? decidableStep(approval, me, activePrincipals(delegations.data ?? [], me, todayIso())) : undefined;

  return (
    <Card title={t("approvals.title")} titleId="task-approval-title" testId="task-approval" actions={approval && <ApprovalStatusBadge status={approval.status} />}>
      {task.approvalPlan && (
        <div className="plan-view" data-testid="task-plan">
          <h3 className="plan-view__title">{t("approvals.plan.label")}</h3>
          <ol className="stack-list plan-view__stages">
            {task.approvalPlan.map((stage, i) => (
              <li key={i}>
                <span className="plan-editor__stage-label">{t("approvals.plan.stage", { n: number(i + 1) })}</span>
                {stage.map((p) => p.displayName).join(t("approvals.plan.and"))}
              </li>
            ))}
          </ol>
        </div>
      )}
      {approval ? (
        <>
          <p className="approval-meta">
            {t("approvals.requested", { name: approval.requestedBy?.displayName ?? "—", date: dateTime(approval.createdAt) })}
            {approval.status === "pending" && <> · {t("approvals.stageOf", { stage: number(approval.stage), stages: number(approval.stages) })}</>}
            {approval.decidedAt && <> · {t("approvals.decidedOn", { date: dateTime(approval.decidedAt) })}</>}
          </p>
          <ApprovalSteps approval={approval} />
          {mine && (
            <div className="approval-mine" data-testid="my-step">
              <p className="approval-mine__lead">
                {t("approvals.yourTurn")} <ViaBadge via={mine.via} />
              </p>
              <DecisionForm approvalId={approval.id} onDecided={onDecided} />
            </div>
          )}
        </>
      ) : (
        <p className="muted">{t("approvals.notYet")}</p>
      )}
    </Card>
  );
}
