import { useState } from "react";
import { ApiError } from "../../api/client.ts";
import { dealingsApi } from "../../api/dealings.ts";
import { CONFIDENTIAL_REASONS } from "../../api/oversight.ts";
import { Card } from "../../components/Card.tsx";
import { Field } from "../../components/Field.tsx";
import { Notice } from "../../components/Notice.tsx";
import { OptionSelect } from "../../components/OptionSelect.tsx";
import { useFormSave } from "../../hooks/useFormSave.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { pickText } from "../../i18n/text.ts";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { BilingualBody } from "../oversight/BilingualBody.tsx";
import { AnswerDelivery } from "./AnswerDelivery.tsx";
import type { DealingPartProps } from "./DealingPage.tsx";
import { answerInput, rfiOf, type AnswerDraft, type RfiQuestion } from "./dealing-views.ts";

/**
 * A request for information: the authority's explanation and questions, and the answer form — one
 * answer per question, each of which may be marked confidential (a trade secret or personal data)
 * so the authority keeps it to itself. Once answered: the answer's delivery and the receipt, and
 * the form again, folded, to send a corrected answer.
 */
export function RfiDealing({ dealing, onChanged, onConflict, onNotice }: DealingPartProps) {
  const { t } = useI18n();
  const { can } = useSignedIn();
  const rfi = rfiOf(dealing.body);
  const [again, setAgain] = useState(false);
  const answering = can("exchange.submit");
  const answered = dealing.status !== "open";
  return (
    <>
      <Card title={t("dealings.rfi.request")} titleId="dealing-request-title" testId="dealing-request">
        <BilingualBody body={rfi.body} />
        {!answering && !answered && <p className="card__hint">{t("dealings.rfi.whoAnswers")}</p>}
      </Card>
      <AnswerDelivery dealing={dealing} titleKey="dealings.answer.sentTitle" />
      {answering && (!answered || again) ? (
        <AnswerForm
          dealingId={dealing.id}
          questions={rfi.questions}
          version={dealing.version}
          resend={answered}
          onSent={(next) => {
            setAgain(false);
            onChanged(next);
            onNotice({ kind: "success", text: (i) => i.t("dealings.rfi.sent") });
          }}
          onConflict={onConflict}
        />
      ) : (
        <Card title={t("dealings.rfi.questions")} titleId="dealing-questions-title" testId="dealing-questions">
          <QuestionList questions={rfi.questions} />
          {answering && answered && (
            <button type="button" className="button button--small" onClick={() => setAgain(true)} data-testid="rfi-answer-again">
              {t("dealings.rfi.answerAgain")}
            </button>
          )}
        </Card>
      )}
    </>
  );
}

function QuestionList({ questions }: { questions: readonly RfiQuestion[] }) {
  const { t, lang } = useI18n();
  return (
    <ol className="question-list">
      {questions.map((q) => {
        const text = pickText(q.text, lang);
        return (
          <li key={q.id} lang={text?.lang}>
            {text?.text ?? t("oversight.notStated")}
          </li>
        );
      })}
    </ol>
  );
}

interface AnswerFormProps {
  dealingId: string;
  questions: readonly RfiQuestion[];
  version: number;
  /** A corrected answer: the authority takes it as a new version of the first. */
  resend: boolean;
  onSent(next: Parameters<DealingPartProps["onChanged"]>[0]): void;
  onConflict(): void;
}

function AnswerForm({ dealingId, questions, version, resend, onSent, onConflict }: AnswerFormProps) {
  const { t, lang, number } = useI18n();
  const [drafts, setDrafts] = useState<Record<string, AnswerDraft>>({});
  const input = answerInput(questions, drafts);
  const form = useFormSave({}, async () => {
    try {
      onSent(await dealingsApi.answer(dealingId, { version, answers: input.answers, confidential: input.confidential }));
    } catch (err) {
      if (err instanceof ApiError && err.code === "conflict") onConflict();
      throw err;
    }
  });
  // A refused mark names its place in the marks sent; shown at the question it is about.
  const markError = (question: number) => {
    const j = input.markedQuestions.indexOf(question);
    return j < 0 ? undefined : form.errors[`confidential.${j}.pointer`];
  };
  const set = (id: string, patch: Partial<AnswerDraft>) => setDrafts((d) => ({ ...d, [id]: { answer: "", confidential: "", ...d[id], ...patch } }));
  const anyAnswer = questions.some((q) => (drafts[q.id]?.answer ?? "").trim() !== "");
  return (
    <Card title={resend ? t("dealings.rfi.resendTitle") : t("dealings.rfi.answerTitle")} titleId="dealing-answer-form-title" testId="rfi-answer-form">
      <form className="form" onSubmit={form.onSubmit} noValidate>
        <p className="card__hint">{t(resend ? "dealings.rfi.resendExplain" : "dealings.rfi.answerExplain")}</p>
        {form.formError && <Notice kind="error" testId="rfi-answer-error">{form.formError}</Notice>}
        <ol className="stack-list answer-rows">
          {questions.map((q, i) => {
            const text = pickText(q.text, lang);
            const draft = drafts[q.id] ?? { answer: "", confidential: "" };
            return (
              <li key={q.id} className="answer-row" data-testid="rfi-question">
                <p className="answer-row__question">
                  <span className="answer-row__number">{t("oversight.rfiAnswer.question", { n: number(i + 1) })}</span> <span lang={text?.lang}>{text?.text ?? t("oversight.notStated")}</span>
                </p>
                <Field label={t("dealings.rfi.answerLabel", { n: number(i + 1) })} error={form.errors[`answers.${i}.answer`]}>
                  <textarea className="input" rows={3} maxLength={50000} value={draft.answer} onChange={(e) => set(q.id, { answer: e.target.value })} data-testid="rfi-answer-input" />
                </Field>
                <Field label={t("dealings.rfi.confidentialLabel", { n: number(i + 1) })} hint={i === 0 ? t("dealings.rfi.confidentialHint") : undefined} error={markError(i)}>
                  <OptionSelect value={draft.confidential} options={CONFIDENTIAL_REASONS} label={(r) => t(`oversight.confidential.reason.${r}`)} emptyLabel={t("dealings.rfi.notConfidential")} onChange={(confidential) => set(q.id, { confidential })} testId="rfi-answer-confidential" />
                </Field>
              </li>
            );
          })}
        </ol>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={form.busy || !anyAnswer} data-testid="rfi-answer-send">
            {form.busy ? t("oversight.sending") : t(resend ? "dealings.rfi.resend" : "dealings.rfi.send")}
          </button>
        </div>
      </form>
    </Card>
  );
}
