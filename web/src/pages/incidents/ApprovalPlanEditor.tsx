import { MAX_APPROVAL_STAGES } from "../../api/incidents.ts";
import type { UserView } from "../../api/types.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

interface ApprovalPlanEditorProps {
  users: UserView[];
  /** One list of user ids per stage, always {@link MAX_APPROVAL_STAGES} long; empty stages are ignored. */
  stages: string[][];
  onChange(stages: string[][]): void;
  error: string | undefined;
}

/**
 * Who must approve the action's completion: stages run in order, everyone chosen in one stage
 * approves in parallel. Leaving every stage empty means the assignee completes it without approval.
 */
export function ApprovalPlanEditor({ users, stages, onChange, error }: ApprovalPlanEditorProps) {
  const { t } = useI18n();
  const setStage = (index: number, ids: string[]) => onChange(stages.map((s, i) => (i === index ? ids : s)));
  return (
    <fieldset className={error ? "incident-checks field--invalid" : "incident-checks"} data-testid="action-approval-plan">
      <legend className="field__label">
        {t("incidents.action.approvalPlan")}
        <span className="field__optional">{t("common.optional")}</span>
      </legend>
      <p className="field__hint">{t("incidents.action.approvalPlanHint")}</p>
      <div className="incident-stages">
        {Array.from({ length: MAX_APPROVAL_STAGES }, (_, i) => (
          <label key={i} className="incident-stages__stage">
            <span className="incident-stages__label">{t("incidents.action.stage", { n: i + 1 })}</span>
            <select
              className="input incident-multi"
              multiple
              size={4}
              value={stages[i] ?? []}
              onChange={(e) => setStage(i, Array.from(e.target.selectedOptions, (o) => o.value))}
              data-testid={`action-stage-${i + 1}`}
            >
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
