import { useState } from "react";
import { applicabilityApi } from "../../../api/endpoints.ts";
import type { SystemView } from "../../../api/systems.ts";
import { LoadState } from "../../../components/LoadState.tsx";
import { Notice } from "../../../components/Notice.tsx";
import { useResource } from "../../../hooks/useResource.ts";
import { useI18n } from "../../../i18n/I18nProvider.tsx";
import { ProfileActions } from "../../applicability/ProfileActions.tsx";
import { ProfileForm } from "../../applicability/ProfileForm.tsx";
import { ResultPanel } from "../../applicability/ResultPanel.tsx";
import "../../applicability/applicability.css";
import { recordFacts } from "../../../../../src/systems/systems.record-facts.ts";
import { useProfileDraft } from "./useProfileDraft.ts";

interface ProfileTabProps {
  system: SystemView;
  canEdit: boolean;
  onSaved(system: SystemView): void;
}

/**
 * プロファイル: the applicability questions for this system (the same form as the applicability
 * page), what they imply as they are answered, and a save that reclassifies the system.
 */
export function ProfileTab({ system, canEdit, onSaved }: ProfileTabProps) {
  const { t, errorMessage, day } = useI18n();
  const questions = useResource((signal) => applicabilityApi.questions(signal), "questions");
  const editor = useProfileDraft(system, onSaved);
  const [loadError, setLoadError] = useState<string>();
  const { draft, evaluation } = editor;
  const issues = { ...evaluation.issues.byFact, ...editor.refused };
  // The record's purpose and countries are the profile's (the server fills them in on save).
  const stated = recordFacts({ purpose: system.purpose, countries: system.countries });
  const fromRecord = {
    ...(stated.purpose !== undefined && { purpose: { value: stated.purpose as string, field: t("systems.field.purpose") } }),
    ...(stated.deploymentRegions !== undefined && { deploymentRegions: { value: stated.deploymentRegions as string[], field: t("systems.field.countries") } }),
  };
  const otherError = editor.error !== undefined && Object.keys(editor.refused).length === 0 ? errorMessage(editor.error) : undefined;

  return (
    <div className="profile-tab" data-testid="system-profile">
      <div className="profile-tab__bar">
        <p className="profile-tab__lead">{t("systems.profile.lead", { date: day(draft.asOf) })}</p>
        <div className="profile-tab__actions">
          {canEdit && (
            <ProfileActions
              draft={draft}
              questions={questions.data?.questions ?? []}
              libraryVersion={evaluation.report?.libraryVersion}
              onLoad={(loaded) => {
                setLoadError(undefined);
                editor.load(loaded);
              }}
              onLoadError={setLoadError}
              onClear={editor.clear}
            />
          )}
          {canEdit && (
            <button type="button" className="button button--primary" disabled={!editor.dirty || editor.saving || editor.conflict !== undefined} onClick={() => void editor.save()} data-testid="profile-submit">
              {editor.saving ? t("common.saving") : t("systems.profile.save")}
            </button>
          )}
        </div>
      </div>
      {editor.dirty && canEdit && <Notice kind="info">{t("systems.profile.unsaved")}</Notice>}
      {Object.keys(editor.refused).length > 0 && <Notice kind="error" testId="profile-save-refused">{t("systems.profile.refused")}</Notice>}
      {otherError && <Notice kind="error">{otherError}</Notice>}
      {loadError && (
        <Notice kind="error" onDismiss={() => setLoadError(undefined)}>
          {t("applicability.loadFailed", { message: loadError })}
        </Notice>
      )}
      {editor.conflict && (
        <Notice kind="warning" testId="profile-conflict">
          <p>{t("systems.profile.conflict", { version: editor.conflict.version })}</p>
          <div className="conflict__actions">
            <button type="button" className="button" onClick={() => editor.resolve(false)}>
              {t("systems.conflict.reload")}
            </button>
            <button type="button" className="button button--primary" onClick={() => editor.resolve(true)}>
              {t("systems.profile.keepMine")}
            </button>
          </div>
        </Notice>
      )}
      <div className="applicability__layout">
        <div className="applicability__form card">
          <LoadState loading={questions.loading && !questions.data} error={questions.error} onRetry={questions.reload} />
          {questions.data && (
            <fieldset className="profile-tab__fieldset" disabled={!canEdit}>
              <legend className="visually-hidden">{t("systems.tab.profile")}</legend>
              <ProfileForm questions={questions.data} facts={draft.facts} asked={evaluation.report?.asked} errors={issues} onAnswer={editor.answer} fromRecord={fromRecord} />
            </fieldset>
          )}
        </div>
        <div className="applicability__result">
          <ResultPanel evaluation={evaluation} questions={questions.data} />
        </div>
      </div>
    </div>
  );
}
