import { useEffect, useRef, useState } from "react";
import { applicabilityApi } from "../../api/endpoints.ts";
import type { FactValue, Facts } from "../../api/types.ts";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { LoadState } from "../../components/LoadState.tsx";
import { Notice } from "../../components/Notice.tsx";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { ProfileActions } from "./ProfileActions.tsx";
import { ProfileForm } from "./ProfileForm.tsx";
import { loadStoredProfile, reconcile, storeProfile, withAnswer, type LoadedProfile, type ProfileDraft } from "./profile.ts";
import { ResultPanel } from "./ResultPanel.tsx";
import { draftKey, useEvaluation } from "./useEvaluation.ts";
import "./applicability.css";
import { todayIso } from "../../components/dates.ts";

/** Rounds of setting aside / restoring answers after one change, before giving up (a safety net). */
const MAX_RECONCILE = 5;

/**
 * "What applies to this system?": the profile questions on the left, the result on the right,
 * re-evaluated as answers change. The profile stays in this tab (sessionStorage) and can be saved
 * to and loaded from a JSON file.
 */
export function ApplicabilityPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const questions = useResource((signal) => applicabilityApi.questions(signal), "questions");
  const [draft, setDraft] = useState<ProfileDraft>(() => loadStoredProfile() ?? { facts: {}, asOf: todayIso() });
  const [notice, setNotice] = useState<NoticeMessage>();
  const [clearing, setClearing] = useState(false);
  const stash = useRef<Facts>({});
  const rounds = useRef(0);
  const evaluation = useEvaluation(draft);
  const { report, reportKey } = evaluation;

  useEffect(() => {
    storeProfile(draft);
  }, [draft]);

  // Answers to questions the report no longer asks are set aside, and come back when asked again.
  useEffect(() => {
    if (!report || reportKey !== draftKey(draft)) return;
    const next = reconcile(draft.facts, report.asked, stash.current);
    if (!next) rounds.current = 0;
    if (!next || rounds.current >= MAX_RECONCILE) return;
    rounds.current++;
    stash.current = next.stash;
    setDraft((d) => ({ ...d, facts: next.facts }));
    // Only a fresh report should trigger this; `draft` is read to check the report is about it.
  }, [report, reportKey]);

  const answer = (id: string, value: FactValue | undefined) => {
    rounds.current = 0;
    setDraft((d) => ({ ...d, facts: withAnswer(d.facts, id, value) }));
  };
  const load = (loaded: LoadedProfile) => {
    rounds.current = 0;
    stash.current = {};
    setDraft((d) => ({ facts: loaded.facts, asOf: loaded.asOf ?? d.asOf }));
    setNotice(
      loaded.dropped.length > 0
        ? { kind: "warning", text: (i) => i.t("applicability.loadedDropped", { keys: loaded.dropped.join(", ") }) }
        : { kind: "success", text: (i) => i.t("applicability.loaded") },
    );
  };
  const clear = () => {
    rounds.current = 0;
    stash.current = {};
    setDraft({ facts: {}, asOf: todayIso() });
    setNotice({ kind: "success", text: (i) => i.t("applicability.cleared") });
  };

  return (
    <div className="applicability" data-testid="page-applicability">
      <PageHeader
        title={t("applicability.title")}
        subtitle={t("applicability.subtitle")}
        actions={
          <ProfileActions
            draft={draft}
            questions={questions.data?.questions ?? []}
            libraryVersion={report?.libraryVersion}
            onLoad={load}
            onLoadError={(message) => setNotice({ kind: "error", text: (i) => i.t("applicability.loadFailed", { message }) })}
            onClear={() => setClearing(true)}
          />
        }
      />
      {notice && (
        <Notice kind={notice.kind} onDismiss={() => setNotice(undefined)} testId="applicability-notice">
          {notice.text(i18n)}
        </Notice>
      )}
      <p className="applicability__disclaimer">{t("applicability.disclaimer")}</p>
      <div className="applicability__layout">
        <div className="applicability__form card">
          <div className="as-of">
            <label className="field__label" htmlFor="as-of">
              {t("applicability.asOf")}
            </label>
            <div className="as-of__row">
              <input
                id="as-of"
                type="date"
                className="input input--narrow"
                value={draft.asOf}
                onChange={(e) => setDraft((d) => ({ ...d, asOf: e.target.value }))}
                aria-describedby="as-of-hint"
                data-testid="as-of"
              />
              <button type="button" className="button button--small" onClick={() => setDraft((d) => ({ ...d, asOf: todayIso() }))}>
                {t("applicability.today")}
              </button>
            </div>
            <p className="field__hint" id="as-of-hint">
              {t("applicability.asOfHint")}
            </p>
          </div>
          <LoadState loading={questions.loading && !questions.data} error={questions.error} onRetry={questions.reload} />
          {questions.data && (
            <ProfileForm
              questions={questions.data}
              facts={draft.facts}
              asked={report?.asked}
              errors={evaluation.issues.byFact}
              onAnswer={answer}
            />
          )}
        </div>
        <div className="applicability__result">
          <ResultPanel evaluation={evaluation} questions={questions.data} />
        </div>
      </div>
      {clearing && (
        <ConfirmDialog
          title={t("applicability.clear")}
          message={t("applicability.confirmClear")}
          confirmLabel={t("applicability.clear")}
          danger
          onConfirm={async () => clear()}
          onClose={() => setClearing(false)}
        />
      )}
    </div>
  );
}
