import type { ApprovalView } from "../../api/workflow.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { stepVia } from "./approval-logic.ts";
import { StepStatusBadge, ViaBadge } from "./TaskBadges.tsx";

/** Every step of an approval: stage, approver, status, who decided (and how), escalation, comment and when. */
export function ApprovalSteps({ approval }: { approval: ApprovalView }) {
  const { t, number, dateTime, day } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table" data-testid="approval-steps">
        <thead>
          <tr>
            <th scope="col">{t("approvals.col.stage")}</th>
            <th scope="col">{t("approvals.col.approver")}</th>
            <th scope="col">{t("approvals.col.status")}</th>
            <th scope="col">{t("approvals.col.decidedBy")}</th>
            <th scope="col">{t("approvals.col.escalation")}</th>
            <th scope="col">{t("approvals.col.comment")}</th>
            <th scope="col">{t("approvals.col.decidedAt")}</th>
          </tr>
        </thead>
        <tbody>
          {approval.steps.map((s) => {
            const via = stepVia(s);
            return (
              <tr key={s.id} data-testid="approval-step" data-status={s.status} className={s.stage === approval.stage && approval.status === "pending" ? "approval-step--current" : undefined}>
                <td className="table__nowrap">{number(s.stage)}</td>
                <td>
                  {s.approver.displayName}
                  {s.dueOn && s.status === "pending" && <span className="muted approval-step__due">{t("approvals.dueOn", { date: day(s.dueOn) })}</span>}
                </td>
                <td>
                  <StepStatusBadge status={s.status} />
                </td>
                <td>
                  {s.decidedBy ? (
                    <>
                      {s.decidedBy.displayName}
                      {via && via !== "approver" && <ViaBadge via={via} />}
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>
                  {s.escalatedTo ? (
                    t("approvals.escalatedTo", { name: s.escalatedTo.displayName, date: s.escalatedAt ? dateTime(s.escalatedAt, "date") : "—" })
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className="approval-step__comment">{s.comment || <span className="muted">—</span>}</td>
                <td className="table__nowrap">{s.decidedAt ? dateTime(s.decidedAt) : <span className="muted">—</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
