import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/client.ts";
import { EVIDENCE_KINDS, evidenceApi, uploadFile, type EvidenceKind, type EvidenceView } from "../../api/compliance.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { Field } from "../../components/Field.tsx";
import { Notice } from "../../components/Notice.tsx";
import { fieldErrors } from "../../hooks/fieldErrors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";

interface EvidenceDialogProps {
  /** What the new evidence supports (a control or an assessment row), if anything. */
  link?: { type: "control" | "item"; id: string };
  onClose(): void;
  onCreated(evidence: EvidenceView): void;
}

/** Adds evidence: a file (uploaded first, kept by its SHA-256), a link or a note, with an optional validity period. */
export function EvidenceDialog({ link, onClose, onCreated }: EvidenceDialogProps) {
  const { t, lang, errorMessage } = useI18n();
  const { session } = useSignedIn();
  const [kind, setKind] = useState<EvidenceKind>("file");
  const [title, setTitle] = useState("");
  const [file, setFile] = useState<File>();
  const [url, setUrl] = useState("");
  const [note, setNote] = useState("");
  const [validFrom, setValidFrom] = useState("");
  const [validUntil, setValidUntil] = useState("");
  const [busy, setBusy] = useState<"upload" | "save">();
  const [error, setError] = useState<unknown>();
  const [fileError, setFileError] = useState<string>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setFileError(undefined);
    if (kind === "file" && !file) {
      setFileError(t("evidence.field.fileRequired"));
      return;
    }
    try {
      let stored;
      if (kind === "file" && file) {
        setBusy("upload");
        stored = await uploadFile(file, { csrfToken: session.csrfToken, language: lang });
      }
      setBusy("save");
      const created = await evidenceApi.create({
        kind,
        title: title.trim() || file?.name || "",
        ...(note.trim() && { note: note.trim() }),
        ...(kind === "link" && { url: url.trim() }),
        ...(stored && { file: { sha256: stored.sha256, name: stored.name, mediaType: stored.mediaType } }),
        ...(validFrom && { validFrom }),
        ...(validUntil && { validUntil }),
        ...(link && { links: [link] }),
      });
      onCreated(created);
      onClose();
    } catch (err) {
      setError(err);
      setBusy(undefined);
    }
  };

  const errors = fieldErrors(error);
  // A refused upload says the limit (the server words it); a link to where the file is kept is the way round it.
  const tooLarge = error instanceof ApiError && error.code === "payload_too_large";
  const formError = error !== undefined && Object.keys(errors).length === 0 ? (tooLarge ? t("evidence.tooLargeWithLimit", { message: errorMessage(error) }) : errorMessage(error)) : undefined;
  return (
    <Dialog
      title={t("evidence.dialog.title")}
      onClose={onClose}
      testId="evidence-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form="evidence-form" className="button button--primary" disabled={busy !== undefined} data-testid="evidence-submit">
            {busy === "upload" ? t("evidence.uploading") : busy === "save" ? t("common.saving") : t("evidence.add")}
          </button>
        </>
      }
    >
      <form id="evidence-form" className="form" onSubmit={submit} noValidate>
        {formError && <Notice kind="error">{formError}</Notice>}
        <fieldset className="evidence-kind">
          <legend className="field__label">{t("evidence.field.kind")}</legend>
          {EVIDENCE_KINDS.map((k) => (
            <label key={k} className="checkbox">
              <input type="radio" name="evidence-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {t(`evidence.kind.${k}`)}
            </label>
          ))}
        </fieldset>
        {kind === "file" && (
          <Field label={t("evidence.field.file")} hint={t("evidence.field.fileHint")} error={fileError ?? errors.file}>
            <input className="input" type="file" onChange={(e) => setFile(e.target.files?.[0])} data-testid="evidence-file" />
          </Field>
        )}
        <Field label={t("evidence.field.title")} hint={kind === "file" ? t("evidence.field.titleHint") : undefined} error={errors.title} optional={kind === "file"}>
          <input className="input" required={kind !== "file"} maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} data-testid="evidence-title" />
        </Field>
        {kind === "link" && (
          <Field label={t("evidence.field.url")} error={errors.url}>
            <input className="input" type="url" required maxLength={2000} placeholder={t("evidence.field.urlPlaceholder")} value={url} onChange={(e) => setUrl(e.target.value)} />
          </Field>
        )}
        <Field label={t("evidence.field.note")} error={errors.note} optional={kind !== "note"}>
          <textarea className="input" rows={3} maxLength={8000} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
        <div className="form__row">
          <Field label={t("evidence.field.validFrom")} error={errors.validFrom} optional>
            <input className="input" type="date" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />
          </Field>
          <Field label={t("evidence.field.validUntil")} hint={t("evidence.field.validUntilHint")} error={errors.validUntil} optional>
            <input className="input" type="date" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} data-testid="evidence-valid-until" />
          </Field>
        </div>
      </form>
    </Dialog>
  );
}
