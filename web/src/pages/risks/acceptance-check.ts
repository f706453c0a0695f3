import { request, withSignal } from "../../api/client.ts";
import type { MessageKey } from "../../i18n/en.ts";

/** Why someone may not accept a risk under segregation of duties. */
export type AcceptanceBar = "owner" | "registered" | "rated";

/** The server's `GET /api/risks/:id/acceptance-check`. */
export interface AcceptanceCheck {
  /** The organisation's segregation-of-duties rule for risk acceptance. */
  segregationOfDuties: boolean;
  /** Empty when the rule is off. */
  barred: { id: string; displayName: string; reasons: AcceptanceBar[] }[];
}

export const fetchAcceptanceCheck = (riskId: string, signal?: AbortSignal) =>
  request<AcceptanceCheck>("GET", `/api/risks/${encodeURIComponent(riskId)}/acceptance-check`, withSignal(signal));

/** The words for each bar, as the card lists the people it applies to. */
export const BAR_LABELS: Record<AcceptanceBar, MessageKey> = {
  owner: "risks.sod.bar.owner",
  registered: "risks.sod.bar.registered",
  rated: "risks.sod.bar.rated",
};

/** Why the signed-in person may not accept the risk (empty when they may, or before the check loads). */
export function myBars(check: AcceptanceCheck | undefined, userId: string): AcceptanceBar[] {
  return check?.barred.find((b) => b.id === userId)?.reasons ?? [];
}
