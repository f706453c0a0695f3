import { useEffect } from "react";
import { I18nProvider, useI18n } from "../i18n/I18nProvider.tsx";
import { LoginPage } from "../pages/login/LoginPage.tsx";
import { navigate, usePath, useSearch } from "../router/router.tsx";
import { SessionProvider, useSession } from "../session/SessionProvider.tsx";
import { Shell } from "./Shell.tsx";

/** Only same-site paths may follow sign-in (no `//evil.example`). */
function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/login") ? next : "/";
}

function Splash() {
  const { t } = useI18n();
  return (
    <div className="splash" role="status">
      <span className="spinner" aria-hidden="true" />
      {t("app.loading")}
    </div>
  );
}

/** Sign-in when there is no session, the shell when there is; keeps the URL in step with both. */
function Root() {
  const { state } = useSession();
  const { adoptDefault, adoptTimeZone } = useI18n();
  const path = usePath();
  const next = useSearch().get("next");

  const userLocale = state.status === "signedIn" ? state.session.user.locale : undefined;
  useEffect(() => {
    if (userLocale) adoptDefault(userLocale);
  }, [userLocale, adoptDefault]);

  const orgTimeZone = state.status === "signedIn" ? state.session.organization.timeZone : undefined;
  useEffect(() => {
    adoptTimeZone(orgTimeZone);
  }, [orgTimeZone, adoptTimeZone]);

  useEffect(() => {
    if (state.status === "anonymous" && path !== "/login") {
      // After a deliberate sign-out, start afresh; after a lost session, come back to the same page.
      const here = window.location.pathname + window.location.search;
      const keep = state.notice !== "signedOut" && here !== "/";
      navigate(keep ? `/login?next=${encodeURIComponent(here)}` : "/login", { replace: true });
    } else if (state.status === "signedIn" && path === "/login") {
      navigate(safeNext(next), { replace: true });
    }
  }, [state, path, next]);

  if (state.status === "loading") return <Splash />;
  if (state.status === "anonymous") return <LoginPage notice={state.notice} />;
  if (path === "/login") return <Splash />;
  return <Shell />;
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Root />
      </SessionProvider>
    </I18nProvider>
  );
}
