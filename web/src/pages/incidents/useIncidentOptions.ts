import { useMemo } from "react";
import type { LinkedRecord } from "../../api/incidents.ts";
import { useControlOptions, useRiskOptions, useSystemOptions } from "../../hooks/useOptions.ts";

/** What an incident can be linked to, each as code and titles (systems' names as titles). */
export interface LinkOptions {
  systems: LinkedRecord[];
  risks: LinkedRecord[];
  controls: LinkedRecord[];
}

const linked = ({ id, code, titleJa, titleEn }: LinkedRecord): LinkedRecord => ({ id, code, titleJa, titleEn });

/**
 * The first 200 systems, risks and controls, to link an incident to. A list that cannot be read
 * stays empty; the links already made are still offered by the dialog.
 */
export function useLinkOptions(): LinkOptions {
  const systems = useSystemOptions();
  const risks = useRiskOptions();
  const controls = useControlOptions();
  return useMemo(
    () => ({
      systems: systems.map((s) => ({ id: s.id, code: s.code, titleJa: s.nameJa, titleEn: s.nameEn })),
      risks: risks.map(linked),
      controls: controls.map(linked),
    }),
    [systems, risks, controls],
  );
}
