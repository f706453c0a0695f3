import { z } from "zod";
import { AppError } from "../../platform/errors.ts";
import { countryCode, createSystemBody, type CreateSystemInput } from "../systems.schema.ts";
import { isDateProblem, parseDate } from "./import.dates.ts";
import { IMPORT_FIELDS, LIST_FIELDS, type ImportField, type Mapping } from "./import.mapping.ts";
import { COMPANION_FIELDS } from "./import.headers.ts";
import { rowMessages, type Bilingual } from "./import.messages.ts";
import { foldValue, parseEntries, parseLifecycle, parseList, resolveCountry, tryJson, type SplitRule } from "./import.values.ts";
import type { Table } from "./table.read.ts";
import type { MissingRecords } from "./import.missing.ts";
import { customFromCell, customKeyOf, isCustomTarget } from "../../fields/fields.cells.ts";
import type { FieldDef } from "../../fields/fields.values.ts";
import { FIELD_TEXT } from "../../platform/http/field-messages.ts";

/** One problem with one row, naming the column and the field so the person can find and fix it. */
export interface RowError {
  line: number;
  column?: string;
  /** The import field, with a path inside it where there is one (`models.0.name`, `profile.usesBiometrics`). */
  field?: string;
  code: string;
  message: Bilingual;
}

/** What validation needs to know about the organisation, loaded once per import by the caller. */
export interface ImportContext {
  /** Users by e-mail address (compared case-insensitively). */
  userIdByEmail: Map<string, string>;
  departmentIdByCode: Map<string, string>;
  /** Codes already used in the inventory. */
  existingCodes: Set<string>;
  /** Rows may update the inventory's systems (an upsert): a code already used is then a match, not a clash. */
  upsert?: boolean;
  /** Departments by name (Japanese or English, folded): a register names them more often than it codes them. */
  departmentIdByName?: Map<string, string>;
  /** Departments and owners the import creates when a row names one the organisation lacks (on request). */
  missing?: MissingRecords;
  /** The organisation's own fields on systems, by key (archived ones included: a mapping to one is refused by name). */
  customFields?: ReadonlyMap<string, FieldDef>;
  /** The applicability engine's check of a profile; each problem names the fact it concerns. */
  checkProfile(facts: Record<string, unknown>): { path: string; message: Bilingual }[];
}

export interface ValidatedRows {
  /** `unnamed`: an upsert row that gives a code but no name — it may update a system, never create one. */
  valid: { line: number; input: CreateSystemInput; unnamed?: true }[];
  errors: RowError[];
  /** What goes in but deserves a look (text the file's encoding may have damaged, control characters). */
  warnings: RowError[];
}

