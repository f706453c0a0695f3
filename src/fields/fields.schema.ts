import { z } from "zod";
import { fieldText } from "../platform/http/field-messages.ts";

/** The records an organisation can give fields of its own. */
export const FIELD_ENTITIES = ["system", "risk", "incident", "vendor"] as const;
export type FieldEntity = (typeof FIELD_ENTITIES)[number];

/**
 * What a custom field holds. `text` is one line (≤ 2,000), `long_text` paragraphs (≤ 20,000), a
 * `choice` one of the field's options, a `multi_choice` several, a `person` a member of the
 * organisation (by id), a `url` an http(s) address, a `date` a calendar day.
 */
export const FIELD_TYPES = ["text", "long_text", "number", "date", "choice", "multi_choice", "url", "person"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Types whose values a list filter matches exactly (free text is searched instead). */
export const FILTERABLE_TYPES: readonly FieldType[] = ["number", "date", "choice", "multi_choice", "person"];

/** How many fields one kind of record may have, archived ones included. */
export const MAX_FIELDS = 100;
export const MAX_OPTIONS = 200;

export const fieldKey = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/, fieldText("field_key_chars"));

const label = z.string().trim().min(1).max(200);

export const fieldOption = z.strictObject({
  /** What the API, exports and filters carry; fixed once records use it. */
  value: z.string().trim().min(1).max(200),
  labelJa: label,
  labelEn: label,
});
export type FieldOption = z.infer<typeof fieldOption>;

const options = z
  .array(fieldOption)
  .max(MAX_OPTIONS)
  .refine((xs) => new Set(xs.map((o) => o.value)).size === xs.length, fieldText("options_unique"));

export const createFieldBody = z
  .strictObject({
    entity: z.enum(FIELD_ENTITIES),
    key: fieldKey,
    labelJa: label,
    labelEn: label,
    type: z.enum(FIELD_TYPES),
    options: options.default([]),
    helpJa: z.string().trim().max(1000).default(""),
    helpEn: z.string().trim().max(1000).default(""),
    inList: z.boolean().default(false),
  })
  .refine((b) => !isChoice(b.type) || b.options.length > 0, { message: fieldText("options_needed"), path: ["options"] })
  .refine((b) => isChoice(b.type) || b.options.length === 0, { message: fieldText("options_not_allowed"), path: ["options"] });
export type CreateFieldInput = z.infer<typeof createFieldBody>;

/**
 * A change to a field: its labels, help, options and place in lists. The key, type and record kind
 * stay (values already stored would mean something else); options may be added or relabelled, and
 * an option records still hold cannot be taken away.
 */
export const updateFieldBody = z.strictObject({
  version: z.number().int().min(1),
  labelJa: label.optional(),
  labelEn: label.optional(),
  options: options.optional(),
  helpJa: z.string().trim().max(1000).optional(),
  helpEn: z.string().trim().max(1000).optional(),
  inList: z.boolean().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  /** true retires the field (values stay; forms stop asking), false brings it back. */
  archived: z.boolean().optional(),
});
export type UpdateFieldInput = z.infer<typeof updateFieldBody>;

export const fieldView = z.object({
  id: z.string(),
  entity: z.enum(FIELD_ENTITIES),
  key: z.string(),
  labelJa: z.string(),
  labelEn: z.string(),
  type: z.enum(FIELD_TYPES),
  options: z.array(fieldOption),
  helpJa: z.string(),
  helpEn: z.string(),
  position: z.number().int(),
  inList: z.boolean(),
  archived: z.boolean(),
  /** How many records hold a value in this field. */
  used: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type FieldView = z.infer<typeof fieldView>;

export const listFieldsQuery = z.strictObject({
  entity: z.enum(FIELD_ENTITIES).optional(),
  /** Archived fields are left out unless asked for. */
  archived: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
});

export const fieldList = z.object({ items: z.array(fieldView) });

/** One stored value: text, a number, or the chosen values of a multi-choice field. */
export const customValue = z.union([z.string(), z.number(), z.array(z.string())]);
/**
 * A record's custom values by field key, as the API shows them; a field with no value is absent.
 * Person fields hold the member's id.
 */
export const customValues = z.record(z.string(), customValue);
export type CustomValues = z.infer<typeof customValues>;

/**
 * What a create or update may send: values by field key; on update, `null` clears a value and an
 * absent key leaves it. Each value is checked against its field's type on save.
 */
export const customInput = z.record(z.string().max(40), z.union([customValue, z.null()])).refine((r) => Object.keys(r).length <= MAX_FIELDS, fieldText("too_many_values"));
export type CustomInput = z.infer<typeof customInput>;

/** A list filter on a custom field: `customField=<key>&customValue=<value>`. */
export const customFilters = {
  customField: fieldKey.optional(),
  customValue: z.string().max(200).optional(),
};

export function isChoice(type: FieldType): boolean {
  return type === "choice" || type === "multi_choice";
}
