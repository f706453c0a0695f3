import { z } from "zod";
import { recordId } from "../platform/record-id.ts";
import { ROLES } from "../platform/authz.ts";
import { LOCALES } from "../platform/i18n.ts";
import { listQuery, pageOf } from "../platform/pagination.ts";
import { MIN_PASSWORD_LENGTH } from "../auth/password-policy.ts";

export const roleSchema = z.enum(ROLES);
export const userStatusSchema = z.enum(["active", "disabled"]);
export const emailSchema = z.email().max(254).transform((e) => e.toLowerCase());
export const passwordSchema = z.string().min(MIN_PASSWORD_LENGTH).max(1024);
export const idParams = z.strictObject({ id: z.string().min(1).max(64) });

export const userView = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  status: userStatusSchema,
  locale: z.enum(LOCALES),
  departmentId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type UserView = z.infer<typeof userView>;

export const createUserBody = z.strictObject({
  email: emailSchema,
  displayName: z.string().trim().min(1).max(200),
  role: roleSchema,
  locale: z.enum(LOCALES).default("ja"),
  departmentId: recordId.nullable().optional(),
  /** Omit to have Musubi generate an initial password, shown once to the administrator. */
  password: passwordSchema.optional(),
});
export type CreateUserInput = z.infer<typeof createUserBody>;

export const updateUserBody = z.strictObject({
  /** The version the editor last saw; a stale version is refused with 409. */
  version: z.number().int().min(1),
  displayName: z.string().trim().min(1).max(200).optional(),
  role: roleSchema.optional(),
  status: userStatusSchema.optional(),
  locale: z.enum(LOCALES).optional(),
  departmentId: recordId.nullable().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserBody>;

export const listUsersQuery = listQuery({
  sortable: ["createdAt", "email", "displayName", "role"],
  defaultSort: "email",
  filters: {
    role: roleSchema.optional(),
    status: userStatusSchema.optional(),
    departmentId: recordId.optional(),
  },
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

export const userPage = pageOf(userView);
export const createdUser = z.object({ user: userView, initialPassword: z.string().optional() });
