import { useEffect, useState } from "react";
import { exchangeApi, type ConnectionView } from "../../api/exchange.ts";

/**
 * The authorities the organisation may send documents to: its approved registrations. Empty while
 * loading, without `exchange.submit`, or when they cannot be read — the send action then stays hidden.
 */
export function useApprovedAuthorities(enabled: boolean): ConnectionView[] {
  const [connections, setConnections] = useState<ConnectionView[]>([]);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    exchangeApi
      .connections(controller.signal)
      .then((rows) => setConnections(rows.filter((c) => c.direction === "authority" && c.status === "approved")))
      .catch(() => undefined);
    return () => controller.abort();
  }, [enabled]);
  return connections;
}
