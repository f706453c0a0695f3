import { useState } from "react";
import { risksApi, type ReviewRiskInput, type RiskMatrix, type RiskView } from "../../api/risks.ts";
import { addDays, addMonths, todayIso } from "../../components/dates.ts";
import { Field } from "../../components/Field.tsx";
import { FormDialog } from "../../components/FormDialog.tsx";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { LevelSelect } from "./LevelSelect.tsx";
import { RatingPreview } from "./RatingBadge.tsx";

interface ReviewDialogProps {
  risk: RiskView;
  matrix: RiskMatrix;
  onClose(): void;
  onSaved(risk: RiskView): void;
}

/**
 * Record a periodic review: what was looked at, the residual rating if it changed, and when to
 * look again. The review also completes the risk's open review tasks on the server.
 */
export function ReviewDialog({ risk, matrix, onClose, onSaved }: ReviewDialogProps) {
  const { t } = useI18n();
  const today = todayIso();
  const startL = risk.residual ? String(risk.residual.likelihood) : "";
  const startI = risk.residual ? String(risk.residual.impact) : "";
  const [note, setNote] = useState("");
  const [likelihood, setLikelihood] = useState(startL);
  const [impact, setImpact] = useState(startI);
  const [nextReviewOn, setNextReviewOn] = useState(() => addMonths(today, 12));
  const changed = likelihood !== startL || impact !== startI;

  const form = useFormSave({ version: risk.version, onDone: onClose }, async (version) => {
    const input: ReviewRiskInput = { version, note: note.trim() };
    if (nextReviewOn) input.nextReviewOn = nextReviewOn;
    if (changed) {
      input.residualLikelihood = likelihood ? Number(likelihood) : null;
      input.residualImpact = impact ? Number(impact) : null;
    }
    onSaved(await risksApi.review(risk.id, input));
  });
  const { errors } = form;

  return (
    <FormDialog
      title={t("risks.review.title", { code: risk.code })}
      onClose={onClose}
      testId="risk-review-dialog"
      formId="risk-review-form"
      form={form}
      submitLabel={t("risks.review.submit")}
      submitTestId="risk-review-submit"
    >
      <Field label={t("risks.review.note")} hint={t("risks.review.noteHint")} error={errors.note}>
        <textarea className="input" rows={4} required maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} data-testid="risk-review-note" />
      </Field>
      <fieldset className="check-list">
        <legend className="field__label">
          {t("risks.review.residual")}
          <span className="field__optional">{t("common.optional")}</span>
        </legend>
        <p className="field__hint">{t("risks.review.residualHint")}</p>
        <div className="risk-form__rating">
          <div className="risk-form__rating-head">
            <span className="risk-form__preview" aria-live="polite">
              <RatingPreview matrix={matrix} likelihood={likelihood} impact={impact} />
              {changed && <span className="muted">{t("risks.review.changed")}</span>}
            </span>
          </div>
          <Field label={t("risks.field.likelihood")} error={errors.residualLikelihood}>
            <LevelSelect matrix={matrix} axis="likelihood" value={likelihood} onChange={setLikelihood} emptyLabel={t("risks.form.notAssessed")} testId="risk-review-likelihood" />
          </Field>
          <Field label={t("risks.field.impact")} error={errors.residualImpact}>
            <LevelSelect matrix={matrix} axis="impact" value={impact} onChange={setImpact} emptyLabel={t("risks.form.notAssessed")} testId="risk-review-impact" />
          </Field>
        </div>
      </fieldset>
      <Field label={t("risks.field.nextReviewOn")} hint={t("risks.review.nextHint")} error={errors.nextReviewOn}>
        <input type="date" className="input" min={addDays(today, 1)} value={nextReviewOn} onChange={(e) => setNextReviewOn(e.target.value)} data-testid="risk-review-next" />
      </Field>
    </FormDialog>
  );
}
