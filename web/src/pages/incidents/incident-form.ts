import type { HarmBasis, HarmLevel, HarmType, IncidentInput, IncidentSummary, Right, Severity, Tristate } from "../../api/incidents.ts";
import { instantOfZonedInput, zonedInputOf } from "../../components/dates.ts";

/**
 * The incident form as the inputs hold it (text for dates and counts), and the conversions to and
 * from the API's shapes. Pure, so the dialog stays about layout and the rules are unit-tested.
 */
export interface IncidentForm {
  title: string;
  summary: string;
  severity: Severity;
  /** `datetime-local` text (browser time), or "" when not known. */
  occurredAt: string;
  detectedAt: string;
  ownerId: string;
  harmLevel: HarmLevel;
  harmTypes: HarmType[];
  harmBasis: HarmBasis[];
  categories: string[];
  rights: Right[];
  affectedParties: string;
  peopleAffected: string;
  livesLost: string;
  injuries: string;
  personalData: Tristate;
  dataSubjects: string;
  sensitiveData: Tristate;
  rootCause: string;
  systemIds: string[];
  riskIds: string[];
  controlIds: string[];
}

/** An instant as `datetime-local` text on the organisation's clock ("2026-04-01T09:30"). */
export function localInputOf(date: Date): string {
  return zonedInputOf(date);
}

/**
 * A stored date or date-time as `datetime-local` text. A bare date (incidents are often known only
 * to the day) stays that day at 00:00 rather than shifting with the time zone.
 */
export function localInputOfIso(iso: string | null): string {
  if (!iso) return "";
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return `${iso}T00:00`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : localInputOf(date);
}

/**
 * `datetime-local` text, read on the organisation's clock, as the ISO instant the API takes ("" → null). Text that is no date is sent
 * as typed, so the server's message about it appears beside the field.
 */
export function isoOfLocalInput(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  return instantOfZonedInput(trimmed)?.toISOString() ?? trimmed;
}

/** A count field: "" is "not known" (null); anything else goes to the server to judge. */
export function countOf(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : Number(trimmed);
}

const countText = (n: number | null) => (n === null ? "" : String(n));

/** A fresh form: detected now, owned by whoever files it (so they may work the incident). */
export function emptyForm(now: Date, ownerId: string | null): IncidentForm {
  return {
    title: "",
    summary: "",
    severity: "medium",
    occurredAt: "",
    detectedAt: localInputOf(now),
    ownerId: ownerId ?? "",
    harmLevel: "unclear",
    harmTypes: [],
    harmBasis: [],
    categories: [],
    rights: [],
    affectedParties: "",
    peopleAffected: "",
    livesLost: "",
    injuries: "",
    personalData: "unknown",
    dataSubjects: "",
    sensitiveData: "unknown",
    rootCause: "",
    systemIds: [],
    riskIds: [],
    controlIds: [],
  };
}

/** The form for editing a filed incident. */
export function formOf(incident: IncidentSummary): IncidentForm {
  return {
    title: incident.title,
    summary: incident.summary,
    severity: incident.severity,
    occurredAt: localInputOfIso(incident.occurredAt),
    detectedAt: localInputOfIso(incident.detectedAt),
    ownerId: incident.owner?.id ?? "",
    harmLevel: incident.harmLevel,
    harmTypes: [...incident.harmTypes],
    harmBasis: [...incident.harmBasis],
    categories: [...incident.categories],
    rights: [...incident.rights],
    affectedParties: incident.affectedParties,
    peopleAffected: countText(incident.peopleAffected),
    livesLost: countText(incident.livesLost),
    injuries: countText(incident.injuries),
    personalData: incident.personalData,
    dataSubjects: countText(incident.dataSubjects),
    sensitiveData: incident.sensitiveData,
    rootCause: incident.rootCause,
    systemIds: incident.systems.map((s) => s.id),
    riskIds: incident.risks.map((r) => r.id),
    controlIds: incident.controls.map((c) => c.id),
  };
}

/** The API body for a form. Without a detection time the server uses "now". */
export function inputOf(form: IncidentForm): IncidentInput {
  const detectedAt = isoOfLocalInput(form.detectedAt);
  return {
    title: form.title.trim(),
    summary: form.summary.trim(),
    severity: form.severity,
    occurredAt: isoOfLocalInput(form.occurredAt),
    ...(detectedAt !== null && { detectedAt }),
    ownerId: form.ownerId || null,
    harmLevel: form.harmLevel,
    harmTypes: form.harmTypes,
    harmBasis: form.harmBasis,
    categories: form.categories,
    rights: form.rights,
    affectedParties: form.affectedParties.trim(),
    peopleAffected: countOf(form.peopleAffected),
    livesLost: countOf(form.livesLost),
    injuries: countOf(form.injuries),
    personalData: form.personalData,
    // Data subjects and sensitivity only mean something when personal data may be involved.
    dataSubjects: form.personalData === "no" ? null : countOf(form.dataSubjects),
    sensitiveData: form.personalData === "no" ? "no" : form.sensitiveData,
    rootCause: form.rootCause.trim(),
    systemIds: form.systemIds,
    riskIds: form.riskIds,
    controlIds: form.controlIds,
  };
}

/**
 * The fields that changed between two bodies: an edit sends only these, so an untouched date the
 * form cannot show exactly (a bare day) is never rewritten, and the timeline records real changes only.
 */
export function patchOf(before: IncidentInput, after: IncidentInput): Partial<IncidentInput> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof IncidentInput)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = after[key];
  }
  return out as Partial<IncidentInput>;
}

/** Adds or removes one value of a checkbox group, keeping the others' order. */
export function toggle<T>(values: readonly T[], value: T, on: boolean): T[] {
  const without = values.filter((v) => v !== value);
  return on ? [...without, value] : without;
}

/** What each part of the incident dialog receives: the form, a way to change it, the server's field messages. */
export interface FormPartProps {
  form: IncidentForm;
  set(patch: Partial<IncidentForm>): void;
  errors: Record<string, string>;
}
