import { useEffect, useState } from "react";
import { haipApi, type HaipAnswer, type HaipReport } from "../../api/disclosures.ts";
import { Field } from "../../components/Field.tsx";
import { Notice } from "../../components/Notice.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { LangText } from "./LangText.tsx";
import { adoptTheirs, conflictOf, draftOf, isDirty, keepMine, syncDraft, type AnswerConflict } from "./answer-draft.ts";

interface AnswerFormProps {
  reportId: string;
  answer: HaipAnswer;
  onSaved(report: HaipReport): void;
  /** The report changed meanwhile: the page reads it again (a colleague's save moved its version on). */
  onStale(): void;
}

/**
 * One answer in Japanese and English with its own save. The save carries the answer's version:
 * when a colleague saved first, their text is shown beside one's own and nothing is overwritten
 * until the user chooses.
 */
export function AnswerForm({ reportId, answer, onSaved, onStale }: AnswerFormProps) {
  const { t, errorMessage } = useI18n();
  const [draft, setDraft] = useState(() => draftOf(answer));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [conflict, setConflict] = useState<AnswerConflict>();
  const [saved, setSaved] = useState(false);
  const qid = answer.questionId;

  useEffect(() => setDraft((d) => syncDraft(d, answer)), [answer.version, answer.answer.ja, answer.answer.en]);

  const save = async () => {
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      const report = await haipApi.saveAnswer(reportId, qid, { version: draft.version, ja: draft.ja, en: draft.en });
      const now = report.sections.flatMap((s) => s.answers).find((a) => a.questionId === qid);
      if (now) setDraft(draftOf(now));
      setConflict(undefined);
      setSaved(true);
      onSaved(report);
    } catch (err) {
      const c = conflictOf(err);
      if (c) {
        setConflict(c);
        onStale();
      } else setError(err);
    } finally {
      setBusy(false);
    }
  };
  const edit = (patch: { ja?: string; en?: string }) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...patch }));
  };
  const dirty = isDirty(draft);

  return (
    <div className="haip-answer__form" data-testid="answer-form">
      <div className="haip-answer__texts">
        <Field label={t("disclosures.answer.ja")}>
          <textarea className="input" rows={5} lang="ja" maxLength={20000} value={draft.ja} onChange={(e) => edit({ ja: e.target.value })} data-testid={`answer-ja-${qid}`} />
        </Field>
        <Field label={t("disclosures.answer.en")}>
          <textarea className="input" rows={5} lang="en" maxLength={20000} value={draft.en} onChange={(e) => edit({ en: e.target.value })} data-testid={`answer-en-${qid}`} />
        </Field>
      </div>
      <div className="haip-answer__save">
        <button type="button" className="button button--primary" disabled={busy || !dirty || conflict !== undefined} onClick={save} data-testid={`answer-save-${qid}`}>
          {busy ? t("common.saving") : t("disclosures.answer.save", { id: qid })}
        </button>
        {dirty && !busy && <span className="muted">{t("disclosures.answer.unsaved")}</span>}
        {saved && !dirty && (
          <span className="haip-answer__saved" role="status" data-testid="answer-saved">
            {t("disclosures.answer.saved")}
          </span>
        )}
      </div>
      {error !== undefined && <Notice kind="error">{errorMessage(error)}</Notice>}
      {conflict && (
        <Notice kind="warning" testId="answer-conflict">
          <p>{t("disclosures.answer.conflict")}</p>
          <div className="haip-compare">
            <p className="haip-compare__label">{t("disclosures.answer.theirs")}</p>
            <LangText text={conflict.answer.ja} lang="ja" />
            <LangText text={conflict.answer.en} lang="en" />
          </div>
          <div className="haip-answer__conflict-actions">
            <button type="button" className="button button--small" onClick={() => (setDraft(adoptTheirs(conflict)), setConflict(undefined))} data-testid="answer-take-theirs">
              {t("disclosures.answer.takeTheirs")}
            </button>
            <button type="button" className="button button--small" onClick={() => (setDraft((d) => keepMine(d, conflict)), setConflict(undefined))} data-testid="answer-keep-mine">
              {t("disclosures.answer.keepMine")}
            </button>
          </div>
        </Notice>
      )}
    </div>
  );
}
