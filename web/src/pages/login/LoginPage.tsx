import { useEffect, useState, type FormEvent } from "react";
import { BrandMark } from "../../app/BrandMark.tsx";
import { LanguageSwitch } from "../../components/LanguageSwitch.tsx";
import { Field } from "../../components/Field.tsx";
import { Notice } from "../../components/Notice.tsx";
import { fieldErrors } from "../../hooks/fieldErrors.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSession } from "../../session/SessionProvider.tsx";
import "./login.css";

/** E-mail and password; the API's own (localized) message on failure, including the rate limit. */
export function LoginPage({ notice }: { notice?: "ended" | "signedOut" | undefined }) {
  const { t, errorMessage } = useI18n();
  const { signIn } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(email.trim(), password);
    } catch (err) {
      setError(err);
      setPassword("");
      setBusy(false);
    }
  };

  const errors = fieldErrors(error);
  const title = `${t("login.title")} | ${t("app.name")}`;
  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <div className="login">
      <div className="login__lang">
        <LanguageSwitch />
      </div>
      <main className="login__card">
        <div className="login__brand">
          <BrandMark size={40} />
          <div>
            <p className="login__product">{t("app.name")}</p>
            <p className="login__tagline">{t("app.tagline")}</p>
          </div>
        </div>
        <h1 className="login__title">{t("login.title")}</h1>
        <p className="login__subtitle">{t("login.subtitle")}</p>
        {notice && error === undefined && (
          <Notice kind="info">{t(notice === "ended" ? "login.sessionEnded" : "login.signedOut")}</Notice>
        )}
        {error !== undefined && (
          <Notice kind="error" testId="login-error">
            {errorMessage(error)}
          </Notice>
        )}
        <form onSubmit={submit} className="form" noValidate>
          <Field label={t("login.email")} error={errors.email}>
            <input
              className="input"
              type="email"
              name="email"
              autoComplete="username"
              autoFocus
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </Field>
          <Field label={t("login.password")} error={errors.password}>
            <input
              className="input"
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>
          <button type="submit" className="button button--primary button--block" disabled={busy} data-testid="login-submit">
            {busy ? t("login.submitting") : t("login.submit")}
          </button>
        </form>
      </main>
      <p className="login__footer">{t("login.footer")}</p>
    </div>
  );
}
