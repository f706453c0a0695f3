import { useI18n } from "../../i18n/I18nProvider.tsx";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, SIGNED_TEXT } from "./webhook-help.ts";

/** How a receiver checks a delivery: the signature header, what it signs, and the delivery id to deduplicate on. */
export function SignatureHelp() {
  const { t } = useI18n();
  return (
    <section className="card signature-help" aria-labelledby="signature-help-title" data-testid="webhook-signature-help">
      <h2 id="signature-help-title" className="card__title">
        {t("webhooks.help.title")}
      </h2>
      <p>{t("webhooks.help.intro")}</p>
      <pre className="signature-help__code">
        <code>{SIGNATURE_HEADER}</code>
      </pre>
      <p>{t("webhooks.help.verify")}</p>
      <pre className="signature-help__code">
        <code>{SIGNED_TEXT}</code>
      </pre>
      <p>{t("webhooks.help.replay")}</p>
      <pre className="signature-help__code">
        <code>{DELIVERY_HEADER}</code>
        {"\n"}
        <code>{EVENT_HEADER}</code>
      </pre>
      <p>{t("webhooks.help.dedupe")}</p>
      <p className="muted">{t("webhooks.help.retries")}</p>
    </section>
  );
}
