import type { Right, Severity } from "../../api/incidents.ts";
import { TRIAGE_STATUSES, type IntakeSummary, type TriageInput, type TriageStatus } from "../../api/oversight.ts";

/** The triage form's values: "" for none. */
export interface TriageDraft {
  status: TriageStatus;
  severity: Severity | "";
  sector: string;
  rights: Right[];
  assigneeId: string;
  caseId: string;
  duplicateOf: string;
}

/** The form's starting values: the submission as triaged so far. */
export function draftOf(item: IntakeSummary): TriageDraft {
  return {
    status: (TRIAGE_STATUSES as readonly string[]).includes(item.status) ? (item.status as TriageStatus) : "new",
    severity: item.severity ?? "",
    sector: item.sector ?? "",
    rights: item.rights as Right[],
    assigneeId: item.assigneeId ?? "",
    caseId: item.caseId ?? "",
    duplicateOf: item.duplicateOf ?? "",
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
const orNull = (v: string) => (v === "" ? null : v);

/**
 * Only what the form changes, against the submission as the server holds it now: the ledger then
 * records what the analyst decided, and the trends move only for what moved. Naming the
 * submission it repeats makes it a duplicate.
 */
export function triageChanges(item: IntakeSummary, draft: TriageDraft): TriageInput {
  const before = draftOf(item);
  const out: TriageInput = { version: item.version };
  if (draft.status !== item.status) out.status = draft.status;
  if (draft.severity !== before.severity) out.severity = draft.severity === "" ? null : draft.severity;
  if (draft.sector !== before.sector) out.sector = orNull(draft.sector);
  if (!sameSet(draft.rights, before.rights)) out.rights = draft.rights;
  if (draft.assigneeId !== before.assigneeId) out.assigneeId = orNull(draft.assigneeId);
  if (draft.caseId !== before.caseId) out.caseId = orNull(draft.caseId);
  if (draft.duplicateOf !== before.duplicateOf) {
    out.duplicateOf = orNull(draft.duplicateOf);
    if (draft.duplicateOf) out.status = "duplicate";
  }
  return out;
}

/** Whether a triage input changes anything beyond naming the version. */
export const changesAnything = (input: TriageInput) => Object.keys(input).length > 1;
