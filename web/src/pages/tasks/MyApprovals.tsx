import type { MyApproval } from "../../api/workflow.ts";
import { Card } from "../../components/Card.tsx";
import { todayIso } from "../../components/dates.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { approvalTitle } from "../disclosures/disclosure-paths.ts";
import { currentDue } from "./approval-logic.ts";
import { DecisionForm } from "./DecisionForm.tsx";
import { subjectPath } from "./task-paths.ts";
import { DueDate, ViaBadge } from "./TaskBadges.tsx";

interface MyApprovalsProps {
  approvals: readonly MyApproval[];
  /** Whether this person may decide (approvals.decide). */
  canDecide: boolean;
  onDecided(approval: MyApproval, decision: "approve" | "reject"): void;
}

/** The approvals (稟議) waiting for me, oldest first, each with its stage, requester, due date and the decision. */
export function MyApprovals({ approvals, canDecide, onDecided }: MyApprovalsProps) {
  const { t, number } = useI18n();
  const today = todayIso();
  return (
    <Card
      title={
        <>
          {t("approvals.waiting.title")}
          <span className={approvals.length ? "count-badge count-badge--upcoming" : "count-badge count-badge--muted"}>{number(approvals.length)}</span>
        </>
      }
      titleId="my-approvals-title"
      testId="my-approvals"
    >
      {approvals.length === 0 ? (
        <p className="muted" data-testid="my-approvals-empty">
          {t("approvals.waiting.none")}
        </p>
      ) : (
        <ul className="stack-list approval-list">
          {approvals.map((a) => {
            const path = subjectPath(a.subjectType, a.subjectId);
            const due = currentDue(a);
            const title = approvalTitle(a, t);
            return (
              <li key={a.id} className="approval-item" data-testid="my-approval" data-approval-id={a.id}>
                <div className="approval-item__head">
                  <span className="approval-item__title">{path ? <Link to={path}>{title}</Link> : title}</span>
                  <ViaBadge via={a.via} />
                </div>
                <dl className="approval-item__facts">
                  <dt>{t("approvals.stage")}</dt>
                  <dd data-testid="approval-stage">{t("approvals.stageOf", { stage: number(a.stage), stages: number(a.stages) })}</dd>
                  <dt>{t("approvals.requestedBy")}</dt>
                  <dd>{a.requestedBy?.displayName ?? <span className="muted">{t("approvals.unknownPerson")}</span>}</dd>
                  <dt>{t("approvals.due")}</dt>
                  <dd>
                    <DueDate dueOn={due} overdue={due !== null && due < today} />
                  </dd>
                </dl>
                {canDecide && <DecisionForm compact approvalId={a.id} onDecided={(_, decision) => onDecided(a, decision)} />}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
