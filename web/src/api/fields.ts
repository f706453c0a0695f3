import { request } from "./client.ts";

/**
 * The organisation's own fields as the web UI sees them. Kept by hand beside
 * src/fields/fields.schema.ts.
 */

export const FIELD_ENTITIES = ["system", "risk", "incident", "vendor"] as const;
export type FieldEntity = (typeof FIELD_ENTITIES)[number];
export const FIELD_TYPES = ["text", "long_text", "number", "date", "choice", "multi_choice", "url", "person"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldOption {
  value: string;
  labelJa: string;
  labelEn: string;
}

export interface FieldView {
  id: string;
  entity: FieldEntity;
  key: string;
  labelJa: string;
  labelEn: string;
  type: FieldType;
  options: FieldOption[];
  helpJa: string;
  helpEn: string;
  position: number;
  inList: boolean;
  archived: boolean;
  /** How many records hold a value. */
  used: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A stored value: text (also a date, a choice, a URL or a person's id), a number, or several choices. */
export type CustomValue = string | number | string[];
export type CustomValues = Record<string, CustomValue>;
/** What a save sends: values by key; `null` clears one. */
export type CustomInput = Record<string, CustomValue | null>;

export interface CreateFieldInput {
  entity: FieldEntity;
  key: string;
  labelJa: string;
  labelEn: string;
  type: FieldType;
  options: FieldOption[];
  helpJa: string;
  helpEn: string;
  inList: boolean;
}

export type UpdateFieldInput = Partial<Pick<FieldView, "labelJa" | "labelEn" | "options" | "helpJa" | "helpEn" | "inList" | "position" | "archived">> & { version: number };

export const fieldsApi = {
  list: (params: { entity?: FieldEntity; archived?: boolean }, signal?: AbortSignal) =>
    request<{ items: FieldView[] }>("GET", "/api/fields", {
      query: { ...(params.entity && { entity: params.entity }), ...(params.archived && { archived: "true" }) },
      ...(signal && { signal }),
    }),
  create: (input: CreateFieldInput) => request<FieldView>("POST", "/api/fields", { body: input }),
  update: (id: string, input: UpdateFieldInput) => request<FieldView>("PATCH", `/api/fields/${encodeURIComponent(id)}`, { body: input }),
};

export function isChoice(type: FieldType): boolean {
  return type === "choice" || type === "multi_choice";
}
