import { z } from "zod";
import { listQuery, pageOf } from "../platform/pagination.ts";
import { isoDate } from "../systems/systems.schema.ts";
import { fieldText } from "../platform/http/field-messages.ts";

export const EVIDENCE_KINDS = ["file", "link", "note"] as const;
export const EVIDENCE_STATUSES = ["valid", "expiring", "expired", "no_expiry"] as const;
/** Evidence whose validity ends within this many days is "expiring" and shown on the dashboard. */
export const EXPIRY_WARNING_DAYS = 30;

export const linkTarget = z.strictObject({ type: z.enum(["control", "item"]), id: z.string().min(1).max(64) });

export const fileRef = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, fieldText("sha256")),
  name: z.string().trim().min(1).max(255),
  mediaType: z.string().trim().min(1).max(200).default("application/octet-stream"),
});

export const createEvidenceBody = z
  .strictObject({
    kind: z.enum(EVIDENCE_KINDS),
    title: z.string().trim().min(1).max(300),
    note: z.string().trim().max(8000).default(""),
    url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
    file: fileRef.optional(),
    validFrom: isoDate.nullable().default(null),
    validUntil: isoDate.nullable().default(null),
    links: z.array(linkTarget).max(100).default([]),
  })
  .refine((b) => b.kind !== "file" || b.file !== undefined, { message: fieldText("evidence_file_needed"), path: ["file"] })
  .refine((b) => b.kind !== "link" || b.url !== undefined, { message: fieldText("evidence_url_needed"), path: ["url"] })
  .refine((b) => !b.validFrom || !b.validUntil || b.validFrom <= b.validUntil, { message: fieldText("valid_until_before_from"), path: ["validUntil"] });
export type CreateEvidenceInput = z.infer<typeof createEvidenceBody>;

export const updateEvidenceBody = z.strictObject({
  version: z.number().int().min(1),
  title: z.string().trim().min(1).max(300).optional(),
  note: z.string().trim().max(8000).optional(),
  url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  validFrom: isoDate.nullable().optional(),
  validUntil: isoDate.nullable().optional(),
});
export type UpdateEvidenceInput = z.infer<typeof updateEvidenceBody>;

export const evidenceView = z.object({
  id: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  title: z.string(),
  note: z.string(),
  url: z.string().nullable(),
  file: z.object({ sha256: z.string(), name: z.string(), size: z.number().int(), mediaType: z.string() }).nullable(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  status: z.enum(EVIDENCE_STATUSES),
  /** What the evidence supports; rows of an assessment carry their system, for a link to its page. */
  links: z.array(z.object({ type: z.enum(["control", "item"]), id: z.string(), label: z.string(), systemId: z.string().optional() })),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type EvidenceView = z.infer<typeof evidenceView>;

export const listEvidenceQuery = listQuery({
  sortable: ["createdAt", "validUntil", "title"],
  defaultSort: "-createdAt",
  filters: {
    kind: z.enum(EVIDENCE_KINDS).optional(),
    status: z.enum(EVIDENCE_STATUSES).optional(),
    targetType: z.enum(["control", "item"]).optional(),
    targetId: z.string().max(64).optional(),
  },
});
export type ListEvidenceQuery = z.infer<typeof listEvidenceQuery>;
export const evidencePage = pageOf(evidenceView);
export const uploadedFile = z.object({ sha256: z.string(), size: z.number().int(), name: z.string(), mediaType: z.string() });
