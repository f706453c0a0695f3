import { PERMISSIONS, ROLES, can, type Permission } from "./authz.ts";
import type { AnyRoute } from "./http/route.ts";

export const TABLE_START = "<!-- permissions:start (generated from src/platform/authz.ts by `npm run docs:permissions`; do not edit) -->";
export const TABLE_END = "<!-- permissions:end -->";

/**
 * The role × permission table of docs/api.md, made from `PERMISSIONS` and the registered routes, so
 * the documentation cannot drift from the code (a test compares them).
 */
export function renderPermissionTable(routes: readonly AnyRoute[]): string {
  const uses = new Map<Permission, number>();
  for (const r of routes) if (r.access !== "public") uses.set(r.access.permission, (uses.get(r.access.permission) ?? 0) + 1);
  const head = `| permission | ${ROLES.join(" | ")} | operations requiring it |`;
  const rule = `|---|${ROLES.map(() => ":-:").join("|")}|--:|`;
  const rows = (Object.keys(PERMISSIONS) as Permission[]).map(
    (p) => `| \`${p}\` | ${ROLES.map((role) => (can(role, p) ? "✓" : "")).join(" | ")} | ${uses.get(p) ?? 0} |`,
  );
  const publicOps = routes.filter((r) => r.access === "public").length;
  return [
    TABLE_START,
    head,
    rule,
    ...rows,
    "",
    `${Object.keys(PERMISSIONS).length} permissions; ${routes.length} operations, of which ${publicOps} public (no sign-in). ` +
      "A permission no operation requires is checked inside a policy (`*.policy.ts`): it lets a role change others' records, not only its own.",
    TABLE_END,
  ].join("\n");
}

/** `doc` with its generated table replaced by `table`; throws when the markers are missing. */
export function replaceTable(doc: string, table: string): string {
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error("docs/api.md has no permissions markers");
  return doc.slice(0, start) + table + doc.slice(end + TABLE_END.length);
}
