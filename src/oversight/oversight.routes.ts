import { z } from "zod";
import { changeContextOf } from "../audit/audited.ts";
import { decideRegistration } from "../exchange/connections.service.ts";
import { connectionView, connectionViewOf, listConnections } from "../exchange/connections.store.ts";
import { envOf } from "../exchange/exchange.routes.ts";
import { defineRoute } from "../platform/http/route.ts";
import { sectorValues } from "../exchange/connections.service.ts";
import { addCaseEntry, caseDetail, caseEntryBody, casesQuery, caseSummary, createCase, createCaseBody, listCases, readCase, updateCase, updateCaseBody } from "./cases.service.ts";
import { intakeDetail, intakePage, intakeQuery, listIntake, readIntake } from "./intake.store.ts";
import { OPEN_DATA_FORMATS, openDataFile, valueLabel } from "./open-data.ts";
import { triageBody, triageIntake } from "./triage.service.ts";
import { trends, trendsQuery, trendsView } from "./trends.ts";

const idParams = z.strictObject({ id: z.string().min(1).max(100) });

export const oversightRoutes = [
  defineRoute({
    method: "get",
    path: "/api/oversight/registrations",
    summary: "Organisations registered with this authority, or asking to be, newest first",
    tag: "Oversight",
    access: { permission: "oversight.read" },
    response: z.array(connectionView),
    handler: async ({ deps, actor }) => (await listConnections(deps.db.kysely, actor.orgId, "member")).map(connectionViewOf),
  }),
  defineRoute({
    method: "post",
    path: "/api/oversight/registrations/:id/decision",
    summary: "Approve or refuse an organisation's registration; the organisation is told, signed",
    tag: "Oversight",
    access: { permission: "oversight.approve" },
    resource: "exchange_connection",
    params: idParams,
    body: z.strictObject({ decision: z.enum(["approved", "refused"]), note: z.string().max(2000).nullable().default(null) }),
    response: connectionView,
    handler: ({ deps, actor, params, body, requestId }) => decideRegistration(envOf(deps), changeContextOf(actor, requestId), params.id, body.decision, body.note),
  }),
  defineRoute({
    method: "get",
    path: "/api/oversight/intake",
    summary: "The intake queue: what organisations (and the public) sent this authority, newest first, with possible duplicates and the closest public case",
    tag: "Oversight",
    access: { permission: "oversight.read" },
    query: intakeQuery,
    response: intakePage,
    handler: ({ deps, actor, query }) => listIntake(deps.db.kysely, actor.orgId, query),
  }),
  defineRoute({
    method: "get",
    path: "/api/oversight/intake/:id",
    summary: "One submission: its document with the parts marked confidential, its versions, and the signed message that carried it",
    tag: "Oversight",
    access: { permission: "oversight.read" },
    resource: "oversight_intake",
    params: idParams,
    response: intakeDetail,
    handler: ({ deps, actor, params }) => readIntake(deps.db.kysely, actor.orgId, params.id),
  }),
  defineRoute({
    method: "patch",
    path: "/api/oversight/intake/:id",
    summary: "Triage a submission: status, severity, sector, rights affected, assignee, its case, or the submission it duplicates; the trends follow",
    tag: "Oversight",
    access: { permission: "oversight.triage" },
    resource: "oversight_intake",
    params: idParams,
    body: triageBody,
    response: intakeDetail,
    handler: ({ deps, actor, params, body, requestId }) => triageIntake(deps.db, changeContextOf(actor, requestId), sectorValues(deps.library), params.id, body),
  }),
  defineRoute({
    method: "get",
    path: "/api/oversight/trends",
    summary: "Counts and rates of the submissions received by sector, harm type, rights affected, technology, provider, role or severity, per month",
    tag: "Oversight",
    access: { permission: "oversight.read" },
    query: trendsQuery,
    response: trendsView,
    handler: ({ deps, actor, query }) => trends(deps.db.kysely, actor.orgId, query, (d, v) => valueLabel(deps.library, d, v)),
  }),
  defineRoute({
    method: "get",
    path: "/api/oversight/open-data",
    summary: "The trends as open data (CSV, Excel or JSON): every dimension by month and value, confidential parts not counted, counts below 3 suppressed",
    tag: "Oversight",
    access: { permission: "oversight.read" },
    query: trendsQuery.pick({ from: true, to: true }).extend({ format: z.enum(OPEN_DATA_FORMATS).default("csv") }),
    handler: ({ deps, actor, query }) => openDataFile(deps.db.kysely, deps.library, actor.orgId, query, query.format),
  }),
  defineRoute({
    method: "get",
    path: "/api/oversight/cases",
    summary: "Cases of rights infringement under analysis, most recently changed first",
    tag: "Oversight",
    access: { permission: "oversight.read" },
    query: casesQuery,
    response: z.array(caseSummary),
    handler: ({ deps, actor, query }) => listCases(deps.db.kysely, actor.orgId, query),
  }),
  defineRoute({
    method: "post",
    path: "/api/oversight/cases",
    summary: "Open a case, grouping submissions (from one or several organisations)",
    tag: "Oversight",
    access: { permission: "oversight.triage" },
    body: createCaseBody,
    response: caseDetail,
    status: 201,
    handler: ({ deps, actor, body, requestId }) => createCase(deps.db, changeContextOf(actor, requestId), body),
  }),
  defineRoute({
    method: "get",
    path: "/api/oversight/cases/:id",
    summary: "A case: its timeline, the organisations and AI systems involved, its submissions, notes and countermeasures considered",
    tag: "Oversight",
    access: { permission: "oversight.read" },
    resource: "oversight_case",
    params: idParams,
    response: caseDetail,
    handler: ({ deps, actor, params }) => readCase(deps.db.kysely, actor.orgId, params.id),
  }),
  defineRoute({
    method: "patch",
    path: "/api/oversight/cases/:id",
    summary: "Change a case's titles, summary, status or rights affected",
    tag: "Oversight",
    access: { permission: "oversight.triage" },
    resource: "oversight_case",
    params: idParams,
    body: updateCaseBody,
    response: caseDetail,
    handler: ({ deps, actor, params, body, requestId }) => updateCase(deps.db, changeContextOf(actor, requestId), params.id, body),
  }),
  defineRoute({
    method: "post",
    path: "/api/oversight/cases/:id/entries",
    summary: "Add an analysis note or a countermeasure considered to a case's timeline",
    tag: "Oversight",
    access: { permission: "oversight.triage" },
    resource: "oversight_case",
    params: idParams,
    body: caseEntryBody,
    response: caseDetail,
    status: 201,
    handler: ({ deps, actor, params, body, requestId }) => addCaseEntry(deps.db, changeContextOf(actor, requestId), params.id, body),
  }),
];
