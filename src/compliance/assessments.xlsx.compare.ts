import type { AssessmentItem } from "../db/schema.ts";
import type { Library } from "../library/library.model.ts";
import type { Bilingual } from "../systems/io/export.labels.ts";
import { isDateProblem, parseDate } from "../systems/io/import.dates.ts";
import { rowMessages } from "../systems/io/import.messages.ts";
import { refOf } from "./assessments.read.ts";
import { updateItemBody, type UpdateItemInput } from "./assessments.schema.ts";
import { MAX_TEXT, normalText, rowFingerprint, type EditableValues } from "./assessments.xlsx.export.ts";
import { EDITABLE_FIELDS, headerOf, ITEM_STATUS_WORDS, ROW_PROBLEMS, statusOfLabel, type EditableField } from "./assessments.xlsx.labels.ts";
import type { AssessmentWorkbook, SheetCells } from "./assessments.xlsx.read.ts";
import type { FieldChange, ReportRow, RowProblem } from "./assessments.xlsx.schema.ts";
import { ITEM_STATUSES, type ItemStatus } from "./statuses.ts";

/** A row's answers as the import compares them: status code, texts and dates, owner by lower-case e-mail; null for blank. */
type Values = { status: ItemStatus; justification: string | null; owner: string | null; dueDate: string | null; comment: string | null };

/** The people of the organisation, to read owners by e-mail and show them by name. */
export interface People {
  byId: Map<string, { email: string; name: string }>;
  byEmail: Map<string, { id: string; name: string }>;
}

/** A write the import will make: one row answered through `updateItem`, as from the UI. */
export interface PlannedWrite {
  line: number;
  itemId: string;
  input: UpdateItemInput;
}

/** A conflicting row the caller may choose to overwrite, naming the version they saw. */
export interface ConflictWrite extends PlannedWrite {
  version: number;
  canOverwrite: boolean;
}

export interface Comparison {
  rows: ReportRow[];
  writes: PlannedWrite[];
  conflicts: ConflictWrite[];
}

const blank = (s: string) => {
  const t = normalText(s);
  return t === "" ? null : t;
};

function currentValues(item: AssessmentItem, people: People): Values {
  return {
    status: (item.answer as ItemStatus | null) ?? "not_started",
    justification: item.justification === null ? null : blank(item.justification),
    owner: item.owner_id ? (people.byId.get(item.owner_id)?.email.toLowerCase() ?? null) : null,
    dueDate: item.due_date,
    comment: item.comment === null ? null : blank(item.comment),
  };
}

/** The values the hidden sheet says were exported; undefined when they cannot be what Musubi wrote. */
function exportedValues(v: EditableValues): Values | undefined {
  if (!(ITEM_STATUSES as readonly string[]).includes(v.status)) return undefined;
  if (v.dueDate !== "" && parseDate(v.dueDate) !== v.dueDate) return undefined;
  return { status: v.status as ItemStatus, justification: blank(v.justification), owner: blank(v.owner)?.toLowerCase() ?? null, dueDate: v.dueDate || null, comment: blank(v.comment) };
}

/** The workbook's values for one row, each field read or refused with a message naming the cell's text. */
function sheetValues(cells: SheetCells, exported: Values, people: People): { values: Values; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = (field: EditableField, code: string, message: Bilingual) => problems.push({ field, code, message });
  const values: Values = { ...exported };
  const status = statusOfLabel(cells.status);
  if (status === undefined) problem("status", "unknown_status", ROW_PROBLEMS.unknown_status(normalText(cells.status)));
  else values.status = status;
  for (const field of ["justification", "comment"] as const) {
    const text = blank(cells[field]);
    if (text !== null && text.length > MAX_TEXT) problem(field, "too_long", ROW_PROBLEMS.too_long(MAX_TEXT));
    else values[field] = text;
  }
  const owner = blank(cells.owner)?.toLowerCase() ?? null;
  if (owner !== exported.owner) {
    if (owner !== null && !people.byEmail.has(owner)) problem("owner", "unknown_user", rowMessages.unknown_user(normalText(cells.owner)));
    else values.owner = owner;
  }
  const due = blank(cells.dueDate);
  if (due === null) values.dueDate = null;
  else {
    const parsed = parseDate(due);
    if (isDateProblem(parsed)) problem("dueDate", "invalid_date", rowMessages.invalid_date(due, parsed));
    else values.dueDate = parsed;
  }
  return { values, problems };
}

function shownOf(field: EditableField, value: string | null, people: People): FieldChange["from"] {
  if (value === null) return { value: null, text: null };
  if (field === "status") return { value, text: { ...ITEM_STATUS_WORDS[value as ItemStatus] } };
  if (field === "owner") {
    const p = people.byEmail.get(value);
    return { value, text: p ? { ja: `${p.name}（${value}）`, en: `${p.name} (${value})` } : { ja: value, en: value } };
  }
  return { value, text: { ja: value, en: value } };
}

/** The fields in which `to` differs from `from`, each shown with its column's name. */
function diff(from: Values, to: Values, people: People, only?: readonly EditableField[]): FieldChange[] {
  return (only ?? EDITABLE_FIELDS)
    .filter((f) => from[f] !== to[f])
    .map((field) => ({ field, label: { ...headerOf(field) }, from: shownOf(field, from[field], people), to: shownOf(field, to[field], people) }));
}

