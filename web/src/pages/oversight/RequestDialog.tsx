import { useState } from "react";
import { oversightApi, type RequestView } from "../../api/oversight.ts";
import { addDays, todayIso } from "../../components/dates.ts";
import { Field } from "../../components/Field.tsx";
import { FormDialog } from "../../components/FormDialog.tsx";
import { errorFor } from "../../hooks/fieldErrors.ts";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { audienceInput, audienceReady, NO_AUDIENCE, type AudienceChoice } from "./audience-logic.ts";
import { AudienceFields } from "./AudienceFields.tsx";
import { addQuestion, questionsInput, removeQuestion, type QuestionRow } from "./request-logic.ts";
import type { AudienceOptions } from "./useAudienceOptions.ts";

interface RequestDialogProps {
  options: AudienceOptions;
  onClose(): void;
  onSent(sent: RequestView): void;
}

/**
 * A new request for information, sent at once by a supervisor: its title and explanation in both
 * languages, the questions (each in both languages), the deadline, and who receives it. Each
 * recipient gets it signed, in its register of dealings, with a task due on the deadline.
 */
export function RequestDialog({ options, onClose, onSent }: RequestDialogProps) {
  const { t, number } = useI18n();
  const [titleJa, setTitleJa] = useState("");
  const [titleEn, setTitleEn] = useState("");
  const [bodyJa, setBodyJa] = useState("");
  const [bodyEn, setBodyEn] = useState("");
  const [questions, setQuestions] = useState<QuestionRow[]>(() => addQuestion([]));
  const [deadline, setDeadline] = useState(() => addDays(todayIso(), 30));
  const [audience, setAudience] = useState<AudienceChoice>(NO_AUDIENCE);
  const form = useFormSave({ onDone: onClose }, async () => {
    onSent(await oversightApi.sendRequest({ titleJa: titleJa.trim(), titleEn: titleEn.trim(), bodyJa: bodyJa.trim(), bodyEn: bodyEn.trim(), questions: questionsInput(questions), deadline, ...audienceInput(audience) }));
  });
  const { errors } = form;
  const setQuestion = (key: number, patch: Partial<QuestionRow>) => setQuestions((rows) => rows.map((q) => (q.key === key ? { ...q, ...patch } : q)));
  return (
    <FormDialog title={t("oversight.requests.create")} onClose={onClose} testId="request-dialog" formId="request-form" form={form} submitLabel={t("oversight.requests.send")} busyLabel={t("oversight.sending")} submitTestId="request-send" submitDisabled={!audienceReady(audience) || !deadline}>
      <p className="field__hint">{t("oversight.requests.explain")}</p>
      <Field label={t("oversight.field.titleJa")} error={errors.titleJa}>
        <input className="input" lang="ja" required maxLength={300} value={titleJa} onChange={(e) => setTitleJa(e.target.value)} data-testid="request-title-ja" />
      </Field>
      <Field label={t("oversight.field.titleEn")} error={errors.titleEn}>
        <input className="input" lang="en" required maxLength={300} value={titleEn} onChange={(e) => setTitleEn(e.target.value)} data-testid="request-title-en" />
      </Field>
      <Field label={t("oversight.field.bodyJa")} error={errors.bodyJa} optional>
        <textarea className="input" lang="ja" rows={3} maxLength={20000} value={bodyJa} onChange={(e) => setBodyJa(e.target.value)} data-testid="request-body-ja" />
      </Field>
      <Field label={t("oversight.field.bodyEn")} error={errors.bodyEn} optional>
        <textarea className="input" lang="en" rows={3} maxLength={20000} value={bodyEn} onChange={(e) => setBodyEn(e.target.value)} data-testid="request-body-en" />
      </Field>
      <fieldset className="fieldset-box" data-testid="request-questions">
        <legend className="field__label">{t("oversight.requests.questions")}</legend>
        <p className="field__hint">{t("oversight.requests.questionsHint")}</p>
        <ol className="stack-list question-rows">
          {questions.map((q, i) => (
            <li key={q.key} className="question-row" data-testid="request-question">
              <span className="question-row__number">{t("oversight.rfiAnswer.question", { n: number(i + 1) })}</span>
              <Field label={t("oversight.requests.questionJa", { n: number(i + 1) })} error={errors[`questions.${i}.ja`]}>
                <textarea className="input" lang="ja" rows={2} maxLength={5000} value={q.ja} onChange={(e) => setQuestion(q.key, { ja: e.target.value })} data-testid="request-question-ja" />
              </Field>
              <Field label={t("oversight.requests.questionEn", { n: number(i + 1) })} error={errors[`questions.${i}.en`]}>
                <textarea className="input" lang="en" rows={2} maxLength={5000} value={q.en} onChange={(e) => setQuestion(q.key, { en: e.target.value })} data-testid="request-question-en" />
              </Field>
              {questions.length > 1 && (
                <button type="button" className="button button--small" onClick={() => setQuestions((rows) => removeQuestion(rows, q.key))} aria-label={t("oversight.requests.removeQuestionOf", { n: number(i + 1) })} data-testid="request-question-remove">
                  {t("oversight.requests.removeQuestion")}
                </button>
              )}
            </li>
          ))}
        </ol>
        {questions.length < 50 && (
          <button type="button" className="button button--small" onClick={() => setQuestions((rows) => addQuestion(rows))} data-testid="request-question-add">
            {t("oversight.requests.addQuestion")}
          </button>
        )}
        {errorFor(errors, "questions") && !Object.keys(errors).some((k) => /^questions\.\d+\.(ja|en)$/.test(k)) && <p className="field__error">{errorFor(errors, "questions")}</p>}
      </fieldset>
      <Field label={t("oversight.requests.deadline")} hint={t("oversight.requests.deadlineHint")} error={errors.deadline}>
        <input className="input" type="date" required min={addDays(todayIso(), 1)} value={deadline} onChange={(e) => setDeadline(e.target.value)} data-testid="request-deadline" />
      </Field>
      <AudienceFields value={audience} onChange={setAudience} options={options} errors={errors} testId="request-audience" />
    </FormDialog>
  );
}