const PROGRESS_EVERY = 2_000;
const CODE_PATTERN = /^[A-Za-z0-9._-]{1,40}$/;
/** Excel-formula guard the CSV exporter adds (`'=…`), taken off again on import. */
const GUARDED = /^'+[=+\-@\t\r]/;
const JA_ERRORS = z.locales.ja().localeError;
/** U+FFFD (a byte the reader could not decode) or a C0 control other than tab and line breaks, or DEL. */
const SUSPECT = /[\uFFFD\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;

/** The `createSystemBody` key each import field fills; the rest fill the key of their own name. */
const INPUT_KEY: Partial<Record<ImportField, string>> = {
  businessOwnerEmail: "businessOwnerId",
  technicalOwnerEmail: "technicalOwnerId",
  departmentCode: "departmentId",
};
const FIELD_OF_KEY = new Map<string, ImportField>(IMPORT_FIELDS.map((f) => [INPUT_KEY[f] ?? f, f]));
const BIT = new Map<ImportField, number>(IMPORT_FIELDS.map((f, i) => [f, 1 << i]));

/** A column that fills one of the organisation's own fields. */
interface CustomPlan {
  index: number;
  column: string;
  key: string;
  def: FieldDef;
  values: Map<string, string> | undefined;
  split: SplitRule;
}

interface Plan {
  index: number;
  column: string;
  field: ImportField;
  bit: number;
  /** The column's translations, keyed by {@link foldValue}. */
  values: Map<string, string> | undefined;
  split: SplitRule;
}

/**
 * Turns table rows into `CreateSystemInput`s, or into errors naming row, column and value in
 * English and Japanese. Owners and departments are resolved to ids; a row with any error yields no
 * input. A mapping naming a column the table lacks, or a single-value field twice, is a 400.
 */
export function validateRows(
  table: Table,
  mapping: Mapping,
  ctx: ImportContext,
  onProgress?: (done: number, total: number) => void,
): ValidatedRows {
  const validator = createRowValidator(table, mapping, ctx);
  const valid: ValidatedRows["valid"] = [];
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  const total = table.rows.length;
  for (let start = 0; start < total; start += PROGRESS_EVERY) {
    const end = Math.min(start + PROGRESS_EVERY, total);
    const slice = validator.validateRange(start, end);
    for (const v of slice.valid) valid.push(v);
    for (const e of slice.errors) errors.push(e);
    for (const w of slice.warnings) warnings.push(w);
    onProgress?.(end, total);
  }
  if (total === 0) onProgress?.(0, 0);
  return { valid, errors, warnings };
}

/** Validates a table a range of rows at a time, for callers that yield to the event loop between ranges. */
export interface RowValidatorHandle {
  /**
   * Validates `table.rows[start, end)`. Ranges must be taken in order: a code repeated in a later
   * range is reported as a duplicate of the row that first used it, as in one `validateRows` call.
   */
  validateRange(start: number, end: number): ValidatedRows;
}

export function createRowValidator(table: Table, mapping: Mapping, ctx: ImportContext): RowValidatorHandle {
  const { plans, custom } = planMapping(table.headers, mapping, ctx.customFields);
  return new RowValidator(table, plans, custom, ctx);
}

function planMapping(headers: readonly string[], mapping: Mapping, customFields: ReadonlyMap<string, FieldDef> = new Map()): { plans: Plan[]; custom: CustomPlan[] } {
  const issues: { field: string; code: string; message: string }[] = [];
  const seen = new Set<string>();
  const plans: Plan[] = [];
  const custom: CustomPlan[] = [];
  mapping.forEach(({ column, field, values, split }, i) => {
    const index = headers.indexOf(column);
    if (index < 0) issues.push({ field: `mapping.${i}.column`, code: "unknown_column", message: `The file has no column "${column}".` });
    if (seen.has(field) && (isCustomTarget(field) || !LIST_FIELDS.has(field))) {
      issues.push({ field: `mapping.${i}.field`, code: "duplicate_field", message: `Only one column can feed ${field}.` });
    }
    seen.add(field);
    const translations = values && Object.keys(values).length > 0 ? new Map(Object.entries(values).map(([from, to]) => [foldValue(from), to.trim()])) : undefined;
    if (isCustomTarget(field)) {
      const key = customKeyOf(field);
      const def = customFields.get(key);
      if (!def) issues.push({ field: `mapping.${i}.field`, code: "unknown_field", message: FIELD_TEXT.no_such_field.en });
      else if (def.archived) issues.push({ field: `mapping.${i}.field`, code: "field_archived", message: FIELD_TEXT.field_archived.en });
      else custom.push({ index, column, key, def, values: translations, split });
      return;
    }
    plans.push({ index, column, field, bit: BIT.get(field)!, values: translations, split });
  });
  if (issues.length > 0) throw new AppError(400, "validation_failed", issues);
  return { plans, custom };
}

function lowerKeys(map: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of map) out.set(k.trim().toLowerCase(), v);
  return out;
}

/** Validates one row at a time; the state it keeps across rows is the codes seen so far. */
class RowValidator implements RowValidatorHandle {
  private readonly rows: Table["rows"];
  private readonly users: Map<string, string>;
  private readonly seenCodes = new Map<string, number>();
  private readonly csv: boolean;
  private readonly width: number;
  private readonly codePlan: Plan | undefined;
  /** Bit per import field that already has an error in the current row, so schema issues do not repeat it. */
  private bad = 0;
  /** The current row's names for a department or owner the import may create. */
  private companions: Partial<Record<ImportField, string>> = {};

  constructor(
    table: Table,
    private readonly plans: Plan[],
    private readonly customPlans: CustomPlan[],
    private readonly ctx: ImportContext,
  ) {
    this.rows = table.rows;
    this.users = lowerKeys(ctx.userIdByEmail);
    this.csv = table.format === "csv";
    this.width = table.headers.length;
    this.codePlan = plans.find((p) => p.field === "code");
  }

  validateRange(start: number, end: number): ValidatedRows {
    const valid: ValidatedRows["valid"] = [];
    const errors: RowError[] = [];
    const warnings: RowError[] = [];
    for (let r = start; r < end; r++) {
      const row = this.rows[r]!;
      const unnamed = this.unnamed(row.cells);
      const input = this.validate(row.line, row.cells, errors, warnings);
      if (input) valid.push(unnamed ? { line: row.line, input, unnamed } : { line: row.line, input });
    }
    return { valid, errors, warnings };
  }

