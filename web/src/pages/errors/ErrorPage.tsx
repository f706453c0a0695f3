import { useI18n } from "../../i18n/I18nProvider.tsx";
import { Link } from "../../router/router.tsx";

/** "Page not found" for unknown paths, "No access" for pages the user's role does not open. */
export function ErrorPage({ kind }: { kind: "notFound" | "forbidden" }) {
  const { t } = useI18n();
  return (
    <section className="empty-page" data-testid={`page-${kind}`}>
      <h1>{t(kind === "notFound" ? "notFound.title" : "forbidden.title")}</h1>
      <p>{t(kind === "notFound" ? "notFound.body" : "forbidden.body")}</p>
      <Link to="/" className="button button--primary">
        {t("nav.backHome")}
      </Link>
    </section>
  );
}
