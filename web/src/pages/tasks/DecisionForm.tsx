import { useId, useState } from "react";
import { approvalsApi, type ApprovalView } from "../../api/workflow.ts";
import { Notice } from "../../components/Notice.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";

interface DecisionFormProps {
  approvalId: string;
  /** Called with the approval as it stands after the decision. */
  onDecided(approval: ApprovalView, decision: "approve" | "reject"): void;
  compact?: boolean;
}

/** A comment and the Approve / Reject buttons for a step waiting for me; errors (self_approval, not_approver…) shown in place. */
export function DecisionForm({ approvalId, onDecided, compact }: DecisionFormProps) {
  const { t, errorMessage } = useI18n();
  const id = useId();
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState<"approve" | "reject">();
  const [error, setError] = useState<unknown>();

  const decide = async (decision: "approve" | "reject") => {
    setBusy(decision);
    setError(undefined);
    try {
      const text = comment.trim();
      const approval = await approvalsApi.decide(approvalId, { decision, ...(text && { comment: text }) });
      setComment("");
      onDecided(approval, decision);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className={compact ? "decision decision--compact" : "decision"} data-testid="decision-form">
      <label className="visually-hidden" htmlFor={`${id}-comment`}>
        {t("approvals.comment")}
      </label>
      <input
        id={`${id}-comment`}
        className="input decision__comment"
        placeholder={t("approvals.commentPlaceholder")}
        maxLength={4000}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        data-testid="approval-comment"
      />
      <div className="decision__buttons">
        <button type="button" className="button button--primary" disabled={busy !== undefined} onClick={() => decide("approve")} data-testid="approve">
          {busy === "approve" ? t("common.working") : t("approvals.approve")}
        </button>
        <button type="button" className="button button--danger-outline" disabled={busy !== undefined} onClick={() => decide("reject")} data-testid="reject">
          {busy === "reject" ? t("common.working") : t("approvals.reject")}
        </button>
      </div>
      {error !== undefined && (
        <div className="decision__error">
          <Notice kind="error" testId="decision-error">
            {errorMessage(error)}
          </Notice>
        </div>
      )}
    </div>
  );
}