  private validate(line: number, cells: string[], errors: RowError[], warnings: RowError[]): CreateSystemInput | undefined {
    const before = errors.length;
    this.bad = 0;
    this.checkShape(line, cells, errors);
    const draft: Record<string, unknown> = {};
    this.companions = {};
    for (const plan of this.plans) {
      if (!COMPANION_FIELDS.has(plan.field)) continue;
      const text = (cells[plan.index] ?? "").trim();
      if (text !== "") this.companions[plan.field] = plan.values ? translate(plan, text) : text;
    }
    for (const plan of this.plans) {
      let text = cells[plan.index] ?? "";
      if (this.csv && GUARDED.test(text)) text = text.slice(1);
      text = text.trim();
      if (SUSPECT.test(text)) warnings.push(suspect(line, plan, text));
      // A list's translations apply item by item, once it is cut.
      if (plan.values && !LIST_FIELDS.has(plan.field)) text = translate(plan, text);
      if (text !== "") this.readCell(line, plan, text, draft, errors);
    }
    if (this.customPlans.length) this.readCustom(line, cells, draft, errors, warnings);
    // A register that records no stage says nothing about it: "unknown", not a guess.
    if (draft.lifecycle === undefined) draft.lifecycle = "unknown";
    const copiedName = this.completeNames(line, draft, errors);
    this.checkCode(line, draft, errors);
    const parsed = createSystemBody.safeParse(draft);
    if (parsed.success && errors.length === before) return parsed.data;
    if (!parsed.success) this.addSchemaIssues(line, cells, draft, parsed.error.issues, copiedName, errors);
    // A refused row must say why, even if every schema issue was filtered as a repeat.
    if (errors.length === before) errors.push({ line, code: "invalid_row", message: rowMessages.invalid_row() });
    return undefined;
  }

  private fail(errors: RowError[], line: number, plan: Plan | undefined, field: ImportField, code: keyof typeof rowMessages | "invalid_profile", message: Bilingual, path?: string) {
    this.bad |= BIT.get(field)!;
    const error: RowError = { line, field: path === undefined ? field : `${field}.${path}`, code, message };
    if (plan) error.column = plan.column;
    errors.push(error);
  }

  private checkShape(line: number, cells: string[], errors: RowError[]) {
    if (cells.length > this.width) {
      for (let i = this.width; i < cells.length; i++) {
        if (cells[i]!.trim() !== "") {
          errors.push({ line, code: "extra_cells", message: rowMessages.extra_cells(cells.length, this.width) });
          return;
        }
      }
    } else if (this.csv && cells.length < this.width) {
      errors.push({ line, code: "missing_cells", message: rowMessages.missing_cells(cells.length, this.width) });
    }
  }

  private readCell(line: number, plan: Plan, text: string, draft: Record<string, unknown>, errors: RowError[]) {
    const field = plan.field;
    switch (field) {
      case "code":
      case "nameJa":
      case "nameEn":
      case "purpose":
        draft[field] = text;
        return;
      case "businessOwnerEmail":
      case "technicalOwnerEmail": {
        const id = this.users.get(text.toLowerCase()) ?? this.ctx.missing?.owner(text, line, this.companions[field === "businessOwnerEmail" ? "businessOwnerName" : "technicalOwnerName"]);
        if (id === undefined) this.fail(errors, line, plan, field, "unknown_user", rowMessages.unknown_user(text));
        else draft[INPUT_KEY[field]!] = id;
        return;
      }
      case "departmentCode": {
        const id = this.ctx.departmentIdByCode.get(text) ?? this.ctx.departmentIdByName?.get(foldValue(text)) ?? this.ctx.missing?.department(text, { ja: this.companions.departmentNameJa, en: this.companions.departmentNameEn });
        if (id === undefined) this.fail(errors, line, plan, field, "unknown_department", rowMessages.unknown_department(text));
        else draft.departmentId = id;
        return;
      }
      case "lifecycle": {
        const stage = parseLifecycle(text);
        if (stage === undefined) this.fail(errors, line, plan, field, "unknown_lifecycle", rowMessages.unknown_lifecycle(text));
        else draft.lifecycle = stage;
        return;
      }
      case "lastReviewedAt":
      case "nextReviewAt": {
        const date = parseDate(text);
        if (isDateProblem(date)) this.fail(errors, line, plan, field, "invalid_date", rowMessages.invalid_date(text, date));
        else draft[field] = date;
        return;
      }
      case "profile":
        this.readProfile(line, plan, text, draft, errors);
        return;
      case "models":
      case "datasets":
      case "components": {
        const entries = parseEntries(text, plan.split);
        if (entries === undefined) this.fail(errors, line, plan, field, "invalid_entries", rowMessages.invalid_entries(text));
        else append(draft, field, plan.values ? translateEntries(plan, entries) : entries);
        return;
      }
      case "vendors":
      case "tags": {
        const items = parseList(text, field === "tags", plan.split);
        if (items === undefined) this.fail(errors, line, plan, field, "invalid_list", rowMessages.invalid_list(text));
        else append(draft, field, translateItems(plan, items));
        return;
      }
      case "countries":
        this.readCountries(line, plan, text, draft, errors);
        return;
    }
  }

