import { useEffect, useRef, useState } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { Link } from "../router/router.tsx";
import { useSession, useSignedIn } from "../session/SessionProvider.tsx";

/** The signed-in person (name and role) opening a menu with their account and sign-out. */
export function UserMenu() {
  const { t } = useI18n();
  const { session } = useSignedIn();
  const { signOut } = useSession();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const { user } = session;

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const onSignOut = async () => {
    setBusy(true);
    try {
      await signOut();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="user-menu" ref={root}>
      <button
        type="button"
        className="user-menu__trigger"
        aria-haspopup="true"
        aria-expanded={open}
        data-testid="user-menu"
        onClick={() => setOpen((o) => !o)}
      >
        <span className="user-menu__avatar" aria-hidden="true">
          {user.displayName.slice(0, 1)}
        </span>
        <span className="user-menu__who">
          <span className="user-menu__name" data-testid="header-user-name">
            {user.displayName}
          </span>
          <span className="user-menu__role" data-testid="header-user-role">
            {t(`role.${user.role}`)}
          </span>
        </span>
        {/* The name is what the button shows, then what it opens (WCAG 2.5.3: the visible words are part of the name). */}
        <span className="visually-hidden"> — {t("header.userMenu")}</span>
        <span className="user-menu__caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div className="user-menu__panel">
          <p className="user-menu__email">{user.email}</p>
          <Link to="/account" className="user-menu__item" onClick={() => setOpen(false)}>
            {t("nav.account")}
          </Link>
          <button type="button" className="user-menu__item" onClick={onSignOut} disabled={busy} data-testid="sign-out">
            {busy ? t("header.signingOut") : t("header.signOut")}
          </button>
        </div>
      )}
    </div>
  );
}
