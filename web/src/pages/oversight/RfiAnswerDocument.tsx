import type { ConfidentialMark } from "../../api/oversight.ts";
import { Card } from "../../components/Card.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { pickText, scriptLang } from "../../i18n/text.ts";
import { DocumentPart } from "./DocumentPart.tsx";
import type { RfiAnswerView } from "./intake-documents.ts";

/**
 * An organisation's answer to a request for information: each question as the authority asked it,
 * and the answer as the organisation wrote it; an answer it marked confidential carries 「秘匿指定」.
 */
export function RfiAnswerDocument({ answer, marks }: { answer: RfiAnswerView; marks: readonly ConfidentialMark[] }) {
  const { t, lang, dateTime, number } = useI18n();
  return (
    <Card title={t("oversight.document.title")} titleId="submission-document-title" testId="submission-document">
      <p className="card__hint">
        {t("oversight.rfiAnswer.explain", { reference: answer.reference || t("oversight.notStated") })}
        {answer.answeredAt && ` ${t("oversight.rfiAnswer.answeredAt", { at: dateTime(answer.answeredAt) })}`}
      </p>
      {answer.answers.length === 0 ? (
        <p className="muted">{t("oversight.rfiAnswer.none")}</p>
      ) : (
        <dl className="facts submission-facts rfi-answers">
          {answer.answers.map((a, i) => {
            const question = pickText(a.question, lang);
            return (
              <DocumentPart key={a.pointer} label={t("oversight.rfiAnswer.question", { n: number(i + 1) })} pointer={a.pointer} marks={marks}>
                <span className="rfi-answer" data-testid="rfi-answer">
                  {question && (
                    <span className="rfi-answer__question" lang={question.lang}>
                      {question.text}
                    </span>
                  )}
                  {a.answer ? (
                    <span className="rfi-answer__text pre-text" lang={scriptLang(a.answer)} data-testid="rfi-answer-text">
                      {a.answer}
                    </span>
                  ) : (
                    <span className="muted">{t("oversight.rfiAnswer.unanswered")}</span>
                  )}
                </span>
              </DocumentPart>
            );
          })}
        </dl>
      )}
    </Card>
  );
}