  /** The organisation's own fields: each cell read as its field's type, a problem named by the field's key. */
  private readCustom(line: number, cells: string[], draft: Record<string, unknown>, errors: RowError[], warnings: RowError[]) {
    const custom: Record<string, unknown> = {};
    for (const plan of this.customPlans) {
      let text = cells[plan.index] ?? "";
      if (this.csv && GUARDED.test(text)) text = text.slice(1);
      if (text.trim() === "") continue;
      if (SUSPECT.test(text)) warnings.push(suspect(line, { column: plan.column, field: `custom.${plan.key}` }, text));
      const read = customFromCell(plan.def, text, { split: plan.split, person: (email) => this.users.get(email.toLowerCase()) ?? this.ctx.missing?.owner(email, line, undefined), ...(plan.values && { translate: (t: string) => plan.values!.get(foldValue(t)) ?? t }) });
      if ("problem" in read) errors.push({ line, column: plan.column, field: `custom.${plan.key}`, code: "invalid_custom", message: FIELD_TEXT[read.problem] });
      else if (read.value !== null) custom[plan.key] = read.value;
    }
    if (Object.keys(custom).length) draft.custom = custom;
  }

  private readProfile(line: number, plan: Plan, text: string, draft: Record<string, unknown>, errors: RowError[]) {
    const facts = tryJson(text);
    if (facts === null || typeof facts !== "object" || Array.isArray(facts)) {
      this.fail(errors, line, plan, "profile", "invalid_json_object", rowMessages.invalid_json_object(text));
      return;
    }
    draft.profile = facts;
    for (const problem of this.ctx.checkProfile(facts as Record<string, unknown>)) {
      this.fail(errors, line, plan, "profile", "invalid_profile", problem.message, problem.path || undefined);
    }
  }

  private readCountries(line: number, plan: Plan, text: string, draft: Record<string, unknown>, errors: RowError[]) {
    const parsed = parseList(text, true, plan.split);
    if (parsed === undefined) {
      this.fail(errors, line, plan, "countries", "invalid_list", rowMessages.invalid_list(text));
      return;
    }
    const items = translateItems(plan, parsed);
    const codes: string[] = [];
    for (const item of items) {
      const code = resolveCountry(item);
      if (code !== undefined && isCountryCode(code)) codes.push(code);
      else this.fail(errors, line, plan, "countries", "unknown_country", rowMessages.unknown_country(item));
    }
    append(draft, "countries", codes);
  }

  /** A system needs a name in at least one language; the other is copied. Returns the copied field. */
  /** In an upsert, a row with a code and no name (a file that updates some fields of known systems). */
  private unnamed(cells: string[]): true | undefined {
    if (!this.ctx.upsert || !this.codePlan) return undefined;
    const filled = (p: Plan) => (cells[p.index] ?? "").trim() !== "";
    if (!filled(this.codePlan) || this.plans.some((p) => (p.field === "nameJa" || p.field === "nameEn") && filled(p))) return undefined;
    return true;
  }

  private completeNames(line: number, draft: Record<string, unknown>, errors: RowError[]): ImportField | undefined {
    // Stands in for the names while the row is checked; the plan refuses it unless it matches a system.
    if (draft.nameJa === undefined && draft.nameEn === undefined && this.ctx.upsert && typeof draft.code === "string") {
      draft.nameJa = draft.nameEn = draft.code;
      return "nameJa";
    }
    if (draft.nameJa === undefined && draft.nameEn === undefined) {
      this.fail(errors, line, undefined, "nameJa", "name_required", rowMessages.name_required());
      this.bad |= BIT.get("nameEn")!;
      return undefined;
    }
    if (draft.nameJa === undefined) {
      draft.nameJa = draft.nameEn;
      return "nameJa";
    }
    if (draft.nameEn === undefined) {
      draft.nameEn = draft.nameJa;
      return "nameEn";
    }
    return undefined;
  }

