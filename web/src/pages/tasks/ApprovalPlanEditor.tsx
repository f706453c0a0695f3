import type { Person } from "../../api/workflow.ts";
import type { UserView } from "../../api/types.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { APPROVER_ROLES } from "./approval-logic.ts";

interface ApprovalPlanEditorProps {
  /** Stages of user ids; stages run in order, the approvers of one stage in parallel. */
  value: string[][];
  onChange(next: string[][]): void;
  /** People to choose from (only those who may approve are offered). */
  users: readonly UserView[];
  /** Names of people already in the plan who are not among `users`. */
  known?: readonly Person[];
  error?: string | undefined;
  /** The hint and the "no approval" line, for a record other than a task (a task completes without approval). */
  hint?: string | undefined;
  noneText?: string | undefined;
}

/** Builds an approval plan (稟議の回付順): stage after stage, each with one or more approvers. */
export function ApprovalPlanEditor({ value, onChange, users, known = [], error, hint, noneText }: ApprovalPlanEditorProps) {
  const { t, number } = useI18n();
  const approvers = users.filter((u) => APPROVER_ROLES.includes(u.role));
  const names = new Map<string, string>([...known.map((p) => [p.id, p.displayName] as const), ...users.map((u) => [u.id, u.displayName] as const)]);
  const setStage = (i: number, stage: string[]) => onChange(value.map((s, j) => (j === i ? stage : s)));

  return (
    <fieldset className="fieldset-box" data-testid="approval-plan-editor">
      <legend className="field__label">{t("approvals.plan.label")}</legend>
      <p className="field__hint">{hint ?? t("approvals.plan.hint")}</p>
      {value.length === 0 && <p className="muted plan-editor__none">{noneText ?? t("approvals.plan.none")}</p>}
      <ol className="stack-list plan-editor__stages">
        {value.map((stage, i) => (
          <li key={i} className="plan-editor__stage" data-testid="plan-stage">
            <span className="plan-editor__stage-label">{t("approvals.plan.stage", { n: number(i + 1) })}</span>
            <ul className="choice-chips">
              {stage.map((id) => (
                <li key={id} className="choice-chip">
                  {names.get(id) ?? id}
                  <button
                    type="button"
                    className="choice-chip__remove"
                    aria-label={t("approvals.plan.removeApprover", { name: names.get(id) ?? id })}
                    onClick={() => setStage(i, stage.filter((x) => x !== id))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
            <select
              className="input input--compact plan-editor__add"
              aria-label={t("approvals.plan.addApprover", { n: number(i + 1) })}
              value=""
              onChange={(e) => e.target.value && setStage(i, [...stage, e.target.value])}
              data-testid="plan-add-approver"
            >
              <option value="">{t("approvals.plan.choose")}</option>
              {approvers
                .filter((u) => !stage.includes(u.id))
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.displayName}
                  </option>
                ))}
            </select>
            <button type="button" className="button button--small" onClick={() => onChange(value.filter((_, j) => j !== i))}>
              {t("approvals.plan.removeStage")}
            </button>
          </li>
        ))}
      </ol>
      {value.length < 10 && (
        <button type="button" className="button button--small plan-editor__add-stage" onClick={() => onChange([...value, []])} data-testid="plan-add-stage">
          {t("approvals.plan.addStage")}
        </button>
      )}
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
