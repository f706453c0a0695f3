import { useState } from "react";
import { webhooksApi, type WebhookEndpoint } from "../../api/workflow.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { eventLabel } from "./webhook-help.ts";
import { WebhookDeliveries } from "./WebhookDeliveries.tsx";

interface WebhookEndpointCardProps {
  endpoint: WebhookEndpoint;
  onPinged(): void;
  onError(error: unknown): void;
  /** Asks to delete the endpoint; none for people who may not. */
  onDelete: (() => void) | undefined;
}

/** One endpoint: its address, events and secret hint; ping it, see its recent deliveries, delete it. */
export function WebhookEndpointCard({ endpoint, onPinged, onError, onDelete }: WebhookEndpointCardProps) {
  const { t, dateTime } = useI18n();
  const [showDeliveries, setShowDeliveries] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [busy, setBusy] = useState(false);

  const ping = async () => {
    setBusy(true);
    try {
      await webhooksApi.ping(endpoint.id);
      setGeneration((g) => g + 1);
      setShowDeliveries(true);
      onPinged();
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="card webhook" data-testid="webhook-endpoint" data-webhook-id={endpoint.id}>
      <div className="webhook__head">
        <code className="webhook__url" data-testid="webhook-endpoint-url">
          {endpoint.url}
        </code>
        <span className={endpoint.active ? "status status--active" : "status status--disabled"}>{endpoint.active ? t("webhooks.active") : t("webhooks.inactive")}</span>
      </div>
      <dl className="facts webhook__facts">
        <dt>{t("webhooks.field.events")}</dt>
        <dd>
          {endpoint.events.map((e) => (
            <span key={e} className="chip">
              {eventLabel(t, e)} <code>{e}</code>
            </span>
          ))}
        </dd>
        <dt>{t("webhooks.secretHint")}</dt>
        <dd className="table__mono">{endpoint.secretHint}</dd>
        <dt>{t("webhooks.created")}</dt>
        <dd>{dateTime(endpoint.createdAt)}</dd>
      </dl>
      <div className="webhook__actions">
        <button type="button" className="button button--small" disabled={busy} onClick={ping} data-testid="webhook-ping">
          {busy ? t("common.working") : t("webhooks.ping")}
        </button>
        <button type="button" className="button button--small" aria-expanded={showDeliveries} onClick={() => setShowDeliveries((s) => !s)} data-testid="webhook-show-deliveries">
          {showDeliveries ? t("webhooks.hideDeliveries") : t("webhooks.showDeliveries")}
        </button>
        {showDeliveries && (
          <button type="button" className="button button--small" onClick={() => setGeneration((g) => g + 1)}>
            {t("webhooks.refresh")}
          </button>
        )}
        {onDelete && (
          <button type="button" className="button button--small button--danger-outline" onClick={onDelete} data-testid="webhook-delete">
            {t("common.delete")}
          </button>
        )}
      </div>
      {showDeliveries && (
        <div className="webhook__deliveries">
          <h3 className="webhook__subtitle">{t("webhooks.deliveries.title")}</h3>
          <WebhookDeliveries endpointId={endpoint.id} generation={generation} />
        </div>
      )}
    </li>
  );
}
