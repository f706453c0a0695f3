import { useI18n } from "../i18n/I18nProvider.tsx";
import { Link, usePath } from "../router/router.tsx";
import { useSignedIn } from "../session/SessionProvider.tsx";
import { APP_ROUTES, findRoute, offersRoute, type AppRoute } from "./routes.ts";

/** The left navigation: only the pages the signed-in user's permissions open (the control tower only in an authority). */
export function Nav() {
  const { t } = useI18n();
  const { can, session } = useSignedIn();
  const found = findRoute(usePath());
  const current = found?.parent ?? found?.path;
  const visible = APP_ROUTES.filter((r) => !r.parent && offersRoute(r, can, session.organization.kind));
  const sections: { key: AppRoute["section"]; title?: string }[] = [
    { key: "main" },
    { key: "oversight", title: t("nav.sectionOversight") },
    { key: "admin", title: t("nav.sectionAdmin") },
    { key: "personal", title: t("nav.sectionPersonal") },
  ];
  return (
    <nav className="nav" aria-label={t("nav.label")}>
      {sections.map(({ key, title }) => {
        const items = visible.filter((r) => r.section === key);
        if (items.length === 0) return null;
        return (
          <div className="nav__section" key={key}>
            {title && <p className="nav__section-title">{title}</p>}
            <ul className="nav__list">
              {items.map((r) => (
                <li key={r.path}>
                  <Link
                    to={r.path}
                    className={r.path === current ? "nav__link nav__link--active" : "nav__link"}
                    aria-current={r.path === current ? "page" : undefined}
                    data-testid={`nav-${r.path === "/" ? "home" : r.path.slice(1)}`}
                  >
                    {t(r.label)}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}
