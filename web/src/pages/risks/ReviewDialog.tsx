import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/client.ts";
import { risksApi, type ReviewRiskInput, type RiskMatrix, type RiskView } from "../../api/risks.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { Field } from "../../components/Field.tsx";
import { Notice } from "../../components/Notice.tsx";
import { fieldErrors } from "../../hooks/fieldErrors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { LevelSelect } from "./LevelSelect.tsx";
import { RatingBadge } from "./RatingBadge.tsx";
import { addDays, addMonths, isoToday } from "./risk-form.ts";
import { bandAt } from "./risk-matrix.ts";

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
  const { t, errorMessage } = useI18n();
  const today = isoToday();
  const startL = risk.residual ? String(risk.residual.likelihood) : "";
  const startI = risk.residual ? String(risk.residual.impact) : "";
  const [note, setNote] = useState("");
  const [likelihood, setLikelihood] = useState(startL);
  const [impact, setImpact] = useState(startI);
  const [nextReviewOn, setNextReviewOn] = useState(() => addMonths(today, 12));
  const [version, setVersion] = useState(risk.version);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const input: ReviewRiskInput = { version, note: note.trim() };
    if (nextReviewOn) input.nextReviewOn = nextReviewOn;
    if (likelihood !== startL || impact !== startI) {
      input.residualLikelihood = likelihood ? Number(likelihood) : null;
      input.residualImpact = impact ? Number(impact) : null;
    }
    try {
      const saved = await risksApi.review(risk.id, input);
      onSaved(saved);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.code === "conflict") setVersion(err.currentRecord<RiskView>()?.version ?? version);
      setError(err);
      setBusy(false);
    }
  };

  const errors = fieldErrors(error);
  const formError = error !== undefined && Object.keys(errors).length === 0 ? errorMessage(error) : undefined;
  const changed = likelihood !== startL || impact !== startI;

  return (
    <Dialog
      title={t("risks.review.title", { code: risk.code })}
      onClose={onClose}
      testId="risk-review-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form="risk-review-form" className="button button--primary" disabled={busy} data-testid="risk-review-submit">
            {busy ? t("common.saving") : t("risks.review.submit")}
          </button>
        </>
      }
    >
      <form id="risk-review-form" className="form" onSubmit={submit} noValidate>
        {formError && <Notice kind="error">{formError}</Notice>}
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
                {likelihood && impact && <RatingBadge rating={{ likelihood: Number(likelihood), impact: Number(impact), band: bandAt(matrix, Number(likelihood), Number(impact)) }} matrix={matrix} />}
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
      </form>
    </Dialog>
  );
}
