import { useI18n } from "../../i18n/I18nProvider.tsx";
import "./library-own.css";

/**
 * 「自社」: marks a framework the organisation wrote itself wherever the library lists one, so
 * nobody takes it for a text Musubi ships.
 */
export function OwnBadge() {
  const { t } = useI18n();
  return (
    <span className="own-badge" title={t("libraryOwn.badgeHint")} data-testid="own-badge">
      {t("libraryOwn.badge")}
    </span>
  );
}
