import { changeContextOf } from "../audit/audited.ts";
import { defineRoute } from "../platform/http/route.ts";
import { idParams } from "../users/users.schema.ts";
import { createFieldBody, fieldList, fieldView, listFieldsQuery, updateFieldBody } from "./fields.schema.ts";
import { createField, listFields, readField, updateField } from "./fields.service.ts";

export const fieldRoutes = [
  defineRoute({
    method: "get",
    path: "/api/fields",
    summary: "The organisation's own fields on systems, risks, incidents and vendors, in form order",
    tag: "fields",
    cache: "ledger",
    access: { permission: "fields.read" },
    query: listFieldsQuery,
    response: fieldList,
    handler: ({ deps, actor, query }) => listFields(deps.db.kysely, actor.orgId, query),
  }),
  defineRoute({
    method: "post",
    path: "/api/fields",
    summary: "Define a custom field (text, long text, number, date, choice, multi-choice, URL or person)",
    tag: "fields",
    access: { permission: "fields.manage" },
    body: createFieldBody,
    response: fieldView,
    status: 201,
    handler: ({ deps, actor, body, requestId }) => createField(deps.db, changeContextOf(actor, requestId), body),
  }),
  defineRoute({
    method: "get",
    path: "/api/fields/:id",
    summary: "One custom field with how many records hold a value in it",
    tag: "fields",
    cache: "ledger",
    access: { permission: "fields.read" },
    resource: "custom_field",
    params: idParams,
    response: fieldView,
    handler: ({ deps, actor, params }) => readField(deps.db, actor.orgId, params.id),
  }),
  defineRoute({
    method: "patch",
    path: "/api/fields/:id",
    summary: "Relabel, reorder, add options to, list, retire or bring back a custom field (optimistic concurrency)",
    tag: "fields",
    access: { permission: "fields.manage" },
    resource: "custom_field",
    params: idParams,
    body: updateFieldBody,
    response: fieldView,
    handler: ({ deps, actor, params, body, requestId }) => updateField(deps.db, changeContextOf(actor, requestId), params.id, body),
  }),
];