  private checkCode(line: number, draft: Record<string, unknown>, errors: RowError[]) {
    const code = draft.code as string | undefined;
    if (code === undefined) return;
    const plan = this.codePlan;
    if (!CODE_PATTERN.test(code)) {
      this.fail(errors, line, plan, "code", "invalid_code", rowMessages.invalid_code(code));
      return;
    }
    const first = this.seenCodes.get(code);
    if (first !== undefined) this.fail(errors, line, plan, "code", "duplicate_code", rowMessages.duplicate_code(code, first));
    else {
      this.seenCodes.set(code, line);
      if (!this.ctx.upsert && this.ctx.existingCodes.has(code)) this.fail(errors, line, plan, "code", "code_taken", rowMessages.code_taken(code));
    }
  }

  /**
   * Schema issues become row errors naming the column; the Japanese text comes from parsing again
   * with zod's Japanese locale, which happens only for failing rows. Issues on a field that already
   * has an error, or on a name copied from the other language, would only repeat it.
   */
  private addSchemaIssues(line: number, cells: string[], draft: Record<string, unknown>, issues: z.core.$ZodIssue[], copiedName: ImportField | undefined, errors: RowError[]) {
    const jaResult = createSystemBody.safeParse(draft, { error: JA_ERRORS });
    const jaIssues = jaResult.success ? [] : jaResult.error.issues;
    issues.forEach((issue, i) => {
      const field = FIELD_OF_KEY.get(String(issue.path[0]));
      if (field === undefined || field === copiedName || (this.bad & BIT.get(field)!) !== 0) return;
      const rest = issue.path.slice(1).map(String);
      if (issue.code === "unrecognized_keys") rest.push(issue.keys.join(","));
      const error: RowError = {
        line,
        field: [field, ...rest].join("."),
        code: `schema_${issue.code}`,
        message: { en: issue.message, ja: jaIssues[i]?.message ?? issue.message },
      };
      const column = this.columnOf(field, typeof issue.path[1] === "number" ? issue.path[1] : undefined, cells);
      if (column !== undefined) error.column = column;
      errors.push(error);
    });
  }

  /** The column a field (or the n-th item of a list fed by several columns) came from. */
  private columnOf(field: ImportField, item: number | undefined, cells: string[]): string | undefined {
    const plans = this.plans.filter((p) => p.field === field);
    if (plans.length <= 1 || item === undefined) return plans[0]?.column;
    let count = 0;
    for (const plan of plans) {
      const text = cells[plan.index] ?? "";
      const items = field === "models" || field === "datasets" || field === "components" ? (plan.values ? translateEntries(plan, parseEntries(text, plan.split) ?? []) : parseEntries(text, plan.split)) : translateItems(plan, parseList(text, field !== "vendors", plan.split) ?? []);
      count += items?.length ?? 0;
      if (item < count) return plan.column;
    }
    return plans[0]!.column;
  }
}

function suspect(line: number, plan: { column: string; field: string }, text: string): RowError {
  const code = text.includes("\uFFFD") ? "replacement_character" : "control_character";
  return { line, column: plan.column, field: plan.field, code, message: rowMessages[code](text) };
}

/** A cell or list item in the column's translation, if it has one ("" for a value that means absent). */
function translate(plan: Plan, text: string): string {
  return plan.values?.get(foldValue(text)) ?? text;
}

function translateItems(plan: Plan, items: string[]): string[] {
  if (!plan.values) return items;
  const out: string[] = [];
  for (const item of items) {
    const t = translate(plan, item);
    if (t !== "") out.push(t);
  }
  return out;
}

/** Plain names (`{ name }` made from text) take the column's translations; JSON objects are kept as written. */
function translateEntries(plan: Plan, entries: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const e of entries) {
    const name = (e as { name?: unknown }).name;
    if (typeof name === "string" && Object.keys(e as object).length === 1) {
      const t = translate(plan, name);
      if (t !== "") out.push({ name: t });
    } else out.push(e);
  }
  return out;
}

const countryVerdicts = new Map<string, boolean>();

/** The schema's own country check, remembered per code: a file names the same few countries on every row. */
function isCountryCode(code: string): boolean {
  let ok = countryVerdicts.get(code);
  if (ok === undefined) {
    ok = countryCode.safeParse(code).success;
    if (countryVerdicts.size < 1_000) countryVerdicts.set(code, ok);
  }
  return ok;
}

function append(draft: Record<string, unknown>, key: string, items: readonly unknown[]) {
  const list = draft[key] as unknown[] | undefined;
  if (list === undefined) draft[key] = items.slice();
  else for (const item of items) list.push(item);
}
