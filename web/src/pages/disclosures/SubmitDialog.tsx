import { useState } from "react";
import { haipApi, type HaipReport } from "../../api/disclosures.ts";
import { FormDialog } from "../../components/FormDialog.tsx";
import { errorFor } from "../../hooks/fieldErrors.ts";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { useOwners } from "../controls/useOwners.ts";
import { refreshingOnStale } from "./haip-logic.ts";
import { cleanPlan, planIds } from "../tasks/approval-logic.ts";
import { ApprovalPlanEditor } from "../tasks/ApprovalPlanEditor.tsx";

interface SubmitDialogProps {
  report: HaipReport;
  onClose(): void;
  onSubmitted(report: HaipReport): void;
  onStale(): void;
}

/** Asks for the report's approval (稟議): the same stage-by-stage plan tasks use. Nobody approves their own request, so the requester is not offered. */
export function SubmitDialog({ report, onClose, onSubmitted, onStale }: SubmitDialogProps) {
  const { t, number } = useI18n();
  const { session } = useSignedIn();
  const me = session.user.id;
  const users = useOwners().filter((u) => u.id !== me);
  const [plan, setPlan] = useState<string[][]>(() => {
    const before = planIds(report.approvalPlan).map((stage) => stage.filter((id) => id !== me));
    return before.some((s) => s.length > 0) ? before : [[]];
  });
  const cleaned = cleanPlan(plan);
  const form = useFormSave({ onDone: onClose }, async () => {
    if (!cleaned) return;
    onSubmitted(await refreshingOnStale(() => haipApi.submit(report.id, { version: report.version, approvalPlan: cleaned }), onStale));
  });
  return (
    <FormDialog
      title={t("disclosures.submit.title", { year: report.year })}
      onClose={onClose}
      testId="haip-submit-dialog"
      formId="haip-submit-form"
      form={form}
      submitLabel={t("disclosures.submit.send")}
      busyLabel={t("common.working")}
      submitTestId="haip-submit-send"
      submitDisabled={!cleaned}
    >
      <p className="dialog-message">{t("disclosures.submit.lead", { answered: number(report.progress.answered), total: number(report.progress.total) })}</p>
      {report.progress.stale > 0 && <p className="field__hint">{t("disclosures.submit.stale", { count: number(report.progress.stale) })}</p>}
      <ApprovalPlanEditor
        value={plan}
        onChange={setPlan}
        users={users}
        known={report.approvalPlan?.flat() ?? []}
        error={errorFor(form.errors, "approvalPlan")}
        hint={t("disclosures.submit.planHint")}
        noneText={t("disclosures.submit.planNone")}
      />
    </FormDialog>
  );
}
