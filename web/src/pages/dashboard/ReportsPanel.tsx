import { useEffect, useState, type FormEvent } from "react";
import type { DashboardView } from "../../api/compliance.ts";
import { reportsApi, type ReportFormat, type ReportJob, type ReportKind } from "../../api/reports.ts";
import type { Locale } from "../../api/types.ts";
import { Field } from "../../components/Field.tsx";
import { Notice } from "../../components/Notice.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** How often the panel asks for a running job's progress. */
const POLL_MS = 1000;

/**
 * The dashboard's "Reports" panel: choose the board report (with its period) or a framework's
 * compliance report, a format and a language, and start it. The report is written by a job on the
 * server; the panel polls its progress and offers the file once it is done.
 */
export function ReportsPanel({ frameworks }: { frameworks: DashboardView["frameworks"] }) {
  const { t, lang, errorMessage } = useI18n();
  const [kind, setKind] = useState<ReportKind>("board");
  const [framework, setFramework] = useState(frameworks[0]?.framework ?? "");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [format, setFormat] = useState<ReportFormat>("pdf");
  const [reportLang, setReportLang] = useState<Locale>(lang);
  const [job, setJob] = useState<ReportJob | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const running = job !== null && (job.status === "queued" || job.status === "running");

  useEffect(() => {
    if (!job || !running) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      reportsApi.job(job.id, controller.signal).then(setJob, (err: unknown) => {
        if (!(err instanceof DOMException && err.name === "AbortError")) setError(err);
      });
    }, POLL_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [job, running]);

  const start = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setStarting(true);
    try {
      const params = kind === "compliance" ? { framework } : { ...(from && { from }), ...(to && { to }) };
      setJob(await reportsApi.start({ kind, params, format: kind === "system-cards" ? "jsonl" : format, lang: reportLang }));
    } catch (err) {
      setError(err);
    } finally {
      setStarting(false);
    }
  };

  const noFramework = kind === "compliance" && frameworks.length === 0;
  return (
    <section className="card dashboard__section" aria-labelledby="reports-title" data-testid="reports-panel">
      <h2 id="reports-title" className="card__title">{t("reports.title")}</h2>
      <p className="card__hint">{t("reports.hint")}</p>
      <form className="form" onSubmit={start} noValidate>
        <div className="form__row">
          <Field label={t("reports.kind")}>
            <select className="input" value={kind} onChange={(e) => setKind(e.target.value as ReportKind)} data-testid="reports-kind">
              <option value="board">{t("reports.kind.board")}</option>
              <option value="compliance">{t("reports.kind.compliance")}</option>
              <option value="system-cards">{t("reports.kind.systemCards")}</option>
            </select>
          </Field>
          {kind === "compliance" && frameworks.length > 0 && (
            <Field label={t("reports.framework")}>
              <select className="input" value={framework} onChange={(e) => setFramework(e.target.value)} data-testid="reports-framework">
                {frameworks.map((f) => (
                  <option key={f.framework} value={f.framework}>
                    {(lang === "ja" ? (f.name.ja ?? f.name.en) : (f.name.en ?? f.name.ja)) ?? ""}
                  </option>
                ))}
              </select>
            </Field>
          )}
        </div>
        {kind === "board" && (
          <div className="form__row">
            <Field label={t("reports.from")} hint={t("reports.periodHint")} optional>
              <input className="input" type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="reports-from" />
            </Field>
            <Field label={t("reports.to")} optional>
              <input className="input" type="date" min={from || undefined} value={to} onChange={(e) => setTo(e.target.value)} data-testid="reports-to" />
            </Field>
          </div>
        )}
        {kind === "system-cards" && <p className="muted">{t("reports.systemCardsHint")}</p>}
        <div className="form__row">
          {kind !== "system-cards" && (
            <Field label={t("reports.format")}>
              <select className="input" value={format} onChange={(e) => setFormat(e.target.value as ReportFormat)} data-testid="reports-format">
                <option value="pdf">{t("reports.format.pdf")}</option>
                <option value="xlsx">{t("reports.format.xlsx")}</option>
              </select>
            </Field>
          )}
          {kind !== "system-cards" && (
            <Field label={t("reports.lang")}>
              <select className="input" value={reportLang} onChange={(e) => setReportLang(e.target.value as Locale)} data-testid="reports-lang">
                <option value="ja">{t("reports.lang.ja")}</option>
                <option value="en">{t("reports.lang.en")}</option>
              </select>
            </Field>
          )}
        </div>
        {noFramework && <p className="muted">{t("reports.noFrameworks")}</p>}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={starting || running || noFramework} data-testid="reports-start">
            {starting ? t("reports.starting") : t("reports.start")}
          </button>
        </div>
      </form>
      {error !== null && <Notice kind="error">{errorMessage(error)}</Notice>}
      {job && running && (
        <div role="status" aria-live="polite" data-testid="reports-progress">
          <progress max={job.progress.total} value={job.progress.done} />{" "}
          {t("reports.progress", { done: job.progress.done, total: job.progress.total, stage: job.progress.label[lang] })}
        </div>
      )}
      {job?.status === "done" && job.file && (
        <Notice kind="success">
          {t("reports.done")}{" "}
          <a href={job.file.href} download data-testid="reports-download">
            {t("reports.download", { format: t(job.format === "pdf" ? "reports.format.pdf" : job.format === "jsonl" ? "reports.format.jsonl" : "reports.format.xlsx") })}
          </a>
        </Notice>
      )}
      {job?.status === "failed" && job.error && <Notice kind="error">{t("reports.failed", { message: job.error.message[lang] })}</Notice>}
    </section>
  );
}
