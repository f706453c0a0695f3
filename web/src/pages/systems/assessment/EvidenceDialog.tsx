import { useState, type FormEvent } from "react";
import { evidenceApi, type EvidenceInput, type ItemView } from "../../../api/systems.ts";
import { Dialog } from "../../../components/Dialog.tsx";
import { Field } from "../../../components/Field.tsx";
import { Notice } from "../../../components/Notice.tsx";
import { fieldErrors } from "../../../hooks/fieldErrors.ts";
import { useI18n } from "../../../i18n/I18nProvider.tsx";
import { plainText } from "../../../i18n/text.ts";
import { useUploadAuth } from "../useUploadAuth.ts";

interface EvidenceDialogProps {
  item: ItemView;
  onClose(): void;
  onAdded(): void;
}

/** 証跡を追加: a file (uploaded, then recorded with its SHA-256) or a link, attached to one row. */
export function EvidenceDialog({ item, onClose, onAdded }: EvidenceDialogProps) {
  const { t, lang, errorMessage } = useI18n();
  const auth = useUploadAuth();
  const [kind, setKind] = useState<"file" | "link">("file");
  const [file, setFile] = useState<File>();
  const [title, setTitle] = useState("");
  const [url, setUrl] = useState("");
  const [validUntil, setValidUntil] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const ready = title.trim() !== "" && (kind === "file" ? file !== undefined : url.trim() !== "");

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(undefined);
    try {
      const common = { title: title.trim(), links: [{ type: "item" as const, id: item.id }], ...(validUntil && { validUntil }) };
      let input: EvidenceInput;
      if (kind === "file" && file) {
        const stored = await evidenceApi.upload(file, auth);
        input = { kind: "file", ...common, file: { sha256: stored.sha256, name: stored.name, mediaType: stored.mediaType } };
      } else {
        input = { kind: "link", ...common, url: url.trim() };
      }
      await evidenceApi.create(input);
      onAdded();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const errors = fieldErrors(error);
  const formError = error !== undefined && Object.keys(errors).length === 0 ? errorMessage(error) : undefined;
  return (
    <Dialog
      title={t("systems.evidence.title")}
      onClose={onClose}
      testId="evidence-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form="evidence-form" className="button button--primary" disabled={!ready || busy} data-testid="evidence-save">
            {busy ? t("common.working") : t("systems.evidence.save")}
          </button>
        </>
      }
    >
      <form id="evidence-form" className="form" onSubmit={submit} noValidate>
        <p className="dialog-message">{t("systems.evidence.for", { requirement: plainText(item.requirement.label, lang) })}</p>
        {formError && <Notice kind="error">{formError}</Notice>}
        <div className="segmented" role="radiogroup" aria-label={t("systems.evidence.kind")}>
          {(["file", "link"] as const).map((k) => (
            <label key={k} className={kind === k ? "segmented__option segmented__option--active" : "segmented__option"}>
              <input type="radio" name="evidence-kind" className="visually-hidden" checked={kind === k} onChange={() => setKind(k)} />
              {t(`systems.evidence.kind.${k}`)}
            </label>
          ))}
        </div>
        {kind === "file" ? (
          <Field label={t("systems.evidence.file")} hint={t("systems.evidence.fileHint")} error={errors["file.sha256"] ?? errors.file}>
            <input
              type="file"
              className="input"
              onChange={(e) => {
                const picked = e.target.files?.[0];
                setFile(picked);
                if (picked && !title.trim()) setTitle(picked.name);
              }}
              data-testid="evidence-file"
            />
          </Field>
        ) : (
          <Field label={t("systems.evidence.url")} error={errors.url}>
            <input type="url" className="input" value={url} onChange={(e) => setUrl(e.target.value)} placeholder={t("systems.evidence.urlPlaceholder")} data-testid="evidence-url" />
          </Field>
        )}
        <Field label={t("systems.evidence.titleField")} error={errors.title}>
          <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} data-testid="evidence-title" />
        </Field>
        <Field label={t("systems.evidence.validUntil")} hint={t("systems.evidence.validUntilHint")} error={errors.validUntil} optional>
          <input type="date" className="input" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} />
        </Field>
      </form>
    </Dialog>
  );
}
