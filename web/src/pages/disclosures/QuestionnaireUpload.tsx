import { useState, type FormEvent } from "react";
import { questionnairesApi, type Questionnaire } from "../../api/disclosures.ts";
import { Notice } from "../../components/Notice.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useUploadAuth } from "../systems/useUploadAuth.ts";
import { questionnaireProblems } from "./haip-logic.ts";

/** Loads a questionnaire file (`musubi-questionnaire/1`): the server checks it and names each problem, or keeps it. */
export function QuestionnaireUpload({ onLoaded }: { onLoaded(): void }) {
  const { t, lang, errorMessage } = useI18n();
  const auth = useUploadAuth();
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [loaded, setLoaded] = useState<Questionnaire>();
  const problems = questionnaireProblems(error);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setLoaded(undefined);
    try {
      const q = await questionnairesApi.upload(file, auth);
      setLoaded(q);
      onLoaded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="questionnaire-upload" onSubmit={submit} data-testid="questionnaire-upload">
      <h3 className="questionnaire-upload__title">{t("disclosures.questionnaires.loadTitle")}</h3>
      <p className="field__hint">{t("disclosures.questionnaires.loadHint")}</p>
      <div className="questionnaire-upload__row">
        <label className="field__label" htmlFor="questionnaire-file">
          {t("disclosures.questionnaires.file")}
        </label>
        <input id="questionnaire-file" className="input" type="file" accept=".json,application/json" onChange={(e) => setFile(e.target.files?.[0])} data-testid="questionnaire-file" />
        <button type="submit" className="button" disabled={!file || busy} data-testid="questionnaire-load">
          {busy ? t("common.working") : t("disclosures.questionnaires.load")}
        </button>
      </div>
      {loaded && (
        <Notice kind="success" testId="questionnaire-loaded">
          {t("disclosures.questionnaires.loaded", { name: loaded.name[lang], version: loaded.version })}
        </Notice>
      )}
      {error !== undefined && (
        <Notice kind="error" testId="questionnaire-error">
          <p>{errorMessage(error)}</p>
          {problems.length > 0 && (
            <ul className="questionnaire-upload__problems">
              {problems.map((p, i) => (
                <li key={i}>
                  <code>{p.field}</code> {p.message}
                </li>
              ))}
            </ul>
          )}
        </Notice>
      )}
    </form>
  );
}
