/** What a person can say about one requirement of one system. */
export const ITEM_STATUSES = ["not_started", "in_progress", "met", "partially_met", "not_met", "not_applicable"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** How far an organisation-level control is implemented. */
export const CONTROL_STATUSES = ["not_started", "in_progress", "met", "partially_met", "not_met"] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

/** Statuses the dashboard counts as gaps: known to fall short. */
export const GAP_STATUSES: readonly ItemStatus[] = ["not_met", "partially_met"];

/** Statuses that leave a requirement unassessed: sign-off is refused while any row has one. */
export const OPEN_STATUSES: readonly ItemStatus[] = ["not_started", "in_progress"];

/**
 * What the controls mapped to a requirement say about it — answer once, comply many. Every
 * control met: met. Some met or partly met: partially met. Work under way: in progress. Only
 * controls known to fall short: not met. Nothing started (or no control): null, no signal.
 */
export function combineControls(statuses: readonly string[]): ItemStatus | null {
  if (statuses.length === 0) return null;
  let met = 0;
  let partial = 0;
  let progress = 0;
  let notMet = 0;
  for (const s of statuses) {
    if (s === "met") met++;
    else if (s === "partially_met") partial++;
    else if (s === "in_progress") progress++;
    else if (s === "not_met") notMet++;
  }
  if (met === statuses.length) return "met";
  if (met > 0 || partial > 0) return "partially_met";
  if (progress > 0) return "in_progress";
  if (notMet > 0) return "not_met";
  return null;
}

/** The status every count uses: a person's (or accepted inferred) answer, else the controls', else not started. */
export function effectiveStatus(answer: string | null, fromControls: ItemStatus | null): ItemStatus {
  return (answer as ItemStatus | null) ?? fromControls ?? "not_started";
}
