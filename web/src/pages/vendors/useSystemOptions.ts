import { useEffect, useState } from "react";
import { systemsApi } from "../../api/systems.ts";

/** A system as a picker offers it. */
export interface SystemOption {
  id: string;
  code: string;
  nameJa: string;
  nameEn: string;
}

/** The organisation's AI systems (first 200 by code) to choose from; empty when they cannot be read. */
export function useSystemOptions(enabled = true): SystemOption[] {
  const [systems, setSystems] = useState<SystemOption[]>([]);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    systemsApi
      .list({ limit: 200, sort: "code" }, controller.signal)
      .then((page) => setSystems(page.items.map(({ id, code, nameJa, nameEn }) => ({ id, code, nameJa, nameEn }))))
      .catch(() => undefined);
    return () => controller.abort();
  }, [enabled]);
  return systems;
}
