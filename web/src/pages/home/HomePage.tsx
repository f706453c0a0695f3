import { orgName } from "../../app/orgName.ts";
import { APP_ROUTES } from "../../app/routes.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";
import { DashboardSummary } from "../dashboard/DashboardSummary.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import "./home.css";

/** A short welcome: who you are, where, and the pages your role opens. */
export function HomePage() {
  const { t, lang, dateTime } = useI18n();
  const { session, can } = useSignedIn();
  const org = orgName(session.organization, lang);
  const role = t(`role.${session.user.role}`);
  const shortcuts = APP_ROUTES.filter((r) => r.description && can(r.permission));

  return (
    <div className="home" data-testid="page-home">
      <section className="home__welcome">
        <h1>{t("home.welcome", { name: session.user.displayName })}</h1>
        <p>{t("home.intro", { org, role })}</p>
        <dl className="home__facts">
          <div>
            <dt>{t("home.organization")}</dt>
            <dd>{org}</dd>
          </div>
          <div>
            <dt>{t("home.role")}</dt>
            <dd>
              <span className={`role-badge role-badge--${session.user.role}`}>{role}</span>
            </dd>
          </div>
          {session.expiresAt && (
            <div>
              <dt>{t("home.sessionExpires")}</dt>
              <dd>{dateTime(session.expiresAt)}</dd>
            </div>
          )}
        </dl>
      </section>
      {can("dashboard.read") && <DashboardSummary />}
      <h2 className="home__heading">{t("home.shortcuts")}</h2>
      <ul className="home__cards">
        {shortcuts.map((r) => (
          <li key={r.path}>
            <Link to={r.path} className="home__card">
              <span className="home__card-title">{t(r.label)}</span>
              {r.description && <span className="home__card-desc">{t(r.description)}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
