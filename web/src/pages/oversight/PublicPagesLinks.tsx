import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { publicRegisterPath, publicReportFormPath } from "./oversight-paths.ts";

/**
 * The authority's own public pages, signed out, as the public sees them: its register of
 * publications and its form for reports of harm. Opened in a new tab, outside the app.
 */
export function PublicPagesLinks() {
  const { t } = useI18n();
  const { session } = useSignedIn();
  const slug = session.organization.slug;
  return (
    <p className="public-links" data-testid="public-pages">
      <span className="muted">{t("oversight.publicPages.lead")}</span>
      <a href={publicRegisterPath(slug)} target="_blank" rel="noopener" data-testid="public-register-link">
        {t("oversight.publicPages.register")}
      </a>
      <a href={publicReportFormPath(slug)} target="_blank" rel="noopener" data-testid="public-report-form-link">
        {t("oversight.publicPages.reportForm")}
      </a>
    </p>
  );
}
