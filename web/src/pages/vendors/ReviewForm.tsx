import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/client.ts";
import { ANSWERS, DECIDED_RATINGS, VENDOR_STATUSES, vendorsApi, type Answer, type DecidedRating, type Questionnaire, type VendorStatus, type VendorView } from "../../api/vendors.ts";
import { Card } from "../../components/Card.tsx";
import { Notice } from "../../components/Notice.tsx";
import { OptionSelect } from "../../components/OptionSelect.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { guardEnter } from "./enter-guard.ts";
import { approvesDespiteRating, groupByTopic, suggestRating } from "./rating.ts";
import { RatingBadge } from "./RatingBadge.tsx";

type Draft = Record<string, { answer?: Answer; note: string }>;

interface ReviewFormProps {
  vendor: VendorView;
  questionnaire: Questionnaire;
  onReviewed(vendor: VendorView): void;
  /** The vendor changed meanwhile: the form keeps its answers, the page takes the current record. */
  onStale(vendor: VendorView): void;
}

/**
 * The due-diligence review (デューデリジェンス): every question answered yes / partial / no / n.a.
 * with a note, grouped by topic; once all are answered, the suggested rating (before that, how
 * many are answered); an optional override; the status to set the vendor to, unchanged unless
 * chosen (a review never puts a vendor into use by itself); and a note for the record.
 */
