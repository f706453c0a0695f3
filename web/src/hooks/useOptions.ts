import { useEffect, useState } from "react";
import { controlsApi, type ControlView } from "../api/compliance.ts";
import { risksApi, type RiskView } from "../api/risks.ts";
import { systemsApi, type SystemRow } from "../api/systems.ts";

/**
 * The records a picker or a filter offers: the first 200 of a list by code. A list that cannot be
 * read (no permission, an error) stays empty; the choices already made are still shown by the caller.
 */
function useFirstPage<T>(load: (signal: AbortSignal) => Promise<{ items: T[] }>, enabled: boolean): T[] {
  const [items, setItems] = useState<T[]>([]);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    load(controller.signal)
      .then((page) => setItems(page.items))
      .catch(() => undefined);
    return () => controller.abort();
  }, [enabled]);
  return items;
}

/** A system as a picker shows it. */
export type SystemOption = Pick<SystemRow, "id" | "code" | "nameJa" | "nameEn">;

/** The first 200 systems by code; empty without `systems.read`. */
export function useSystemOptions(enabled = true): SystemRow[] {
  return useFirstPage((signal) => systemsApi.list({ limit: 200, sort: "code" }, signal), enabled);
}

/** The first 200 controls by code; empty without `controls.read`. */
export function useControlOptions(enabled = true): ControlView[] {
  return useFirstPage((signal) => controlsApi.list({ limit: 200, sort: "code" }, signal), enabled);
}

/** The first 200 risks by code; empty without `risks.read`. */
export function useRiskOptions(enabled = true): RiskView[] {
  return useFirstPage((signal) => risksApi.list({ limit: 200, sort: "code" }, signal), enabled);
}
