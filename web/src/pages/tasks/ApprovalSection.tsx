import { delegationsApi, type ApprovalView, type Person } from "../../api/workflow.ts";
import { Card } from "../../components/Card.tsx";
import { todayIso } from "../../components/dates.ts";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import type { MessageKey } from "../../i18n/en.ts";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { activePrincipals, decidableStep } from "./approval-logic.ts";
import { ApprovalSteps } from "./ApprovalSteps.tsx";
import { DecisionForm } from "./DecisionForm.tsx";
import { ApprovalStatusBadge, ViaBadge } from "./TaskBadges.tsx";

interface ApprovalSectionProps {
  /** Who approves, stage by stage, as the subject records it. */
  plan: Person[][] | null;
  /** The latest approval asked for the subject. */
  approval: ApprovalView | null;
  onDecided(approval: ApprovalView, decision: "approve" | "reject"): void;
  titleKey?: MessageKey;
  /** Prefix of the card's ids (`task` → `task-approval`, `task-approval-title`, `task-plan`). */
  idPrefix?: string;
  /** Said when no approval has been asked yet; nothing when absent. */
  notYet?: MessageKey;
}

/** A subject's approval plan (稟議の回付順) and its latest approval, step by step, with my decision when a step waits for me: a task's, or a report's. */
export function ApprovalSection({ plan, approval, onDecided, titleKey = "approvals.title", idPrefix = "task", notYet }: ApprovalSectionProps) {
  const { t, number, dateTime } = useI18n();
  const { session, can } = useSignedIn();
  const me = session.user.id;
  const pending = approval?.status === "pending";
  const delegations = useResource((signal) => (pending ? delegationsApi.list(signal) : Promise.resolve([])), `${approval?.id ?? ""}:${pending}`);
  if (!plan && !approval) return null;
  const mine = approval && can("approvals.decide") ? decidableStep(approval, me, activePrincipals(delegations.data ?? [], me, todayIso())) : undefined;

  return (
    <Card title={t(titleKey)} titleId={`${idPrefix}-approval-title`} testId={`${idPrefix}-approval`} actions={approval && <ApprovalStatusBadge status={approval.status} />}>
      {plan && (
        <div className="plan-view" data-testid={`${idPrefix}-plan`}>
          <h3 className="plan-view__title">{t("approvals.plan.label")}</h3>
          <ol className="stack-list plan-view__stages">
            {plan.map((stage, i) => (
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
            {pending && <> · {t("approvals.stageOf", { stage: number(approval.stage), stages: number(approval.stages) })}</>}
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
        notYet && <p className="muted">{t(notYet)}</p>
      )}
    </Card>
  );
}
