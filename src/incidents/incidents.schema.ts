import { z } from "zod";
import { customFilters, customInput, customValues } from "../fields/fields.schema.ts";
import { recordId } from "../platform/record-id.ts";
import { listQuery, pageOf } from "../platform/pagination.ts";
import { approvalPlan, taskView } from "../workflow/tasks.schema.ts";
import { HARM_BASES, HARM_LEVELS, HARM_TYPES, INCIDENT_STATUSES, RIGHTS, SEVERITIES, TRISTATE, type HarmBasis, type HarmLevel, type HarmType, type Right } from "./vocabulary.ts";

const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
export const harmLevel = z.enum(keys(HARM_LEVELS) as [HarmLevel, ...HarmLevel[]]);
export const harmType = z.enum(keys(HARM_TYPES) as [HarmType, ...HarmType[]]);
export const harmBasis = z.enum(keys(HARM_BASES) as [HarmBasis, ...HarmBasis[]]);
export const right = z.enum(keys(RIGHTS) as [Right, ...Right[]]);
export const severity = z.enum(SEVERITIES);
export const incidentStatus = z.enum(INCIDENT_STATUSES);
const tristate = z.enum(TRISTATE);
/** An ISO date or date-time: incidents are often known only to the day. */
const when = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

const person = z.object({ id: z.string(), displayName: z.string() });
const linked = z.object({ id: z.string(), code: z.string(), titleJa: z.string(), titleEn: z.string() });

export const timelineEntry = z.object({ id: z.string(), at: z.string(), kind: z.string(), body: z.string(), author: person.nullable(), createdAt: z.string() });

export const incidentView = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  summary: z.string(),
  status: incidentStatus,
  severity,
  occurredAt: z.string().nullable(),
  /** When no time is known: the day, month or year it occurred, as precise as the source (`2021`, `2021-03`). */
  occurredOn: z.string().nullable(),
  detectedAt: z.string(),
  source: z.string(),
  externalKey: z.string().nullable(),
  reportedBy: z.string().nullable(),
  owner: person.nullable(),
  harmLevel,
  harmTypes: z.array(harmType),
  harmBasis: z.array(harmBasis),
  categories: z.array(z.string()),
  rights: z.array(right),
  affectedParties: z.string(),
  peopleAffected: z.number().int().nullable(),
  livesLost: z.number().int().nullable(),
  injuries: z.number().int().nullable(),
  personalData: tristate,
  dataSubjects: z.number().int().nullable(),
  sensitiveData: tristate,
  /** Set when personal data leaked or may have: APPI Art. 26 may require a report to the PPC. */
  appiReportCheck: z.boolean(),
  rootCause: z.string(),
  systems: z.array(linked),
  risks: z.array(linked),
  /** Controls that failed. */
  controls: z.array(linked),
  actions: z.array(taskView),
  timeline: z.array(timelineEntry),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  /** Values of the organisation's own fields, by key; a field without a value is absent. */
  custom: customValues,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type IncidentView = z.infer<typeof incidentView>;

/** A count of people: the columns are 32-bit integers on PostgreSQL, so larger numbers are refused here, not there. */
const headcount = z.number().int().min(0).max(2_147_483_647);

const fields = {
  title: z.string().trim().min(1).max(300),
  summary: z.string().trim().max(20000),
  severity,
  occurredAt: when.nullable(),
  detectedAt: when,
  ownerId: recordId.nullable(),
  harmLevel,
  harmTypes: z.array(harmType).max(10),
  harmBasis: z.array(harmBasis).max(20),
  categories: z.array(z.string().max(40)).max(40),
  rights: z.array(right).max(20),
  affectedParties: z.string().trim().max(4000),
  peopleAffected: headcount.nullable(),
  livesLost: headcount.nullable(),
  injuries: headcount.nullable(),
  personalData: tristate,
  dataSubjects: headcount.nullable(),
  sensitiveData: tristate,
  rootCause: z.string().trim().max(20000),
  systemIds: z.array(recordId).max(50),
  riskIds: z.array(recordId).max(100),
  controlIds: z.array(recordId).max(100),
};

export const createIncidentBody = z.strictObject({
  title: fields.title,
  summary: fields.summary.default(""),
  severity: fields.severity.default("medium"),
  occurredAt: fields.occurredAt.default(null),
  /** Defaults to now. */
  detectedAt: fields.detectedAt.optional(),
  ownerId: fields.ownerId.default(null),
  harmLevel: fields.harmLevel.default("unclear"),
  harmTypes: fields.harmTypes.default([]),
  harmBasis: fields.harmBasis.default([]),
  categories: fields.categories.default([]),
  rights: fields.rights.default([]),
  affectedParties: fields.affectedParties.default(""),
  peopleAffected: fields.peopleAffected.default(null),
  livesLost: fields.livesLost.default(null),
  injuries: fields.injuries.default(null),
  personalData: fields.personalData.default("unknown"),
  dataSubjects: fields.dataSubjects.default(null),
  sensitiveData: fields.sensitiveData.default("unknown"),
  rootCause: fields.rootCause.default(""),
  systemIds: fields.systemIds.default([]),
  riskIds: fields.riskIds.default([]),
  controlIds: fields.controlIds.default([]),
  /** Values of the organisation's own fields, by key (see `/api/fields`). */
  custom: customInput.optional(),
});
export type CreateIncidentInput = z.infer<typeof createIncidentBody>;

export const updateIncidentBody = z.strictObject({
  version: z.number().int().min(1),
  ...(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> }),
  /** Closing goes through POST /api/incidents/:id/close, which checks the actions are done. */
  status: incidentStatus.exclude(["closed"]).optional(),
  /** Custom values to set (by key); `null` clears one, absent keys stay. */
  custom: customInput.optional(),
});
export type UpdateIncidentInput = z.infer<typeof updateIncidentBody>;

export const timelineBody = z.strictObject({ at: when.optional(), body: z.string().trim().min(1).max(8000) });
export const actionBody = z.strictObject({
  kind: z.enum(["corrective", "preventive"]),
  title: z.string().trim().min(1).max(300),
  description: z.string().trim().max(8000).default(""),
  assigneeId: recordId.nullable().default(null),
  dueOn: z.iso.date().nullable().default(null),
  approvalPlan: approvalPlan.nullable().default(null),
});
export const closeIncidentBody = z.strictObject({ version: z.number().int().min(1), note: z.string().trim().min(1).max(8000) });

export const listIncidentsQuery = listQuery({
  sortable: ["detectedAt", "code", "severity", "updatedAt"],
  defaultSort: "-detectedAt",
  filters: {
    status: incidentStatus.optional(),
    severity: severity.optional(),
    systemId: recordId.optional(),
    category: z.string().max(40).optional(),
    personalData: tristate.optional(),
    ...customFilters,
  },
});
export type ListIncidentsQuery = z.infer<typeof listIncidentsQuery>;
export const incidentSummary = incidentView.omit({ actions: true, timeline: true });
export const incidentPage = pageOf(incidentSummary);
