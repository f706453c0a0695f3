import type { DashboardView } from "../../api/compliance.ts";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { drill } from "./drill.ts";

/** Evidence that has expired or expires within 30 days: counts, the first few, links to the lists. */
export function ExpiringEvidenceCard({ expiring }: { expiring: DashboardView["expiringEvidence"] }) {
  const { t, number, day } = useI18n();
  const soon = expiring.count - expiring.expired;
  return (
    <section className="card dashboard__section" aria-labelledby="expiring-title" data-testid="expiring-evidence">
      <h2 id="expiring-title" className="card__title dashboard__card-title">
        {t("dashboard.evidence.title")}
        <Link to={drill.evidence({ status: "expiring" })} className={soon > 0 ? "count-badge count-badge--upcoming" : "count-badge count-badge--muted"} data-testid="expiring-count">
          {number(soon)}
        </Link>
      </h2>
      <p className="card__lead">
        <Link to={drill.evidence({ status: "expiring" })}>{t("dashboard.evidence.expiring", { count: number(soon) })}</Link>
        {t("dashboard.listSeparator")}
        <Link to={drill.evidence({ status: "expired" })} data-testid="expired-count">
          {t("dashboard.evidence.expired", { count: number(expiring.expired) })}
        </Link>
      </p>
      {expiring.items.length === 0 ? (
        <p className="muted">{t("dashboard.evidence.none")}</p>
      ) : (
        <ul className="dashboard__list">
          {expiring.items.map((e) => (
            <li key={e.id}>
              <Link to={`/evidence?q=${encodeURIComponent(e.title)}`} className="dashboard__list-link">
                {e.title}
              </Link>
              <StatusBadge kind="evidence" status={e.status} />
              {e.validUntil && <span className="date-badge">{t("dashboard.evidence.until", { date: day(e.validUntil.slice(0, 10)) })}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
