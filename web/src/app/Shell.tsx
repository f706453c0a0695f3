import { useEffect } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { ErrorPage } from "../pages/errors/ErrorPage.tsx";
import { usePath } from "../router/router.tsx";
import { useSignedIn } from "../session/SessionProvider.tsx";
import { Header } from "./Header.tsx";
import { Nav } from "./Nav.tsx";
import { findRoute } from "./routes.ts";
import "./shell.css";

/** The signed-in frame: header, left navigation and the current page. */
export function Shell() {
  const { t } = useI18n();
  const { can } = useSignedIn();
  const route = findRoute(usePath());
  const title = route ? `${t(route.label)} | ${t("app.name")}` : t("app.name");
  useEffect(() => {
    document.title = title;
  }, [title]);
  let page;
  if (!route) page = <ErrorPage kind="notFound" />;
  else if (!can(route.permission)) page = <ErrorPage kind="forbidden" />;
  else page = <route.component key={route.path} />;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <Header />
      <div className="shell__body">
        <aside className="sidebar">
          <Nav />
        </aside>
        <main id="main" className="content" tabIndex={-1}>
          {page}
        </main>
      </div>
    </div>
  );
}
