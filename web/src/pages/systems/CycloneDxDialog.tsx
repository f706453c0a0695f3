import { useState } from "react";
import { ApiError } from "../../api/client.ts";
import { systemsApi, type BomPreview, type SystemView } from "../../api/systems.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { Notice } from "../../components/Notice.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";

interface CycloneDxDialogProps {
  system: SystemView;
  onClose(): void;
  onImported(system: SystemView): void;
}

/** The formats' own names, the same in every language. */
const BOM_FORMAT_NAMES = { cyclonedx: "CycloneDX", spdx: "SPDX" } as const;

/** モデルをBOMから取込み: pick a CycloneDX or SPDX 3.0 JSON BOM, see the models and datasets the server reads from it, then add them. */
export function CycloneDxDialog({ system, onClose, onImported }: CycloneDxDialogProps) {
  const { t, number, errorMessage } = useI18n();
  const [bom, setBom] = useState<unknown>();
  const [preview, setPreview] = useState<BomPreview>();
  const [error, setError] = useState<unknown>();
  const [notJson, setNotJson] = useState(false);
  const [busy, setBusy] = useState(false);

  const read = async (file: File | undefined) => {
    setPreview(undefined);
    setError(undefined);
    setNotJson(false);
    if (!file) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      return setNotJson(true);
    }
    setBusy(true);
    try {
      setPreview(await systemsApi.previewBom(system.id, parsed));
      setBom(parsed);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const add = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onImported((await systemsApi.importBom(system.id, bom, system.version)).system);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const empty = preview !== undefined && preview.models.length + preview.datasets.length === 0;
  const details = error instanceof ApiError && Array.isArray(error.details) ? error.fieldIssues : [];
  return (
    <Dialog
      title={t("systems.bom.title")}
      onClose={onClose}
      testId="bom-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="button" className="button button--primary" disabled={!preview || empty || busy} onClick={() => void add()} data-testid="bom-add">
            {busy ? t("common.working") : t("systems.bom.add")}
          </button>
        </>
      }
    >
      <div className="form">
        <p className="dialog-message">{t("systems.bom.intro")}</p>
        <label className="field">
          <span className="field__label">{t("systems.bom.file")}</span>
          <input type="file" accept=".json,.jsonld,application/json,application/ld+json,application/vnd.cyclonedx+json,application/spdx+json" onChange={(e) => void read(e.target.files?.[0])} data-testid="bom-file" />
        </label>
        {notJson && <Notice kind="error">{t("systems.bom.unreadable")}</Notice>}
        {error !== undefined && (
          <Notice kind="error">
            {errorMessage(error)}
            {details.length > 0 && (
              <ul className="plain-list">
                {details.slice(0, 10).map((d, i) => (
                  <li key={i}>
                    <code>{d.field}</code> {d.message}
                  </li>
                ))}
              </ul>
            )}
          </Notice>
        )}
        {preview && (
          <div className="bom-preview" data-testid="bom-preview">
            <p className="muted">{t("systems.bom.found", { format: BOM_FORMAT_NAMES[preview.format], version: preview.specVersion, models: number(preview.models.length), datasets: number(preview.datasets.length) })}</p>
            {empty && <Notice kind="warning">{t("systems.bom.nothing")}</Notice>}
            <ImportWarnings warnings={preview.warnings} />
            <BomList title={t("systems.models")} rows={preview.models.map((m) => [m.name, [m.provider, m.version, m.licence].filter(Boolean).join(" · ")])} />
            <BomList title={t("systems.datasets")} rows={preview.datasets.map((d) => [d.name, d.licence ?? ""])} />
          </div>
        )}
      </div>
    </Dialog>
  );
}

/** An importer's warnings, each in the UI's language, as one notice; nothing when there are none. */
export function ImportWarnings({ warnings, testId }: { warnings: { en: string; ja: string }[]; testId?: string }) {
  const { lang } = useI18n();
  if (warnings.length === 0) return null;
  return (
    <Notice kind="warning" {...(testId !== undefined && { testId })}>
      <ul className="plain-list">
        {warnings.map((w, i) => (
          <li key={i}>{w[lang]}</li>
        ))}
      </ul>
    </Notice>
  );
}

function BomList({ title, rows }: { title: string; rows: [string, string][] }) {
  if (rows.length === 0) return null;
  return (
    <>
      <h3 className="card__subtitle">{title}</h3>
      <ul className="plain-list">
        {rows.map(([name, detail], i) => (
          <li key={i}>
            <strong>{name}</strong> <span className="muted">{detail}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
