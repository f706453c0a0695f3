import { useEffect, useState } from "react";
import { exchangeApi, type SectorOption } from "../../api/exchange.ts";
import type { NoticeMessage } from "../../components/notice-message.ts";
import { PageNotice } from "../../components/Notice.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useResource } from "../../hooks/useResource.ts";
import { useI18n } from "../../i18n/I18nProvider.tsx";
import { plainText } from "../../i18n/text.ts";
import { useSignedIn } from "../../session/SessionProvider.tsx";
import { ConnectionsCard } from "./ConnectionsCard.tsx";
import { DealingsRegisterCard } from "./DealingsRegisterCard.tsx";
import { RegisterDialog } from "./RegisterDialog.tsx";
import { SubmissionsCard } from "./SubmissionsCard.tsx";
import "../oversight/oversight.css";

/**
 * The organisation's dealings with authorities (行政対応): what authorities sent it (requests for
 * information, advisories, publication notices), the authorities it is registered with,
 * registering with another, and what it sent them with the signed receipts that prove it arrived.
 */
export function DealingsPage() {
  const { t } = useI18n();
  const { can } = useSignedIn();
  const connections = useResource((signal) => exchangeApi.connections(signal), "connections");
  const [sectors, setSectors] = useState<SectorOption[]>([]);
  const [registering, setRegistering] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage>();
  // A registration sends a message too: the list of what was sent is read again after one.
  const [sent, setSent] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    exchangeApi
      .sectors(controller.signal)
      .then(setSectors)
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  return (
    <div className="page-stack" data-testid="page-dealings">
      <PageHeader title={t("dealings.title")} subtitle={t("dealings.subtitle")} />
      <PageNotice notice={notice} onDismiss={() => setNotice(undefined)} testId="dealings-notice" />
      <DealingsRegisterCard />
      <ConnectionsCard connections={connections} sectors={sectors} onRegister={can("exchange.submit") ? () => setRegistering(true) : undefined} />
      <SubmissionsCard key={sent} />
      {registering && (
        <RegisterDialog
          sectors={sectors}
          onClose={() => setRegistering(false)}
          onSaved={(next) => {
            connections.update((rows) => [next, ...(rows ?? []).filter((r) => r.id !== next.id)]);
            setSent((n) => n + 1);
            setNotice({ kind: "success", text: (i) => i.t("dealings.register.done", { name: plainText(next.counterpart.name, i.lang) }) });
          }}
        />
      )}
    </div>
  );
}
