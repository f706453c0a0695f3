import { z } from "zod";
import { fieldText } from "../platform/http/field-messages.ts";
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

/**
 * Segregation of duties (職務分掌): which decisions must be taken by someone other than the people
 * whose work they judge. `assessmentSignOff`: whoever last answered a row of an assessment may not
 * sign it off. `riskAcceptance`: a risk's owner, and whoever registered or rated it, may not accept it.
 */
export const segregationOfDuties = z.strictObject({
  assessmentSignOff: z.boolean(),
  riskAcceptance: z.boolean(),
});
export type SegregationOfDuties = z.infer<typeof segregationOfDuties>;

/** Both rules on: a new organisation, and one whose stored settings predate the setting, get them. */
export const DEFAULT_SEGREGATION: SegregationOfDuties = { assessmentSignOff: true, riskAcceptance: true };

const settingsShape = {
  defaultLocale: z.enum(LOCALES),
  /** 4 = April, the Japanese fiscal year (4月〜3月). */
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  timezone: z.string().min(1).max(64).refine(isTimeZone, fieldText("timezone")),
};

/**
 * Organisation-wide settings; later modules read these (e.g. the fiscal year for recurring reviews).
 * Settings stored before `segregationOfDuties` existed parse with it on (the safe reading).
 */
export const orgSettings = z.strictObject({
  ...settingsShape,
  segregationOfDuties: segregationOfDuties.default(DEFAULT_SEGREGATION),
});
export type OrgSettings = z.infer<typeof orgSettings>;

export const DEFAULT_ORG_SETTINGS: OrgSettings = { defaultLocale: "ja", fiscalYearStartMonth: 4, timezone: "Asia/Tokyo", segregationOfDuties: DEFAULT_SEGREGATION };

/**
 * A change to the settings: any subset, and either rule of `segregationOfDuties` alone. No defaults
 * here, so a key left out keeps its stored value instead of being reset.
 */
export const orgSettingsPatch = z.strictObject({ ...settingsShape, segregationOfDuties: segregationOfDuties.partial().strict() }).partial().strict();
export type OrgSettingsPatch = z.infer<typeof orgSettingsPatch>;

/**
 * What kind of tenant an organisation is: an `organization` governing its own AI, or an `authority`
 * (an AI secretariat, a data-protection or sector regulator) whose people may also hold the oversight
 * roles (`AUTHORITY_ROLES`). Fixed when the organisation is created.
 */
export const ORG_KINDS = ["organization", "authority"] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** A stored kind as one of {@link ORG_KINDS}; anything unknown reads as the ordinary (less privileged) kind. */
export function orgKindOf(stored: string): OrgKind {
  return stored === "authority" ? "authority" : "organization";
}

export const orgView = z.object({
  id: z.string(),
  slug: z.string(),
  kind: z.enum(ORG_KINDS),
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
  settings: orgSettingsPatch.optional(),
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
