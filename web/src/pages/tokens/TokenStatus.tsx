import type { TokenView } from "../../api/types.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/** Active, expired, or revoked (with when). */
export function TokenStatus({ token }: { token: TokenView }) {
  const { t, dateTime } = useI18n();
  if (token.revokedAt) {
    return <span className="status status--disabled">{t("tokens.status.revoked", { date: dateTime(token.revokedAt, "date") })}</span>;
  }
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= Date.now()) {
    return <span className="status status--warning">{t("tokens.status.expired")}</span>;
  }
  return <span className="status status--active">{t("tokens.status.active")}</span>;
}
