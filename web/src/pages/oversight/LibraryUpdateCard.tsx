import { useState, type FormEvent } from "react";
import { oversightApi, type AdvisoryView } from "../../api/oversight.ts";
import { Card } from "../../components/Card.tsx";
import { Notice } from "../../components/Notice.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { ACCEPTED_FILES, megabytes, uploadRefusal } from "../library/own-frameworks.ts";
import { useUploadAuth } from "../systems/useUploadAuth.ts";
import { NameText } from "./SenderName.tsx";
import "../library/library-own.css";

interface LibraryUpdateCardProps {
  advisory: AdvisoryView;
  /** Whether this person may attach a file (`oversight.triage`, and the advisory still a draft). */
  canAttach: boolean;
  onAttached(next: AdvisoryView): void;
}

/**
 * The library update an advisory carries (a framework the recipients may install, with its
 * requirements): which framework and version, and — on a draft — a file to attach or replace it,
 * checked as an organisation's own framework is; a refused file lists each problem.
 */
export function LibraryUpdateCard({ advisory, canAttach, onAttached }: LibraryUpdateCardProps) {
  const { t, number, errorMessage } = useI18n();
  const auth = useUploadAuth();
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  // A new input after each attachment, so the one attached is no longer shown as chosen.
  const [inputKey, setInputKey] = useState(0);
  const update = advisory.libraryUpdate;
  const refusal = error === undefined ? undefined : uploadRefusal(error);

  const attach = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      onAttached(await oversightApi.attachLibraryUpdate(advisory.id, file, auth));
      setDone(true);
      setFile(undefined);
      setInputKey((k) => k + 1);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t("oversight.libraryUpdate.title")} titleId="advisory-library-title" testId="advisory-library-update">
      <p className="card__hint">{t("oversight.libraryUpdate.explain")}</p>
      {update ? (
        <dl className="facts" data-testid="advisory-library-facts">
          <dt>{t("oversight.libraryUpdate.framework")}</dt>
          <dd data-testid="advisory-library-name">
            <NameText name={update.name} />
          </dd>
          <dt>{t("oversight.libraryUpdate.version")}</dt>
          <dd className="table__mono" data-testid="advisory-library-version">
            {update.version}
          </dd>
          <dt>{t("oversight.libraryUpdate.requirements")}</dt>
          <dd data-testid="advisory-library-requirements">{t("oversight.libraryUpdate.requirementCount", { count: number(update.requirements) })}</dd>
        </dl>
      ) : (
        <p className="muted" data-testid="advisory-library-none">
          {t("oversight.libraryUpdate.none")}
        </p>
      )}
      {canAttach && (
        <form className="form library-attach" onSubmit={(e) => void attach(e)}>
          {done && <Notice kind="success" testId="advisory-library-attached">{t("oversight.libraryUpdate.attached")}</Notice>}
          <label className="field">
            <span className="field__label">{update ? t("oversight.libraryUpdate.replaceFile") : t("oversight.libraryUpdate.file")}</span>
            <input
              key={inputKey}
              type="file"
              accept={ACCEPTED_FILES}
              onChange={(e) => {
                setFile(e.target.files?.[0]);
                setError(undefined);
                setDone(false);
              }}
              aria-describedby="advisory-library-hint"
              data-testid="advisory-library-file"
            />
            <span id="advisory-library-hint" className="field__hint">
              {t("libraryOwn.formats")}
            </span>
          </label>
          {refusal && (
            <Notice kind="error" testId="advisory-library-error">
              {refusal.kind === "invalid" ? (
                <>
                  <p>{t("oversight.libraryUpdate.problems", { count: number(refusal.problems.length) })}</p>
                  <ul className="own-problems" data-testid="advisory-library-problems">
                    {refusal.problems.map((p, i) => (
                      <li key={i}>
                        <code>{p.field}</code> {p.message}
                      </li>
                    ))}
                  </ul>
                </>
              ) : refusal.kind === "tooLarge" && refusal.limitBytes !== undefined ? (
                t("libraryOwn.tooLarge", { size: number(megabytes(refusal.limitBytes)) })
              ) : (
                errorMessage(error)
              )}
            </Notice>
          )}
          <div className="form__actions">
            <button type="submit" className="button" disabled={!file || busy} data-testid="advisory-library-attach">
              {busy ? t("common.working") : t("oversight.libraryUpdate.attach")}
            </button>
          </div>
        </form>
      )}
    </Card>
  );
}
