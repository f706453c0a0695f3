import { useState } from "react";
import { haipApi, type HaipAnswer, type HaipReport } from "../../api/disclosures.ts";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { Disclosure } from "../../components/Disclosure.tsx";
import { Notice } from "../../components/Notice.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { AnswerForm } from "./AnswerForm.tsx";
import { AnswerSources } from "./AnswerSources.tsx";
import { refreshingOnStale } from "./haip-logic.ts";
import { WordingBadge } from "./Badges.tsx";
import { LangText } from "./LangText.tsx";

interface AnswerItemProps {
  report: Pick<HaipReport, "id" | "version">;
  answer: HaipAnswer;
  editable: boolean;
  onReport(report: HaipReport): void;
  onStale(): void;
}

/**
 * One question: its number and words (Musubi's wording marked), the guidance, the answer in both
 * languages, who last edited it, and for a drafted answer what it rests on — with a warning and
 * a new draft when those records changed.
 */
export function AnswerItem({ report, answer, editable, onReport, onStale }: AnswerItemProps) {
  const { t, lang, dateTime } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [replacing, setReplacing] = useState(false);
  const qid = answer.questionId;
  const headingId = `question-${qid.replace(/\W/g, "-")}`;
  const edited = answer.prefill !== null && !answer.asDrafted;

  const redraft = async (replaceEdited: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      onReport(await refreshingOnStale(() => haipApi.prefill(report.id, { version: report.version, questionIds: [qid], replaceEdited }), onStale));
    } catch (err) {
      setError(err);
      if (replaceEdited) throw err;
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className={answer.prefill?.stale ? "haip-answer haip-answer--stale" : "haip-answer"} aria-labelledby={headingId} data-testid="haip-question" data-question={qid}>
      <header className="haip-answer__head">
        <h3 id={headingId} className="haip-answer__question">
          <span className="haip-answer__id">{qid}</span> {answer.text[lang]}
        </h3>
        <WordingBadge wording={answer.wording} />
      </header>
      {answer.guidance && <p className="haip-answer__guidance">{answer.guidance[lang]}</p>}
      {answer.prefill?.stale && (
        // A standing state, not news: styled as a warning but not announced as an alert, or every flagged answer would interrupt on load.
        <div className="notice notice--warning" data-testid="answer-stale">
          <div className="notice__body">
            <p>{t("disclosures.answer.stale", { date: dateTime(answer.prefill.writtenAt) })}</p>
            {editable && <p>{edited ? t("disclosures.answer.staleEditedHint") : t("disclosures.answer.staleHint")}</p>}
          </div>
        </div>
      )}
      <AnswerSources answer={answer} />
      {editable && (answer.prefill?.stale || (answer.canPrefill && answer.prefill === null)) && (
        <div className="haip-answer__redraft">
          <button type="button" className="button button--small" disabled={busy} onClick={() => void redraft(false).catch(() => undefined)} data-testid={`redraft-${qid}`}>
            {busy ? t("common.working") : answer.prefill ? t("disclosures.answer.redraft", { id: qid }) : t("disclosures.answer.draft", { id: qid })}
          </button>
          {edited && (
            <button type="button" className="button button--small button--danger-outline" disabled={busy} onClick={() => setReplacing(true)} data-testid={`redraft-replace-${qid}`}>
              {t("disclosures.answer.replace", { id: qid })}
            </button>
          )}
        </div>
      )}
      {error !== undefined && !replacing && <ErrorNotice error={error} />}
      {edited && answer.prefill && (
        <Disclosure summary={t("disclosures.answer.compare")} className="haip-answer__compare" testId="answer-compare">
          {() => (
            <div className="haip-compare haip-compare--columns">
              <p className="haip-compare__label">{t("disclosures.answer.currentDraft")}</p>
              <LangText text={answer.prefill!.text.ja} lang="ja" />
              <LangText text={answer.prefill!.text.en} lang="en" />
            </div>
          )}
        </Disclosure>
      )}
      {editable ? <AnswerForm reportId={report.id} answer={answer} onSaved={onReport} onStale={onStale} /> : <ReadOnlyAnswer answer={answer} />}
      <p className="haip-answer__meta muted" data-testid="answer-meta">
        {answer.editedBy && answer.editedAt
          ? t("disclosures.answer.editedBy", { name: answer.editedBy.displayName, date: dateTime(answer.editedAt) })
          : answer.prefill
            ? t("disclosures.answer.asDrafted")
            : t("disclosures.answer.notEdited")}
      </p>
      {replacing && (
        <ConfirmDialog
          title={t("disclosures.answer.replaceTitle")}
          message={t("disclosures.answer.replaceConfirm", { id: qid })}
          confirmLabel={t("disclosures.answer.replace", { id: qid })}
          danger
          onConfirm={() => redraft(true)}
          onClose={() => setReplacing(false)}
        />
      )}
    </article>
  );
}

function ErrorNotice({ error }: { error: unknown }) {
  const { errorMessage } = useI18n();
  return <Notice kind="error">{errorMessage(error)}</Notice>;
}

function ReadOnlyAnswer({ answer }: { answer: HaipAnswer }) {
  const { t } = useI18n();
  return (
    <div className="haip-answer__texts" data-testid="answer-read-only">
      {(["ja", "en"] as const).map((l) => (
        <div key={l}>
          <p className="field__label">{t(l === "ja" ? "disclosures.answer.ja" : "disclosures.answer.en")}</p>
          <LangText text={answer.answer[l]} lang={l} />
        </div>
      ))}
    </div>
  );
}