/**
 * The answer `updateItem` is given for the fields the workbook changed, at `version`. A changed
 * status carries the row's reason with it, because the service clears a reason a new status
 * arrives without; "not applicable" without a reason is refused here, before anything is written.
 */
function inputFor(fields: readonly EditableField[], next: Values, version: number, people: People): UpdateItemInput | RowProblem {
  const input: Record<string, unknown> = { version };
  for (const f of fields) {
    if (f === "owner") input.ownerId = next.owner === null ? null : people.byEmail.get(next.owner)!.id;
    else input[f] = next[f];
  }
  if (fields.includes("status")) input.justification = next.justification;
  if (next.status === "not_applicable" && !next.justification && (fields.includes("status") || fields.includes("justification"))) {
    return { field: "justification", code: "justification_required", message: ROW_PROBLEMS.justification_required() };
  }
  const parsed = updateItemBody.safeParse(input);
  if (!parsed.success) return { code: "invalid_row", message: rowMessages.invalid_row() };
  return parsed.data;
}

type RowWide = "tampered" | "not_of_assessment" | "row_removed" | "row_moved" | "row_added" | "no_longer_applies";
const problemOf = (code: RowWide): RowProblem => ({ code, message: ROW_PROBLEMS[code]() });

/**
 * Compares an uploaded workbook with the assessment's rows as they are now, without writing:
 * each exported row is unchanged, a change (the workbook differs from what was exported and Musubi
 * has not moved on), a conflict (both changed it) or invalid (a value the import cannot read, a
 * row moved, added, removed or not of this assessment, hidden information changed). Rows are
 * reported by their row number in the items sheet, in sheet order.
 */
export function compareWorkbook(wb: AssessmentWorkbook, items: Map<string, AssessmentItem>, people: People, library: Library): Comparison {
  const rows: ReportRow[] = [];
  const writes: PlannedWrite[] = [];
  const conflicts: ConflictWrite[] = [];
  const seenItems = new Set<string>();
  const seenLines = new Set<number>();
  const base = (line: number, item: AssessmentItem | undefined): ReportRow => {
    const ref = item ? refOf(library, item.requirement_urn) : undefined;
    const title = ref && "title" in ref ? ref.title : undefined;
    return { line, requirement: ref ? { label: ref.label, ...(title ? { title } : {}) } : null, outcome: "unchanged", changes: [], changedInMusubi: false, problems: [] };
  };
  const invalid = (row: ReportRow, problems: RowProblem[]) => rows.push({ ...row, outcome: "invalid", problems });

  for (const exp of wb.exported) {
    const item = items.get(exp.itemId);
    const row = base(exp.line, item);
    const version = Number(exp.version);
    const repeated = seenItems.has(exp.itemId) || seenLines.has(exp.line);
    seenItems.add(exp.itemId);
    seenLines.add(exp.line);
    const exported = exportedValues(exp.exported);
    if (!Number.isInteger(exp.line) || exp.line < 2 || repeated || !Number.isInteger(version) || version < 1 || !exported) {
      invalid(row, [problemOf("tampered")]);
      continue;
    }
    if (!item) {
      invalid(row, [problemOf("not_of_assessment")]);
      continue;
    }
    const cells = wb.sheet.get(exp.line);
    if (!cells) {
      invalid(row, [problemOf("row_removed")]);
      continue;
    }
    if (rowFingerprint(cells.ref, cells.title, cells.text) !== exp.fingerprint) {
      invalid(row, [problemOf("row_moved")]);
      continue;
    }
    if (version > item.version) {
      invalid(row, [problemOf("tampered")]);
      continue;
    }
    const { values, problems } = sheetValues(cells, exported, people);
    if (problems.length > 0) {
      invalid(row, problems);
      continue;
    }
    const edited = EDITABLE_FIELDS.filter((f) => values[f] !== exported[f]);
    const current = currentValues(item, people);
    if (edited.length === 0) {
      rows.push({ ...row, changedInMusubi: version < item.version });
      continue;
    }
    // The workbook's edits on top of what Musubi holds now: only the fields the person changed.
    const next: Values = { ...current };
    for (const f of edited) (next as Record<EditableField, unknown>)[f] = values[f];
    const changes = diff(current, next, people, edited);
    if (changes.length === 0) {
      // Musubi already holds what the workbook says (the same file applied before, or the same answer given twice).
      rows.push({ ...row, changedInMusubi: version < item.version });
      continue;
    }
    const input = inputFor(edited, next, item.version, people);
    if ("code" in input) {
      invalid(row, [input]);
      continue;
    }
    if (version < item.version || item.applicable !== 1) {
      const canOverwrite = item.applicable === 1;
      rows.push({
        ...row,
        outcome: "conflict",
        conflict: { musubi: diff(exported, current, people), workbook: diff(exported, values, people, edited), version: item.version, changedAt: item.updated_at, canOverwrite },
        problems: canOverwrite ? [] : [problemOf("no_longer_applies")],
      });
      conflicts.push({ line: exp.line, itemId: item.id, input, version: item.version, canOverwrite });
      continue;
    }
    rows.push({ ...row, outcome: "change", changes });
    writes.push({ line: exp.line, itemId: item.id, input });
  }
  for (const line of wb.sheet.keys()) if (!seenLines.has(line)) invalid(base(line, undefined), [problemOf("row_added")]);
  rows.sort((a, b) => a.line - b.line);
  return { rows, writes, conflicts };
}
