import { changeContextOf } from "../audit/audited.ts";
import { defineRoute } from "../platform/http/route.ts";
import { listUsers } from "./users.store.ts";
import { presentUser } from "./users.present.ts";
import {
  createdUser,
  createUserBody,
  idParams,
  listUsersQuery,
  updateUserBody,
  userPage,
  userView,
} from "./users.schema.ts";
import { createUser, readUser, updateUser } from "./users.service.ts";

export const userRoutes = [
  defineRoute({
    method: "get",
    path: "/api/users",
    summary: "List the organisation's users",
    tag: "users",
    cache: "ledger",
    access: { permission: "users.read" },
    query: listUsersQuery,
    response: userPage,
    async handler({ deps, actor, query }) {
      const { rows, total } = await listUsers(deps.db.kysely, actor.orgId, query);
      return { items: rows.map(presentUser), total, limit: query.limit, offset: query.offset };
    },
  }),
  defineRoute({
    method: "post",
    path: "/api/users",
    summary: "Create (invite) a user; returns a one-time initial password when none was given",
    tag: "users",
    access: { permission: "users.manage" },
    body: createUserBody,
    response: createdUser,
    status: 201,
    handler: ({ deps, actor, body, requestId }) => createUser(deps.db, changeContextOf(actor, requestId), body),
  }),
  defineRoute({
    method: "get",
    path: "/api/users/:id",
    summary: "Read one user",
    tag: "users",
    cache: "ledger",
    access: { permission: "users.read" },
    resource: "user",
    params: idParams,
    response: userView,
    handler: ({ deps, actor, params }) => readUser(deps, actor, params.id),
  }),
  defineRoute({
    method: "patch",
    path: "/api/users/:id",
    summary: "Change a user's name, role, status, language or department (optimistic concurrency)",
    tag: "users",
    access: { permission: "users.manage" },
    resource: "user",
    params: idParams,
    body: updateUserBody,
    response: userView,
    handler: ({ deps, actor, params, body, requestId }) => updateUser(deps, actor, params.id, body, requestId),
  }),
];
