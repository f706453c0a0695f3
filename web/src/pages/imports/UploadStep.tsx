import { useRef, useState, type DragEvent } from "react";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useUploadAuth } from "../systems/useUploadAuth.ts";
import type { ImportTarget, WizardJob } from "./import-targets.ts";

interface UploadStepProps {
  target: ImportTarget;
  busy: boolean;
  onUploaded(job: WizardJob): void;
  onError(error: unknown): void;
  onBusy(busy: boolean): void;
}

/** Step 1: drop a CSV, .xlsx or JSON file here, or choose one; the server detects its encoding, sheet and header row. */
export function UploadStep({ target, busy, onUploaded, onError, onBusy }: UploadStepProps) {
  const { t } = useI18n();
  const auth = useUploadAuth();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const send = async (file: File | undefined) => {
    if (!file) return;
    onBusy(true);
    onError(undefined);
    try {
      onUploaded(await target.calls.upload(file, auth));
    } catch (err) {
      onError(err);
    } finally {
      onBusy(false);
      if (input.current) input.current.value = "";
    }
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void send(e.dataTransfer.files[0]);
  };

  return (
    <section className="card">
      <div
        className={over ? "drop-zone drop-zone--over" : "drop-zone"}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        data-testid="drop-zone"
      >
        <p className="drop-zone__title">{busy ? t("imports.uploading") : t("imports.drop")}</p>
        <p className="drop-zone__hint">{t(target.words.formats)}</p>
        <button type="button" className="button button--primary" disabled={busy} onClick={() => input.current?.click()}>
          {t("imports.choose")}
        </button>
        <input
          ref={input}
          type="file"
          className="visually-hidden"
          accept=".csv,.xlsx,.json,.jsonl,.ndjson,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t("imports.choose")}
          onChange={(e) => void send(e.target.files?.[0])}
          data-testid="import-file"
        />
      </div>
      <p className="card__hint">{t(target.words.uploadHint)}</p>
    </section>
  );
}
