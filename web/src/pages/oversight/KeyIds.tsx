import type { ConnectionView } from "../../api/exchange.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";

/**
 * The counterpart's key ids (RFC 7638 thumbprints) to compare by telephone or letter before
 * trusting a registration; a retired key says so.
 */
export function KeyIds({ keys }: { keys: ConnectionView["counterpartKeys"] }) {
  const { t, dateTime } = useI18n();
  if (keys.length === 0) return <span className="muted">{t("oversight.none")}</span>;
  return (
    <ul className="plain-list key-ids" data-testid="key-ids">
      {keys.map((k) => (
        <li key={k.kid}>
          <code className="key-id" lang="zxx" translate="no">
            {k.kid}
          </code>
          {k.retiredAt && <span className="muted"> {t("oversight.registrations.retired", { at: dateTime(k.retiredAt, "date") })}</span>}
        </li>
      ))}
    </ul>
  );
}
