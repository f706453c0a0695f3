import type { User } from "../db/schema.ts";
import type { UserView } from "./users.schema.ts";

/** The whitelist of user fields that leave the server (and enter the ledger): never the hash. */
export function presentUser(u: User): UserView {
  return {
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    role: u.role as UserView["role"],
    status: u.status as UserView["status"],
    locale: u.locale as UserView["locale"],
    departmentId: u.department_id,
    createdAt: u.created_at,
    updatedAt: u.updated_at,
    version: u.version,
  };
}
