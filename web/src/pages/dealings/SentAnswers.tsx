import type { SentAnswer } from "../../api/dealings.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { pickText, scriptLang } from "../../i18n/text.ts";

/** The answers as they were sent: each question in the reader's language, the answer below it. */
export function SentAnswers({ answers }: { answers: readonly SentAnswer[] }) {
  const { t, lang, number } = useI18n();
  if (answers.length === 0) return null;
  return (
    <>
      <h3 className="card__subtitle">{t("dealings.answer.answers")}</h3>
      <ol className="stack-list answer-rows" data-testid="dealing-sent-answers">
        {answers.map((a, i) => {
          const question = pickText(a.question, lang);
          return (
            <li key={a.questionId} className="answer-row" data-testid="dealing-sent-answer">
              <p className="answer-row__question">
                <span className="answer-row__number">{t("oversight.rfiAnswer.question", { n: number(i + 1) })}</span> <span lang={question?.lang}>{question?.text ?? t("oversight.notStated")}</span>
              </p>
              {a.answer ? (
                <div className="pre-text" lang={scriptLang(a.answer)} data-testid="dealing-sent-answer-text">
                  {a.answer}
                </div>
              ) : (
                <div className="muted">{t("oversight.rfiAnswer.unanswered")}</div>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
