import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { isAuthorityRole, type Role } from "../platform/authz.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { fieldText } from "../platform/http/field-messages.ts";
import { orgKindOf, type OrgKind } from "./orgs.schema.ts";

type Q = Kysely<Database> | Transaction<Database>;

/** The organisation's kind, read where the decision is taken (inside its transaction). */
export async function readOrgKind(db: Q, orgId: string): Promise<OrgKind> {
  const row = await db.selectFrom("organizations").select("kind").where("id", "=", orgId).executeTakeFirst();
  if (!row) throw notFound();
  return orgKindOf(row.kind);
}

/**
 * Refuses an authority's oversight role (analyst, supervisor, publisher) in an ordinary
 * organisation: 400 naming `field`, so the form marks the role it came from. Whoever gives a role —
 * to a user or to an API token — calls this, so the roles cannot appear outside an authority.
 */
export async function assertRoleFitsOrg(db: Q, orgId: string, role: Role, field: string): Promise<void> {
  if (!isAuthorityRole(role)) return;
  if ((await readOrgKind(db, orgId)) === "authority") return;
  throw new AppError(400, "validation_failed", [{ field, code: "invalid_value", message: fieldText("authority_role") }]);
}
