import { useEffect, useState } from "react";
import { exchangeApi, type ConnectionView, type SectorOption } from "../../api/exchange.ts";
import { oversightApi } from "../../api/oversight.ts";

/** The sectors and the registrations a request, an advisory or a publication may be addressed to or name. */
export interface AudienceOptions {
  sectors: SectorOption[];
  /** Every registration (the audience offers the approved ones; a list names any it finds). */
  registrations: ConnectionView[];
  loaded: boolean;
}

/**
 * Loads the sectors (`GET /api/exchange/sectors`) and the authority's registrations once per page;
 * empty until they arrive or when they cannot be read (the fields then offer only "all").
 */
export function useAudienceOptions(): AudienceOptions {
  const [options, setOptions] = useState<AudienceOptions>({ sectors: [], registrations: [], loaded: false });
  useEffect(() => {
    const controller = new AbortController();
    Promise.all([exchangeApi.sectors(controller.signal).catch(() => []), oversightApi.registrations(controller.signal).catch(() => [])])
      .then(([sectors, registrations]) => setOptions({ sectors, registrations, loaded: true }))
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  return options;
}
