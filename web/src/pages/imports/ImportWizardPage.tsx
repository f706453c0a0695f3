import { useState } from "react";
import { ApiError } from "../../api/client.ts";
import { Notice } from "../../components/Notice.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { CommitStep } from "./CommitStep.tsx";
import { initialSettings, readingOf } from "./import-model.ts";
import { INCIDENT_IMPORT, REFERENCE_IMPORT, SYSTEM_IMPORT, type ImportTarget, type WizardJob, type WizardPreview, type WizardReport, type WizardSettings } from "./import-targets.ts";
import { MappingStep } from "./MappingStep.tsx";
import { PreviewStep } from "./PreviewStep.tsx";
import { UploadStep } from "./UploadStep.tsx";
import "./imports.css";

type Step = "upload" | "map" | "preview" | "commit";

/** The server's own sentence about the file (`details.message`): which limit it exceeds, or what is wrong with it. */
function fileProblem(error: unknown, lang: "en" | "ja"): string | undefined {
  if (!(error instanceof ApiError) || error.details === null || typeof error.details !== "object") return undefined;
  return (error.details as { message?: Partial<Record<"en" | "ja", string>> }).message?.[lang];
}
const STEPS: readonly Step[] = ["upload", "map", "preview", "commit"];

/** 取込み of the inventory: AI systems from a register, at /systems/import. */
export function ImportWizardPage() {
  return <ImportWizard target={SYSTEM_IMPORT} />;
}

/** 取込み of the incident register, at /incidents/import. */
export function IncidentImportPage() {
  return <ImportWizard target={INCIDENT_IMPORT} />;
}

/** 取込み of a public incident register as this organisation's reference cases of a named source, at /incidents/reference/import. */
export function ReferenceImportPage() {
  return <ImportWizard target={REFERENCE_IMPORT} />;
}

/**
 * 取込み: a register (CSV in UTF-8 or Shift_JIS, Excel or JSON) in four steps — upload, map its
 * columns, preview the row-level errors, then import with a progress bar — for one import target.
 */
export function ImportWizard({ target }: { target: ImportTarget }) {
  const { t, lang, errorMessage } = useI18n();
  const api = target.calls;
  const [job, setJob] = useState<WizardJob>();
  const [running, setRunning] = useState<WizardJob>();
  const [settings, setSettings] = useState<WizardSettings>();
  const [preview, setPreview] = useState<WizardPreview>();
  const [step, setStep] = useState<Step>("upload");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [refused, setRefused] = useState<WizardReport>();

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const uploaded = (next: WizardJob) => {
    setJob(next);
    setSettings(initialSettings(next));
    setPreview(undefined);
    setStep("map");
  };
  /** A new encoding, sheet or header row changes the columns: read the file again and re-suggest the mapping. */
  const changeSettings = (next: WizardSettings) => {
    if (!job || !settings) return;
    const reading = readingOf(next);
    if (JSON.stringify(reading) === JSON.stringify(readingOf(settings))) {
      setSettings(next);
      return;
    }
    void run(async () => {
      const reread = await api.read(job.id, reading);
      setJob(reread);
      // Columns the file still has keep their mapping, translations and split rules; with none left,
      // the suggestions for the new columns. What is done with the rows (upsert, creation) stays.
      const kept = next.mapping.filter((m) => reread.headers?.includes(m.column));
      setSettings({ ...next, ...initialSettings(reread), ...reading, ...(kept.length > 0 && { mapping: kept }) });
    });
  };
  const runPreview = () =>
    run(async () => {
      if (!job || !settings) return;
      setPreview(await api.preview(job.id, settings));
      setRefused(undefined);
      setStep("preview");
    });
  const commit = (skipInvalid: boolean) =>
    run(async () => {
      if (!job || !settings) return;
      try {
        setRunning(await api.commit(job.id, settings, skipInvalid));
        setStep("commit");
      } catch (err) {
        if (err instanceof ApiError && err.code === "import_has_errors") setRefused(err.details as WizardReport);
        throw err;
      }
    });

  return (
    <div className="import-wizard" data-testid={target.pageTestId}>
      <nav className="breadcrumb" aria-label={t(target.words.breadcrumb)}>
        <Link to={target.back.to}>{t(target.back.label)}</Link>
      </nav>
      <PageHeader title={t(target.words.title)} subtitle={t(target.words.subtitle)} />
      <ol className="wizard-steps" aria-label={t("imports.steps")}>
        {STEPS.map((s, i) => (
          <li key={s} className={s === step ? "wizard-steps__step wizard-steps__step--current" : i < STEPS.indexOf(step) ? "wizard-steps__step wizard-steps__step--done" : "wizard-steps__step"} aria-current={s === step ? "step" : undefined}>
            <span className="wizard-steps__number">{i + 1}</span>
            {t(`imports.step.${s}`)}
          </li>
        ))}
      </ol>
      {error !== undefined && (
        <Notice kind="error" onDismiss={() => setError(undefined)} testId="import-error">
          {errorMessage(error)}
          {fileProblem(error, lang) !== undefined && <div data-testid="import-error-detail">{fileProblem(error, lang)}</div>}
        </Notice>
      )}
      {step === "upload" && <UploadStep target={target} busy={busy} onUploaded={uploaded} onError={setError} onBusy={setBusy} />}
      {step === "map" && job && settings && (
        <MappingStep target={target} job={job} settings={settings} busy={busy} onChange={changeSettings} onPreview={runPreview} onRestart={() => setStep("upload")} />
      )}
      {step === "preview" && job && preview && settings && (
        <PreviewStep target={target} job={job} preview={refused ? { ...preview, ...refused } : preview} settings={settings} busy={busy} onBack={() => setStep("map")} onCommit={commit} />
      )}
      {step === "commit" && running && <CommitStep target={target} job={running} onRestart={() => setStep("upload")} />}
    </div>
  );
}
