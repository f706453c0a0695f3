import { useState } from "react";
import { Notice } from "../../components/Notice.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { rowsToWrite, type ImportTarget, type WizardJob, type WizardPreview, type WizardSettings } from "./import-targets.ts";
import { ErrorTable } from "./ErrorTable.tsx";
import { PreviewSample } from "./PreviewSample.tsx";
import { ProblemsDownload } from "./ProblemsDownload.tsx";
import { ChangesTable } from "./ChangesTable.tsx";

interface PreviewStepProps {
  target: ImportTarget;
  job: WizardJob;
  preview: WizardPreview;
  /** What was checked: the source (reference cases) the replacement notice names. */
  settings: WizardSettings;
  busy: boolean;
  onBack(): void;
  onCommit(skipInvalid: boolean): void;
}

/**
 * Step 3: how many rows are valid, what is wrong with the rest, and the import itself; for a
 * public register also the cases it replaces, and no question about invalid rows (they are always left out).
 */
export function PreviewStep({ target, job, preview, settings, busy, onBack, onCommit }: PreviewStepProps) {
  const { t, number } = useI18n();
  const [chosen, setChosen] = useState(false);
  const skipInvalid = target.leavesOutInvalid || chosen;
  // With an upsert key, rows that match a system exactly have nothing to write; rows an earlier
  // incident import brought in (same id) neither.
  const writing = rowsToWrite(preview);
  const allowed = writing > 0 && (preview.invalid === 0 || skipInvalid);
  const replaces = preview.replaces ?? 0;
  return (
    <section className="card import-step" data-testid="import-preview-step">
      <h2 className="card__title">{t("imports.preview.title", { file: job.fileName })}</h2>
      <div className="import-counts">
        <div className="import-counts__item import-counts__item--valid">
          <span className="import-counts__number" data-testid="import-valid">
            {number(preview.valid)}
          </span>
          {t("imports.valid")}
        </div>
        <div className={preview.invalid > 0 ? "import-counts__item import-counts__item--invalid" : "import-counts__item"}>
          <span className="import-counts__number" data-testid="import-invalid">
            {number(preview.invalid)}
          </span>
          {t("imports.invalid")}
        </div>
      </div>
      {preview.upsert && (
        <p className="import-upsert-counts" data-testid="import-upsert-counts">
          {t("imports.upsert.counts", { new: number(preview.upsert.new), changed: number(preview.upsert.changed), unchanged: number(preview.upsert.unchanged) })}
        </p>
      )}
      {preview.unchanged !== undefined && preview.unchanged > 0 && (
        <p className="import-upsert-counts" data-testid="import-unchanged">
          {t("incidentImports.unchanged", { count: number(preview.unchanged) })}
        </p>
      )}
      {target.words.replaces && replaces > 0 && (
        <Notice kind="warning" testId="import-replaces">
          {t(target.words.replaces, { count: number(replaces), source: settings.source?.name.trim() ?? "" })}
        </Notice>
      )}
      {preview.created && (
        <div className="import-created" data-testid="import-created">
          {preview.created.departments.length > 0 && <p>{t("imports.created.departments", { count: number(preview.created.departments.length), list: preview.created.departments.map((d) => `${d.name} (${d.code})`).join(t("imports.separator")) })}</p>}
          {preview.created.owners.length > 0 && <p>{t("imports.created.owners", { count: number(preview.created.owners.length), list: preview.created.owners.join(t("imports.separator")) })}</p>}
        </div>
      )}
      {preview.changes && preview.changes.length > 0 && (
        <>
          <h3 className="card__subtitle">{t("imports.changes.title")}</h3>
          <ChangesTable target={target} changes={preview.changes} />
        </>
      )}
      {preview.errors.length > 0 && (
        <>
          <h3 className="card__subtitle">{t("imports.errors")}</h3>
          {preview.truncated && <p className="muted">{t("imports.errorsTruncated", { shown: number(preview.errors.length) })}</p>}
          <ErrorTable target={target} errors={preview.errors} />
        </>
      )}
      {preview.warningCount > 0 && (
        <>
          <h3 className="card__subtitle">{t("imports.warnings", { count: number(preview.warningCount) })}</h3>
          <p className="muted">{t("imports.warningsHint")}</p>
          <ErrorTable target={target} errors={preview.warnings} testId="import-warnings" />
        </>
      )}
      {(preview.errors.length > 0 || preview.warningCount > 0) && <ProblemsDownload target={target} jobId={job.id} />}
      {preview.sample.length > 0 && (
        <>
          <h3 className="card__subtitle">{t("imports.sampleTitle")}</h3>
          <PreviewSample target={target} sample={preview.sample} />
        </>
      )}
      {preview.invalid > 0 && target.leavesOutInvalid && (
        <p className="field__hint" data-testid="import-left-out">
          {t("imports.leftOut", { count: number(preview.invalid) })}
        </p>
      )}
      {preview.invalid > 0 && !target.leavesOutInvalid && (
        <label className="checkbox import-step__skip">
          <input type="checkbox" checked={chosen} onChange={(e) => setChosen(e.target.checked)} data-testid="import-skip-invalid" />
          {t("imports.skipInvalid")}
        </label>
      )}
      {!allowed && preview.valid > 0 && preview.invalid > 0 && <p className="field__hint">{t("imports.fixOrSkip")}</p>}
      <div className="form__actions">
        <button type="button" className="button" onClick={onBack}>
          {t("imports.backToMapping")}
        </button>
        <button type="button" className="button button--primary" disabled={!allowed || busy} onClick={() => onCommit(skipInvalid)} data-testid="import-commit">
          {busy ? t("common.working") : preview.upsert ? t("imports.commitUpsert", { new: number(preview.upsert.new), changed: number(preview.upsert.changed) }) : t(target.words.commit, { count: number(writing) })}
        </button>
      </div>
    </section>
  );
}