export function ReviewForm({ vendor, questionnaire, onReviewed, onStale }: ReviewFormProps) {
  const { t, lang, number, errorMessage } = useI18n();
  const [draft, setDraft] = useState<Draft>({});
  const [override, setOverride] = useState<DecidedRating | "">("");
  const [nextStatus, setNextStatus] = useState<VendorStatus | "">("");
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const questions = questionnaire.questions;
  const suggestion = suggestRating(questions, draft);
  const complete = suggestion.rating !== null;
  const decided = override || suggestion.rating;

  const set = (id: string, patch: Partial<{ answer: Answer; note: string }>) =>
    setDraft((d) => ({ ...d, [id]: { note: d[id]?.note ?? "", ...d[id], ...patch } }));

  const copyLast = () => {
    const last = vendor.lastReview;
    if (!last) return;
    setDraft(Object.fromEntries(Object.entries(last.answers).map(([id, a]) => [id, { answer: a.answer, note: a.note }])));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!complete) return;
    setBusy(true);
    setError(undefined);
    try {
      const answers = Object.fromEntries(questions.map((q) => [q.id, { answer: draft[q.id]!.answer!, note: (draft[q.id]?.note ?? "").trim() }]));
      const saved = await vendorsApi.review(vendor.id, { version: vendor.version, answers, ...(override && { rating: override }), ...(nextStatus && { status: nextStatus }), note: note.trim() });
      setDraft({});
      setOverride("");
      setNextStatus("");
      setNote("");
      onReviewed(saved);
    } catch (err) {
      const latest = err instanceof ApiError ? err.currentRecord<VendorView>() : undefined;
      if (latest) onStale(latest);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={t("vendors.review.title")}
      titleId="vendor-review-title"
      testId="vendor-review"
      actions={
        vendor.lastReview && (
          <button type="button" className="button button--small" onClick={copyLast} data-testid="review-copy-last">
            {t("vendors.review.copyLast")}
          </button>
        )
      }
    >
      <p className="card__lead">{t("vendors.review.lead")}</p>
      <Notice kind="info" testId="questionnaire-note">
        <span lang={lang}>{questionnaire.note[lang]}</span>
      </Notice>
      <form className="form review-form" onSubmit={submit} onKeyDown={guardEnter} noValidate data-testid="vendor-review-form">
        {groupByTopic(questions).map((g) => (
          <fieldset key={g.topic} className="review-topic" data-testid="review-topic" data-topic={g.topic}>
            <legend className="review-topic__title">{questionnaire.topics[g.topic]?.[lang] ?? g.topic}</legend>
            {g.questions.map((q) => {
              const current = draft[q.id];
              return (
                <div key={q.id} className={q.critical ? "review-question review-question--critical" : "review-question"} data-testid="review-question" data-question={q.id}>
                  <p className="review-question__text" id={`q-${q.id}`}>
                    {q.critical && (
                      <span className="critical-badge" title={t("vendors.review.criticalHint")}>
                        {t("vendors.review.critical")}
                      </span>
                    )}
                    <span lang={lang}>{q[lang]}</span>
                  </p>
                  <div className="review-question__answers" role="radiogroup" aria-labelledby={`q-${q.id}`}>
                    {ANSWERS.map((a) => (
                      <label key={a} className={`answer-option answer-option--${a}`}>
                        <input
                          type="radio"
                          name={`answer-${q.id}`}
                          value={a}
                          checked={current?.answer === a}
                          onChange={() => set(q.id, { answer: a })}
                          data-testid={`answer-${q.id}-${a}`}
                        />
                        {t(`vendors.answer.${a}`)}
                      </label>
                    ))}
                  </div>
                  <input
                    className="input input--compact review-question__note"
                    placeholder={t("vendors.review.notePlaceholder")}
                    aria-label={t("vendors.review.noteFor")}
                    maxLength={2000}
                    value={current?.note ?? ""}
                    onChange={(e) => set(q.id, { note: e.target.value })}
                  />
                </div>
              );
            })}
          </fieldset>
        ))}
        <div className="review-summary" aria-live="polite" data-testid="review-summary">
          <span data-testid="review-progress">{t("vendors.review.progress", { answered: number(suggestion.answered), total: number(suggestion.total) })}</span>
          {suggestion.rating === null ? (
            <span className="muted" data-testid="review-pending">
              {t("vendors.review.pending")}
            </span>
          ) : (
            <>
              <span>
                {t("vendors.review.suggested")} <RatingBadge rating={suggestion.rating} testId="review-suggested" />
              </span>
              <span data-testid="review-gaps">{t("vendors.review.gaps", { gaps: number(suggestion.gaps) })}</span>
            </>
          )}
        </div>
        <p className="field__hint">{t("vendors.review.ruleHint")}</p>
        <div className="form__row">
          <div className="field">
            <label className="field__label" htmlFor="review-override">
              {t("vendors.review.override")}
              <span className="field__optional">{t("common.optional")}</span>
            </label>
            <OptionSelect id="review-override" value={override} options={DECIDED_RATINGS} label={(r) => t(`vendors.rating.${r}`)} emptyLabel={t("vendors.review.useSuggested")} onChange={setOverride} testId="review-override" />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="review-status">
              {t("vendors.review.statusAfter")}
              <span className="field__optional">{t("common.optional")}</span>
            </label>
            <OptionSelect
              id="review-status"
              aria-describedby="review-status-hint"
              value={nextStatus}
              options={VENDOR_STATUSES.filter((s) => s !== vendor.status)}
              label={(s) => t(`vendors.status.${s}`)}
              emptyLabel={t("vendors.review.keepStatus", { status: t(`vendors.status.${vendor.status}`) })}
              onChange={setNextStatus}
              testId="review-status"
            />
            <p className="field__hint" id="review-status-hint">
              {t("vendors.review.statusHint")}
            </p>
            {nextStatus && decided && approvesDespiteRating(nextStatus, decided) && (
              <Notice kind="warning" testId="review-status-warning">
                {t("vendors.review.activeWarning", { rating: t(`vendors.rating.${decided}`) })}
              </Notice>
            )}
          </div>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="review-note">
            {t("vendors.review.note")}
            <span className="field__optional">{t("common.optional")}</span>
          </label>
          <textarea id="review-note" className="input" rows={3} maxLength={8000} value={note} onChange={(e) => setNote(e.target.value)} data-testid="review-note" />
        </div>
        {error !== undefined && <Notice kind="error">{errorMessage(error)}</Notice>}
        <div className="form__actions">
          {!complete && <span className="muted">{t("vendors.review.answerAll")}</span>}
          <button type="submit" className="button button--primary" disabled={busy || !complete} data-testid="review-submit">
            {busy ? t("common.saving") : t("vendors.review.submit")}
          </button>
        </div>
      </form>
    </Card>
  );
}
