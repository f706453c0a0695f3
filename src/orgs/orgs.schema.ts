import { z } from "zod";
import { LOCALES } from "../platform/i18n.ts";
import { listQuery, pageOf } from "../platform/pagination.ts";

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Organisation-wide settings; later modules read these (e.g. the fiscal year for recurring reviews). */
export const orgSettings = z.strictObject({
  defaultLocale: z.enum(LOCALES),
  /** 4 = April, the Japanese fiscal year (4月〜3月). */
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  timezone: z.string().min(1).max(64).refine(isTimeZone, "Unknown IANA time zone, e.g. Asia/Tokyo"),
});
export type OrgSettings = z.infer<typeof orgSettings>;

export const DEFAULT_ORG_SETTINGS: OrgSettings = { defaultLocale: "ja", fiscalYearStartMonth: 4, timezone: "Asia/Tokyo" };

export const orgView = z.object({
  id: z.string(),
  slug: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  settings: orgSettings,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type OrgView = z.infer<typeof orgView>;

export const updateOrgBody = z.strictObject({
  version: z.number().int().min(1),
  nameJa: z.string().trim().min(1).max(200).optional(),
  nameEn: z.string().trim().min(1).max(200).optional(),
  settings: orgSettings.partial().strict().optional(),
});
export type UpdateOrgInput = z.infer<typeof updateOrgBody>;

export const departmentView = z.object({
  id: z.string(),
  code: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type DepartmentView = z.infer<typeof departmentView>;

export const createDepartmentBody = z.strictObject({
  code: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9._-]+$/),
  nameJa: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
});
export const updateDepartmentBody = z.strictObject({
  version: z.number().int().min(1),
  nameJa: z.string().trim().min(1).max(200).optional(),
  nameEn: z.string().trim().min(1).max(200).optional(),
});
export const listDepartmentsQuery = listQuery({
  sortable: ["code", "nameJa", "nameEn", "createdAt"],
  defaultSort: "code",
  filters: {},
});
export type ListDepartmentsQuery = z.infer<typeof listDepartmentsQuery>;
export const departmentPage = pageOf(departmentView);
