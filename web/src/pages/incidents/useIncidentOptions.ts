import { useEffect, useState } from "react";
import { controlsApi } from "../../api/compliance.ts";
import { riskOptionsApi, riskTaxonomyApi, type LinkedRecord, type RiskTaxonomy } from "../../api/incidents.ts";
import { systemsApi } from "../../api/systems.ts";

let taxonomyRequest: Promise<RiskTaxonomy> | undefined;

/**
 * The MIT taxonomy for category pickers and chips. It is library data that does not change while
 * the page is open, so it is fetched once per visit and shared by every component that asks.
 */
export function useRiskTaxonomy(): RiskTaxonomy | undefined {
  const [taxonomy, setTaxonomy] = useState<RiskTaxonomy>();
  useEffect(() => {
    let live = true;
    taxonomyRequest ??= riskTaxonomyApi.get();
    taxonomyRequest.then(
      (t) => live && setTaxonomy(t),
      () => {
        // Let a later visit try again; the pickers show ids meanwhile.
        taxonomyRequest = undefined;
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return taxonomy;
}

/** What an incident can be linked to, each as code and titles (systems' names as titles). */
export interface LinkOptions {
  systems: LinkedRecord[];
  risks: LinkedRecord[];
  controls: LinkedRecord[];
}

const NONE: LinkOptions = { systems: [], risks: [], controls: [] };

/**
 * The first 200 systems, risks and controls, to link an incident to. A list that cannot be read
 * stays empty; the links already made are still offered by the dialog.
 */
export function useLinkOptions(): LinkOptions {
  const [options, setOptions] = useState<LinkOptions>(NONE);
  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    const settle = <T>(p: Promise<{ items: T[] }>) => p.then((page) => page.items).catch(() => [] as T[]);
    Promise.all([
      settle(systemsApi.list({ limit: 200, sort: "code" }, signal)),
      settle(riskOptionsApi.list(signal)),
      settle(controlsApi.list({ limit: 200, sort: "code" }, signal)),
    ]).then(([systems, risks, controls]) => {
      if (signal.aborted) return;
      setOptions({
        systems: systems.map((s) => ({ id: s.id, code: s.code, titleJa: s.nameJa, titleEn: s.nameEn })),
        risks: risks.map((r) => ({ id: r.id, code: r.code, titleJa: r.titleJa, titleEn: r.titleEn })),
        controls: controls.map((c) => ({ id: c.id, code: c.code, titleJa: c.titleJa, titleEn: c.titleEn })),
      });
    });
    return () => controller.abort();
  }, []);
  return options;
}
