import { ApiError } from "../../api/client.ts";
import type { I18n } from "../../i18n/I18nProvider.tsx";
import { HARM_LEVELS, type HarmLevel, type IncidentAction, type IncidentSummary, type OpenActions, type TimelineEntry } from "../../api/incidents.ts";

/** Where an incident lives in the UI. */
export const incidentPath = (id: string) => `/incidents/${encodeURIComponent(id)}`;

/** Shorter text than this finds nothing useful, so similar incidents are not asked for. */
export const MIN_SIMILAR_CHARS = 4;

/** The text similar incidents are looked up by, or undefined while it is too short to mean anything. */
export function similarTextOf(...parts: (string | undefined)[]): string | undefined {
  const text = parts
    .map((p) => (p ?? "").trim())
    .filter(Boolean)
    .join("\n");
  return [...text].length >= MIN_SIMILAR_CHARS ? text.slice(0, 20000) : undefined;
}

/** The still-active actions a refused close lists (409 `actions_open`); empty for any other error. */
export function openActionsOf(error: unknown): OpenActions["actions"] {
  if (!(error instanceof ApiError) || error.code !== "actions_open") return [];
  const details = error.details as Partial<OpenActions> | null | undefined;
  return Array.isArray(details?.actions) ? details.actions : [];
}

/**
 * Whether this person may work the incident — mirrors src/incidents/incidents.policy.ts: managers
 * any incident, reporters the ones they own. The server decides; this only hides buttons that would fail.
 */
export function canWorkIncident(incident: Pick<IncidentSummary, "owner">, userId: string, can: { manage: boolean; report: boolean }): boolean {
  return can.manage || (can.report && incident.owner?.id === userId);
}

const ACTIVE: ReadonlySet<IncidentAction["status"]> = new Set(["open", "in_progress", "awaiting_approval"]);

/** Actions that still stand between the incident and its closure. */
export function activeActions(actions: readonly IncidentAction[]): IncidentAction[] {
  return actions.filter((a) => ACTIVE.has(a.status));
}

/** Who closed the incident: the author of its `closed` timeline entry, else the id the server gave. */
export function closedByName(incident: Pick<IncidentSummary, "closedBy">, timeline: readonly TimelineEntry[]): string | null {
  const entry = [...timeline].reverse().find((e) => e.kind === "closed");
  return entry?.author?.displayName ?? incident.closedBy;
}

/** The note written when the incident was closed, if any. */
export function closingNote(timeline: readonly TimelineEntry[]): string | undefined {
  return [...timeline].reverse().find((e) => e.kind === "closed")?.body;
}

/** CSETv1 "AI Harm Level" values as the reference cases carry them, by Musubi's ids (src/incidents/vocabulary.ts). */
const CSET_HARM_LEVELS: Record<string, HarmLevel> = {
  "AI tangible harm event": "event",
  "AI tangible harm near-miss": "near_miss",
  "AI tangible harm issue": "issue",
  none: "none",
  unclear: "unclear",
};

/** A public case's CSETv1 harm level as Musubi's id, so it is shown in the same words as the organisation's own; undefined when unknown. */
export function harmLevelOfCset(value: string | null): HarmLevel | undefined {
  if (value === null) return undefined;
  const id = CSET_HARM_LEVELS[value] ?? (HARM_LEVELS as readonly string[]).find((h) => h === value);
  return id as HarmLevel | undefined;
}

/**
 * An incident's date or date-time in the UI language. Incidents are often known only to the day;
 * a bare day is shown as that day, not as midnight UTC moved into the browser's time zone.
 */
export function formatWhen(i18n: Pick<I18n, "day" | "dateTime">, value: string, kind: "dateTime" | "date" = "dateTime"): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return i18n.day(value);
  return i18n.dateTime(value, kind);
}

/** The statuses of a `status` timeline entry ("open → investigating"), to show them translated; undefined for any other text. */
export function statusChangeOf(body: string): [string, string] | undefined {
  const m = /^(\w+) → (\w+)$/.exec(body.trim());
  return m ? [m[1]!, m[2]!] : undefined;
}
