import { useI18n } from "../../i18n/I18nProvider.tsx";
import { publicUrl } from "./disclosure-paths.ts";

/** A page of the signed-out trust page, by its full address (to copy and share), opened in a new tab. */
export function PublicLink({ path, label }: { path: string; label?: string }) {
  const { t } = useI18n();
  const url = publicUrl(window.location.origin, path);
  return (
    <a className="public-link" href={path} target="_blank" rel="noopener" data-testid="public-link">
      {label ?? url}
      <span className="visually-hidden">{t("disclosures.newTab")}</span>
    </a>
  );
}
