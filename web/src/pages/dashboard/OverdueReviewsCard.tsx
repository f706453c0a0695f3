import type { DashboardView } from "../../api/compliance.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { drill } from "./drill.ts";

/** Systems whose next review date has passed: the count, the first few, and the link to all of them. */
export function OverdueReviewsCard({ overdue }: { overdue: DashboardView["overdueReviews"] }) {
  const { t, lang, number, day } = useI18n();
  return (
    <section className="card dashboard__section" aria-labelledby="overdue-title" data-testid="overdue-reviews">
      <h2 id="overdue-title" className="card__title dashboard__card-title">
        {t("dashboard.overdue.title")}
        <Link to={drill.systems({ reviewOverdue: true })} className={overdue.count > 0 ? "count-badge count-badge--upcoming" : "count-badge count-badge--muted"} data-testid="overdue-count">
          {number(overdue.count)}
        </Link>
      </h2>
      {overdue.items.length === 0 ? (
        <p className="muted">{t("dashboard.overdue.none")}</p>
      ) : (
        <ul className="dashboard__list">
          {overdue.items.map((s) => (
            <li key={s.id}>
              <Link to={drill.system(s.id)} className="dashboard__list-link">
                <span className="table__mono">{s.code}</span> {lang === "ja" ? s.nameJa : s.nameEn}
              </Link>
              {s.nextReviewAt && <span className="date-badge date-badge--upcoming">{t("dashboard.overdue.due", { date: day(s.nextReviewAt.slice(0, 10)) })}</span>}
            </li>
          ))}
        </ul>
      )}
      {overdue.count > overdue.items.length && (
        <p className="card__hint">
          <Link to={drill.systems({ reviewOverdue: true })}>{t("dashboard.seeAll", { count: number(overdue.count) })}</Link>
        </p>
      )}
    </section>
  );
}
