import type { HaipReport } from "../../api/disclosures.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { ReportStatusBadge, WordingBadge } from "./Badges.tsx";

/** The report at a glance: status, progress (and how many drafted answers are flagged), roles, path and questionnaire. */
export function ReportOverview({ report }: { report: HaipReport }) {
  const { t, lang, number, day, dateTime } = useI18n();
  const { answered, total, stale } = report.progress;
  const percent = total ? Math.round((answered / total) * 100) : 0;
  return (
    <section className="card haip-overview" aria-labelledby="haip-overview-title" data-testid="haip-overview">
      <h2 id="haip-overview-title" className="visually-hidden">
        {t("disclosures.overview.title")}
      </h2>
      <dl className="facts haip-overview__facts">
        <dt>{t("disclosures.col.status")}</dt>
        <dd>
          <ReportStatusBadge status={report.status} testId="haip-status" />
        </dd>
        <dt>{t("disclosures.col.period")}</dt>
        <dd>{t("disclosures.period", { start: day(report.period.start), end: day(report.period.end) })}</dd>
        <dt>{t("disclosures.overview.progress")}</dt>
        <dd data-testid="haip-progress">
          <progress className="haip-progress" max={total || 1} value={answered} aria-label={t("disclosures.overview.progress")} />
          <span>{t("disclosures.overview.answered", { answered: number(answered), total: number(total), percent: number(percent) })}</span>
          {stale > 0 && (
            <span className="tag haip-source__changed" data-testid="haip-stale-count">
              {t("disclosures.overview.stale", { count: number(stale) })}
            </span>
          )}
        </dd>
        <dt>{t("disclosures.overview.roles")}</dt>
        <dd>{report.roles.map((r) => r.label[lang]).join(t("disclosures.listSeparator"))}</dd>
        <dt>{t("disclosures.overview.path")}</dt>
        <dd>{report.path.label[lang]}</dd>
        <dt>{t("disclosures.overview.questionnaire")}</dt>
        <dd>
          {t("disclosures.questionnaire.option", { name: report.questionnaire.name[lang], version: report.questionnaire.version })} <WordingBadge wording={report.questionnaire.wording} />
        </dd>
        <dt>{t("disclosures.col.updated")}</dt>
        <dd>{dateTime(report.updatedAt)}</dd>
      </dl>
    </section>
  );
}

/** The questionnaire's own notes — whose wording the questions are, what is Musubi's reading — shown before any question. */
export function QuestionnaireNotes({ report }: { report: HaipReport }) {
  const { t, lang } = useI18n();
  if (report.questionnaire.notes.length === 0) return null;
  return (
    <section className={report.questionnaire.wording === "musubi" ? "haip-notes haip-notes--musubi" : "haip-notes"} aria-labelledby="haip-notes-title" data-testid="questionnaire-notes">
      <h2 id="haip-notes-title" className="haip-notes__title">
        {t("disclosures.notes.title")}
      </h2>
      <ul className="haip-notes__list">
        {report.questionnaire.notes.map((n, i) => (
          <li key={i}>{n[lang]}</li>
        ))}
      </ul>
    </section>
  );
}
