import { useState } from "react";
import { webhooksApi, type WebhookEndpoint } from "../../api/workflow.ts";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { LoadState } from "../../components/LoadState.tsx";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { PageNotice } from "../../components/Notice.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { SignatureHelp } from "./SignatureHelp.tsx";
import { WebhookDialog } from "./WebhookDialog.tsx";
import { WebhookEndpointCard } from "./WebhookEndpointCard.tsx";
import "./tasks.css";

/** Webhook endpoints that receive the organisation's events, signed with HMAC-SHA256; add, ping, delete and watch deliveries. */
export function WebhooksPage() {
  const { t } = useI18n();
  const manage = useSignedIn().can("webhooks.manage");
  const list = useResource((signal) => webhooksApi.list(signal), "webhooks");
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<WebhookEndpoint>();
  const [notice, setNotice] = useState<NoticeMessage>();

  return (
    <div className="page-stack" data-testid="page-webhooks">
      <PageHeader
        title={t("webhooks.title")}
        subtitle={t("webhooks.subtitle")}
        actions={
          manage && (
            <button type="button" className="button button--primary" onClick={() => setAdding(true)} data-testid="create-webhook">
              {t("webhooks.create")}
            </button>
          )
        }
      />
      <PageNotice notice={notice} onDismiss={() => setNotice(undefined)} testId="webhooks-notice" />
      {!list.data ? (
        <LoadState loading={list.loading} error={list.error} onRetry={list.reload} />
      ) : list.data.length === 0 ? (
        <div className="card">
          <p className="muted" data-testid="webhooks-empty">
            {t("webhooks.empty")}
          </p>
        </div>
      ) : (
        <ul className="stack-list webhook-list">
          {list.data.map((endpoint) => (
            <WebhookEndpointCard
              key={endpoint.id}
              endpoint={endpoint}
              onPinged={() => setNotice({ kind: "success", text: (i) => i.t("webhooks.pinged", { url: endpoint.url }) })}
              onError={(err) => setNotice({ kind: "error", text: (i) => i.errorMessage(err) })}
              onDelete={manage ? () => setDeleting(endpoint) : undefined}
            />
          ))}
        </ul>
      )}
      <SignatureHelp />
      {adding && <WebhookDialog onClose={() => setAdding(false)} onCreated={() => list.reload()} />}
      {deleting && (
        <ConfirmDialog
          title={t("webhooks.delete")}
          message={t("webhooks.confirmDelete", { url: deleting.url })}
          confirmLabel={t("common.delete")}
          danger
          onConfirm={async () => {
            await webhooksApi.remove(deleting.id);
            list.update((all) => all?.filter((e) => e.id !== deleting.id));
            setNotice({ kind: "success", text: (i) => i.t("webhooks.deleted", { url: deleting.url }) });
          }}
          onClose={() => setDeleting(undefined)}
        />
      )}
    </div>
  );
}
