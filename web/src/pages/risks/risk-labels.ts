import type { RiskStatus, RiskTreatment } from "../../api/risks.ts";
import type { MessageKey } from "../../i18n/en.ts";

/** The dictionary key of each value the risk pages show, so the compiler checks every word exists. */
export const TREATMENT_LABELS: Record<RiskTreatment, MessageKey> = {
  mitigate: "risks.treatment.mitigate",
  accept: "risks.treatment.accept",
  transfer: "risks.treatment.transfer",
  avoid: "risks.treatment.avoid",
};

export const STATUS_LABELS: Record<RiskStatus, MessageKey> = {
  open: "risks.status.open",
  accepted: "risks.status.accepted",
  closed: "risks.status.closed",
};

/** Where one risk lives. */
export function riskPath(id: string): string {
  return `/risks/${encodeURIComponent(id)}`;
}
