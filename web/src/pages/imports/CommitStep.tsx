import { useEffect, useState } from "react";
import { Notice } from "../../components/Notice.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { ErrorTable } from "./ErrorTable.tsx";
import { ProblemsDownload } from "./ProblemsDownload.tsx";
import { isFinished, progressPercent } from "./import-model.ts";
import type { ImportTarget, WizardJob } from "./import-targets.ts";

const POLL_MS = 500;

/** Step 4: the import running in the background, polled about twice a second until it has finished. */
export function CommitStep({ target, job: started, onRestart }: { target: ImportTarget; job: WizardJob; onRestart(): void }) {
  const { t, number, errorMessage } = useI18n();
  const [job, setJob] = useState(started);
  const [pollError, setPollError] = useState<unknown>();

  useEffect(() => {
    if (isFinished(job)) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      target.calls
        .get(job.id, controller.signal)
        .then((next) => {
          setPollError(undefined);
          setJob(next);
        })
        .catch((err: unknown) => {
          if (controller.signal.aborted) return;
          setPollError(err);
          setJob((j) => ({ ...j }));
        });
    }, POLL_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [job, target]);

  const percent = progressPercent(job);
  return (
    <section className="card import-step" data-testid="import-commit-step" data-status={job.status}>
      <h2 className="card__title">{t(`imports.status.${job.status}`)}</h2>
      {!isFinished(job) && (
        <>
          <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={t("imports.progress")}>
            <div className="progress__bar" style={{ width: `${percent}%` }} />
          </div>
          {job.progress && (
            <p className="muted">{t(`imports.phase.${job.progress.phase}`, { done: number(job.progress.done), total: number(job.progress.total) })}</p>
          )}
        </>
      )}
      {pollError !== undefined && <Notice kind="warning">{errorMessage(pollError)}</Notice>}
      {job.status === "committed" && (
        <Notice kind="success" testId="import-done">
          {t(target.words.done, { count: number(job.imported) })}
          {job.report && job.report.invalid > 0 && ` ${t("imports.skipped", { count: number(job.report.invalid) })}`}
          {job.report?.unchanged !== undefined && job.report.unchanged > 0 && ` ${t("incidentImports.unchangedDone", { count: number(job.report.unchanged) })}`}
          {job.report?.skippedLines && job.report.skippedLines.length > 0 && (
            <p data-testid="import-skipped-lines">
              {t("imports.skippedLines", { lines: job.report.skippedLines.map((l) => number(l)).join(t("imports.separator")) })}
              {job.report.invalid > job.report.skippedLines.length && ` ${t("imports.skippedMore")}`}
            </p>
          )}
        </Notice>
      )}
      {job.status === "committed" && job.report && (job.report.invalid > 0 || job.report.warningCount > 0) && <ProblemsDownload target={target} jobId={job.id} />}
      {job.status === "failed" && (
        <Notice kind="error">
          {t("imports.failed")}
          {job.report?.failure && <p className="table-state__detail">{job.report.failure}</p>}
        </Notice>
      )}
      {job.status === "failed" && job.report && job.report.errors.length > 0 && <ErrorTable target={target} errors={job.report.errors} />}
      {isFinished(job) && (
        <div className="form__actions">
          <button type="button" className="button" onClick={onRestart}>
            {t("imports.another")}
          </button>
          <Link to={target.finish.to} className="button button--primary" data-testid="import-to-inventory">
            {t(target.finish.label)}
          </Link>
        </div>
      )}
    </section>
  );
}
