import { useEffect, useState } from "react";
import { riskMatrixApi, riskReferenceApi, type RiskMatrixView, type RiskPerspective, type RiskTaxonomy } from "../../api/risks.ts";
import { useResource, type Resource } from "../../hooks/useResource.ts";

/**
 * What the risk pages look things up in: the matrix, the MIT taxonomy (incidents are classified by
 * it too) and the J-AISI perspectives. The taxonomy and perspectives ship with the server and do
 * not change while the page is open, so they are fetched once per page load. The systems and
 * controls a risk can point at come from hooks/useOptions.ts.
 */

/** The organisation's risk matrix; `key` changes fetch it again (after the matrix was edited). */
export function useRiskMatrix(key = ""): Resource<RiskMatrixView> {
  return useResource((signal) => riskMatrixApi.get(signal), `matrix:${key}`);
}

let taxonomyOnce: Promise<RiskTaxonomy> | undefined;
let perspectivesOnce: Promise<RiskPerspective[]> | undefined;

function useOnce<T>(load: () => Promise<T>, enabled: boolean): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    load()
      .then((v) => live && setValue(v))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [enabled]);
  return value;
}

/** The MIT AI Risk Repository taxonomy; undefined until loaded or when it cannot be read (ids are shown then). */
export function useTaxonomy(enabled = true): RiskTaxonomy | undefined {
  return useOnce(() => {
    taxonomyOnce ??= riskReferenceApi.taxonomy().catch((err: unknown) => {
      taxonomyOnce = undefined;
      throw err;
    });
    return taxonomyOnce;
  }, enabled);
}

/** The J-AISI evaluation perspectives a risk can be filed under. */
export function usePerspectives(enabled = true): RiskPerspective[] | undefined {
  return useOnce(() => {
    perspectivesOnce ??= riskReferenceApi.perspectives().catch((err: unknown) => {
      perspectivesOnce = undefined;
      throw err;
    });
    return perspectivesOnce;
  }, enabled);
}
