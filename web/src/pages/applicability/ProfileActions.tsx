import { useRef } from "react";
import type { ProfileQuestionView } from "../../api/types.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { parseProfileFile, profileFileText, type LoadedProfile, type ProfileDraft } from "./profile.ts";
import { todayIso } from "../../components/dates.ts";

interface ProfileActionsProps {
  draft: ProfileDraft;
  questions: ProfileQuestionView[];
  libraryVersion: string | undefined;
  onLoad(profile: LoadedProfile): void;
  onLoadError(message: string): void;
  onClear(): void;
}

/** Save the profile as JSON, load one, or start again. */
export function ProfileActions({ draft, questions, libraryVersion, onLoad, onLoadError, onClear }: ProfileActionsProps) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);

  const save = () => {
    const blob = new Blob([profileFileText(draft, libraryVersion)], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = `musubi-profile-${todayIso()}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const read = async (file: File | undefined) => {
    if (!file) return;
    try {
      onLoad(parseProfileFile(await file.text(), questions));
    } catch (err) {
      onLoadError(err instanceof Error ? err.message : String(err));
    } finally {
      if (input.current) input.current.value = "";
    }
  };

  return (
    <>
      <button type="button" className="button" onClick={save} data-testid="profile-save">
        {t("applicability.save")}
      </button>
      <button type="button" className="button" onClick={() => input.current?.click()} disabled={questions.length === 0} data-testid="profile-load">
        {t("applicability.load")}
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => void read(e.target.files?.[0])}
        data-testid="profile-file"
      />
      <button type="button" className="button button--danger-outline" onClick={onClear} data-testid="profile-clear">
        {t("applicability.clear")}
      </button>
    </>
  );
}
