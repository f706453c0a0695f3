import { Suspense, useEffect } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { ErrorPage } from "../pages/errors/ErrorPage.tsx";
import { usePath } from "../router/router.tsx";
import { useScrollRegions } from "../hooks/useScrollRegions.ts";
import { useSignedIn } from "../session/SessionProvider.tsx";
import { Header } from "./Header.tsx";
import { Nav } from "./Nav.tsx";
import { matchRoute } from "./routes.ts";
import "./shell.css";

const mainElement = () => document.getElementById("main");

/** The signed-in frame: header, left navigation and the current page. */
export function Shell() {
  const { t } = useI18n();
  const { can } = useSignedIn();
  const path = usePath();
  const match = matchRoute(path);
  const route = match?.route;
  const title = route ? `${t(route.label)} | ${t("app.name")}` : t("app.name");
  useEffect(() => {
    document.title = title;
  }, [title]);
  useScrollRegions(mainElement);
  let page;
  if (!route) page = <ErrorPage kind="notFound" />;
  else if (!can(route.permission)) page = <ErrorPage kind="forbidden" />;
  // Keyed by the path: another framework or node is a fresh page, not a re-render of the last one.
  else page = <route.component key={path} params={match?.params ?? {}} />;
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
          <Suspense fallback={<p className="muted">{t("common.loading")}</p>}>{page}</Suspense>
        </main>
      </div>
    </div>
  );
}
