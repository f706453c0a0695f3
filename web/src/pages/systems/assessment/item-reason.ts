import type { ItemStatus } from "../../../api/systems.ts";
import type { MessageKey } from "../../../i18n/en.ts";

/**
 * What a row's free text means depends on its status: for "not applicable" it is the required
 * reason the requirement does not apply; for a gap (not met, partially met) it is what is missing;
 * otherwise an optional note. One table, so the row, the dialog and its errors say the same thing.
 */
export type ReasonKind = "notApplicable" | "gap" | "note";

export function reasonKind(status: ItemStatus): ReasonKind {
  if (status === "not_applicable") return "notApplicable";
  if (status === "not_met" || status === "partially_met") return "gap";
  return "note";
}

interface ReasonText {
  /** The field's label in the row's dialog. */
  label: MessageKey;
  /** What to write, under the field. */
  hint: MessageKey;
  /** The text as the row shows it: "<label>: {text}". */
  line: MessageKey;
}

const TEXT: Record<ReasonKind, ReasonText> = {
  notApplicable: { label: "systems.assess.reason.notApplicable", hint: "systems.assess.reason.notApplicableHint", line: "systems.assess.reason.notApplicableLine" },
  gap: { label: "systems.assess.reason.gap", hint: "systems.assess.reason.gapHint", line: "systems.assess.reason.gapLine" },
  note: { label: "systems.assess.reason.note", hint: "systems.assess.reason.noteHint", line: "systems.assess.reason.noteLine" },
};

/** The words for a row's free text under `status`; only "not applicable" makes it required. */
export function reasonText(status: ItemStatus): ReasonText & { required: boolean } {
  const kind = reasonKind(status);
  return { ...TEXT[kind], required: kind === "notApplicable" };
}
