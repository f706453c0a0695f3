import { z } from "zod";
import { recordId } from "../platform/record-id.ts";
import { listQuery, pageOf } from "../platform/pagination.ts";
import { controlStatus, requirementRef } from "./assessments.schema.ts";
import { fieldText } from "../platform/http/field-messages.ts";

const urn = z.string().regex(/^urn:musubi:[a-z0-9-]+:[A-Za-z0-9._-]+:[A-Za-z0-9._()-]+$/, fieldText("requirement_urn"));

export const evidenceBrief = z.object({ id: z.string(), title: z.string(), kind: z.string(), validUntil: z.string().nullable() });

export const controlView = z.object({
  id: z.string(),
  code: z.string(),
  titleJa: z.string(),
  titleEn: z.string(),
  description: z.string(),
  owner: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  status: controlStatus,
  requirements: z.array(requirementRef),
  evidence: z.array(evidenceBrief),
  /** Applicable assessment rows, across all systems, whose requirement this control maps to. */
  rows: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ControlView = z.infer<typeof controlView>;

const code = z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9._-]+$/, fieldText("code_chars"));

export const createControlBody = z.strictObject({
  code,
  titleJa: z.string().trim().min(1).max(300),
  titleEn: z.string().trim().min(1).max(300),
  description: z.string().trim().max(8000).default(""),
  ownerId: recordId.nullable().default(null),
  status: controlStatus.default("not_started"),
  requirements: z.array(urn).max(500).default([]),
});
export type CreateControlInput = z.infer<typeof createControlBody>;

export const updateControlBody = z.strictObject({
  version: z.number().int().min(1),
  code: code.optional(),
  titleJa: z.string().trim().min(1).max(300).optional(),
  titleEn: z.string().trim().min(1).max(300).optional(),
  description: z.string().trim().max(8000).optional(),
  ownerId: recordId.nullable().optional(),
  status: controlStatus.optional(),
  requirements: z.array(urn).max(500).optional(),
});
export type UpdateControlInput = z.infer<typeof updateControlBody>;

export const listControlsQuery = listQuery({
  sortable: ["code", "titleJa", "titleEn", "status", "updatedAt"],
  defaultSort: "code",
  filters: {
    status: controlStatus.optional(),
    framework: z.string().max(60).optional(),
  },
});
export type ListControlsQuery = z.infer<typeof listControlsQuery>;
export const controlPage = pageOf(controlView);
