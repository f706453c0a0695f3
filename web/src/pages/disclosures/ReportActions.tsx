import { useState } from "react";
import { haipApi, type HaipReport } from "../../api/disclosures.ts";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { refreshingOnStale, type reportActions } from "./haip-logic.ts";
import { ReportDownloads } from "./ReportDownloads.tsx";
import { SubmitDialog } from "./SubmitDialog.tsx";

export type ReportDone = "submitted" | "withdrawn" | "published";

interface ReportActionsProps {
  report: HaipReport;
  allowed: ReturnType<typeof reportActions>;
  onChanged(report: HaipReport, done: ReportDone): void;
  /** The report changed meanwhile: the page reads it again, so a second try carries its version. */
  onStale(): void;
}

/** What moves the report on — ask for approval, withdraw the request, publish — and its downloads. */
export function ReportActions({ report, allowed, onChanged, onStale }: ReportActionsProps) {
  const { t } = useI18n();
  const [dialog, setDialog] = useState<"submit" | "withdraw" | "publish">();
  const close = () => setDialog(undefined);
  return (
    <section className="card haip-actions" aria-labelledby="haip-actions-title" data-testid="haip-actions">
      <h2 id="haip-actions-title" className="card__title">
        {t("disclosures.actions.title")}
      </h2>
      <div className="haip-actions__buttons">
        {allowed.submit && (
          <button type="button" className="button button--primary" onClick={() => setDialog("submit")} data-testid="haip-submit">
            {t("disclosures.actions.submit")}
          </button>
        )}
        {allowed.withdrawSubmission && (
          <button type="button" className="button" onClick={() => setDialog("withdraw")} data-testid="haip-withdraw-submission">
            {t("disclosures.actions.withdraw")}
          </button>
        )}
        {allowed.publish && (
          <button type="button" className="button button--primary" onClick={() => setDialog("publish")} data-testid="haip-publish">
            {t("disclosures.actions.publish")}
          </button>
        )}
      </div>
      {report.status.value === "in_review" && <p className="card__hint">{t("disclosures.actions.inReviewHint")}</p>}
      {(report.status.value === "approved" || report.status.value === "published") && allowed.editAnswers && <p className="card__hint">{t("disclosures.actions.editReturnsHint")}</p>}
      <h3 className="haip-actions__subtitle">{t("disclosures.download.title")}</h3>
      <ReportDownloads reportId={report.id} />
      {dialog === "submit" && <SubmitDialog report={report} onClose={close} onStale={onStale} onSubmitted={(r) => onChanged(r, "submitted")} />}
      {dialog === "withdraw" && (
        <ConfirmDialog
          title={t("disclosures.actions.withdraw")}
          message={t("disclosures.actions.withdrawConfirm")}
          confirmLabel={t("disclosures.actions.withdraw")}
          onConfirm={async () => onChanged(await refreshingOnStale(() => haipApi.withdrawSubmission(report.id, report.version), onStale), "withdrawn")}
          onClose={close}
        />
      )}
      {dialog === "publish" && (
        <ConfirmDialog
          title={t("disclosures.actions.publishTitle", { year: report.year })}
          message={t("disclosures.actions.publishConfirm")}
          confirmLabel={t("disclosures.actions.publish")}
          onConfirm={async () => onChanged(await refreshingOnStale(() => haipApi.publish(report.id, report.version), onStale), "published")}
          onClose={close}
        />
      )}
    </section>
  );
}
