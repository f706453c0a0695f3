import { webhooksApi } from "../../api/workflow.ts";
import { LoadState } from "../../components/LoadState.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { eventLabel } from "./webhook-help.ts";

const STATUS_CLASS: Record<string, string> = {
  delivered: "status status--active",
  failed: "status status--error",
  pending: "status status--warning",
  sending: "status status--warning",
};

/** The recent deliveries to an endpoint (newest first): event, status, attempts, next attempt and last error. */
export function WebhookDeliveries({ endpointId, generation }: { endpointId: string; generation: number }) {
  const { t, number, dateTime, label } = useI18n();
  const list = useResource((signal) => webhooksApi.deliveries(endpointId, signal), `${endpointId}:${generation}`);
  if (!list.data) return <LoadState loading={list.loading} error={list.error} onRetry={list.reload} />;
  if (list.data.length === 0) return <p className="muted">{t("webhooks.deliveries.none")}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="webhook-deliveries">
        <thead>
          <tr>
            <th scope="col">{t("webhooks.deliveries.created")}</th>
            <th scope="col">{t("webhooks.deliveries.event")}</th>
            <th scope="col">{t("webhooks.deliveries.status")}</th>
            <th scope="col" className="table__numeric">
              {t("webhooks.deliveries.attempts")}
            </th>
            <th scope="col">{t("webhooks.deliveries.next")}</th>
            <th scope="col">{t("webhooks.deliveries.lastError")}</th>
          </tr>
        </thead>
        <tbody>
          {list.data.map((d) => (
            <tr key={d.id} data-testid="webhook-delivery" data-status={d.status}>
              <td className="table__nowrap">{dateTime(d.createdAt)}</td>
              <td>
                {eventLabel(t, d.event)} <code>{d.event}</code>
              </td>
              <td>
                <span className={STATUS_CLASS[d.status] ?? "status"}>{label("webhooks.deliveryStatus.", d.status)}</span>
                {d.deliveredAt && <span className="muted webhook-delivered-at">{dateTime(d.deliveredAt)}</span>}
              </td>
              <td className="table__numeric">{number(d.attempts)}</td>
              <td className="table__nowrap">{d.status === "pending" ? dateTime(d.nextAttemptAt) : <span className="muted">—</span>}</td>
              <td className="webhook-error">{d.lastError ?? <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
