import { LanguageSwitch } from "../components/LanguageSwitch.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { Link } from "../router/router.tsx";
import { useSignedIn } from "../session/SessionProvider.tsx";
import { BrandMark } from "./BrandMark.tsx";
import { NotificationsBell } from "./NotificationsBell.tsx";
import { orgName } from "./orgName.ts";
import { UserMenu } from "./UserMenu.tsx";

/** Brand and organisation on the left; language, notifications and the user menu on the right. */
export function Header() {
  const { t, lang } = useI18n();
  const { session } = useSignedIn();
  return (
    <header className="topbar">
      <Link to="/" className="topbar__brand">
        <BrandMark />
        <span className="topbar__product">{t("app.name")}</span>
      </Link>
      <span className="topbar__divider" aria-hidden="true" />
      <span className="topbar__org" data-testid="header-org-name">
        {orgName(session.organization, lang)}
      </span>
      <div className="topbar__spacer" />
      <LanguageSwitch />
      <NotificationsBell />
      <UserMenu />
    </header>
  );
}
