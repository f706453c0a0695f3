import { useState, type FormEvent } from "react";
import { libraryOwnApi, type OrgFrameworkView } from "../../api/library-own.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { Notice } from "../../components/Notice.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { plainText } from "../../i18n/text.ts";
import { useUploadAuth } from "../systems/useUploadAuth.ts";
import { ACCEPTED_FILES, megabytes, removeRefusalKey, uploadRefusal, viewName } from "./own-frameworks.ts";

/**
 * 自社のフレームワークを追加: pick a file (the Excel template, the library's JSON or YAML, OSCAL),
 * send it as it is; the server checks it like the shipped library and either keeps it or names
 * every problem, which are listed under the input.
 */
export function AddOwnFrameworkDialog({ onClose, onAdded }: { onClose(): void; onAdded(view: OrgFrameworkView): void }) {
  const { t, number, errorMessage } = useI18n();
  const auth = useUploadAuth();
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const refusal = error === undefined ? undefined : uploadRefusal(error);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!file || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      onAdded(await libraryOwnApi.add(file, auth));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t("libraryOwn.add")}
      onClose={onClose}
      testId="own-add-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="button" className="button button--primary" disabled={!file || busy} onClick={() => void submit()} data-testid="own-add-submit">
            {busy ? t("common.working") : t("libraryOwn.addDialog.submit")}
          </button>
        </>
      }
    >
      <form className="form" onSubmit={(e) => void submit(e)}>
        <p className="dialog-message">{t("libraryOwn.addDialog.intro")}</p>
        <label className="field">
          <span className="field__label">{t("libraryOwn.addDialog.file")}</span>
          <input
            type="file"
            accept={ACCEPTED_FILES}
            onChange={(e) => {
              setFile(e.target.files?.[0]);
              setError(undefined);
            }}
            aria-describedby="own-file-hint"
            data-testid="own-file"
          />
          <span id="own-file-hint" className="field__hint">
            {t("libraryOwn.formats")}
          </span>
        </label>
        {refusal && (
          <Notice kind="error" testId="own-add-error">
            {refusal.kind === "invalid" ? (
              <>
                <p>{t("libraryOwn.problems", { count: number(refusal.problems.length) })}</p>
                <ul className="own-problems" data-testid="own-problems">
                  {refusal.problems.map((p, i) => (
                    <li key={i}>
                      <code>{p.field}</code>
                      {p.message}
                    </li>
                  ))}
                </ul>
              </>
            ) : refusal.kind === "exists" ? (
              t("libraryOwn.exists", { version: refusal.version ?? "" })
            ) : refusal.kind === "tooLarge" && refusal.limitBytes !== undefined ? (
              t("libraryOwn.tooLarge", { size: number(megabytes(refusal.limitBytes)) })
            ) : (
              errorMessage(error)
            )}
          </Notice>
        )}
      </form>
    </Dialog>
  );
}

/**
 * 削除: removes a version added by mistake. A version in use stays, and the dialog says why
 * (an assessment, a control, or another version or crosswalk uses it).
 */
export function RemoveOwnFrameworkDialog({ view, onClose, onRemoved }: { view: OrgFrameworkView; onClose(): void; onRemoved(): void }) {
  const { t, lang, errorMessage } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const refusedKey = removeRefusalKey(error);
  const name = plainText(viewName(view), lang);

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await libraryOwnApi.remove(view.framework, view.version);
      onRemoved();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t("libraryOwn.removeDialog.title")}
      size="small"
      onClose={onClose}
      testId="own-remove-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {refusedKey ? t("common.close") : t("common.cancel")}
          </button>
          {!refusedKey && (
            <button type="button" className="button button--danger" onClick={() => void confirm()} disabled={busy} data-testid="own-remove-confirm">
              {busy ? t("common.working") : t("libraryOwn.removeDialog.confirm")}
            </button>
          )}
        </>
      }
    >
      <p className="dialog-message">{t("libraryOwn.removeDialog.message", { name, version: view.version })}</p>
      {error !== undefined && (
        <Notice kind={refusedKey ? "warning" : "error"} testId="own-remove-error">
          {refusedKey ? t(refusedKey) : errorMessage(error)}
        </Notice>
      )}
    </Dialog>
  );
}
