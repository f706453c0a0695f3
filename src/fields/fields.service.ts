import type { Kysely, Selectable, Transaction } from "kysely";
import { audited, type ChangeContext } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import type { CustomFieldsTable, Database } from "../db/schema.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { fieldText } from "../platform/http/field-messages.ts";
import { newId } from "../platform/ids.ts";
import { nowIso } from "../platform/time.ts";
import { refreshRelabelled, relabelled } from "./fields.relabel.ts";
import { toDef } from "./fields.values.ts";
import { type CreateFieldInput, type FieldEntity, type FieldType, type FieldView, type UpdateFieldInput, MAX_FIELDS, isChoice } from "./fields.schema.ts";

type Q = Kysely<Database> | Transaction<Database>;

function present(r: Selectable<CustomFieldsTable>, used: number): FieldView {
  return {
    id: r.id,
    entity: r.entity as FieldEntity,
    key: r.key,
    labelJa: r.label_ja,
    labelEn: r.label_en,
    type: r.type as FieldType,
    options: JSON.parse(r.options),
    helpJa: r.help_ja,
    helpEn: r.help_en,
    position: r.position,
    inList: r.in_list === 1,
    archived: r.archived_at !== null,
    used,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** What the ledger keeps of a field: its definition, not the usage count. */
function snapshot(v: FieldView) {
  const { used: _used, createdAt: _c, updatedAt: _u, version: _v, ...rest } = v;
  return rest;
}

async function usage(db: Q, orgId: string, fieldIds: readonly string[]): Promise<Map<string, number>> {
  if (fieldIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("custom_field_values")
    .select((eb) => ["field_id", eb.fn.count<number>("record_id").distinct().as("n")])
    .where("org_id", "=", orgId)
    .where("field_id", "in", fieldIds)
    .groupBy("field_id")
    .execute();
  return new Map(rows.map((r) => [r.field_id, Number(r.n)]));
}

/** The organisation's fields, in form order, of one kind of record or all; archived ones only when asked. */
export async function listFields(db: Q, orgId: string, q: { entity?: FieldEntity | undefined; archived?: boolean | undefined }): Promise<{ items: FieldView[] }> {
  let query = db.selectFrom("custom_fields").selectAll().where("org_id", "=", orgId);
  if (q.entity) query = query.where("entity", "=", q.entity);
  if (!q.archived) query = query.where("archived_at", "is", null);
  const rows = await query.orderBy("entity").orderBy("position").orderBy("key").execute();
  const used = await usage(db, orgId, rows.map((r) => r.id));
  return { items: rows.map((r) => present(r, used.get(r.id) ?? 0)) };
}

function getField(db: Q, orgId: string, id: string) {
  return db.selectFrom("custom_fields").selectAll().where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
}

export async function readField(db: Db, orgId: string, id: string): Promise<FieldView> {
  const row = await getField(db.kysely, orgId, id);
  if (!row) throw notFound();
  return present(row, (await usage(db.kysely, orgId, [id])).get(id) ?? 0);
}

/** Defines a field; its key must be new for that kind of record (409 `code_taken` otherwise). */
export async function createField(db: Db, who: ChangeContext, input: CreateFieldInput): Promise<FieldView> {
  return audited(db, who, async (trx, record) => {
    const existing = await trx.selectFrom("custom_fields").select(["key", "position"]).where("org_id", "=", who.orgId).where("entity", "=", input.entity).execute();
    if (existing.some((f) => f.key === input.key)) throw new AppError(409, "code_taken", { field: "body.key" });
    if (existing.length >= MAX_FIELDS) throw new AppError(400, "validation_failed", [{ field: "body.key", message: `At most ${MAX_FIELDS} fields per kind of record` }]);
    const now = nowIso();
    const row = {
      id: newId("cfd"),
      org_id: who.orgId,
      entity: input.entity,
      key: input.key,
      label_ja: input.labelJa,
      label_en: input.labelEn,
      type: input.type,
      options: JSON.stringify(input.options),
      help_ja: input.helpJa,
      help_en: input.helpEn,
      position: existing.reduce((m, f) => Math.max(m, f.position + 1), 0),
      in_list: input.inList ? 1 : 0,
      archived_at: null,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await trx.insertInto("custom_fields").values(row).execute();
    const view = present(row, 0);
    record({ action: "custom_field.created", entityType: "custom_field", entityId: row.id, after: snapshot(view) });
    return view;
  });
}

/** Relabels, reorders, adds options, shows in lists, retires or brings back a field (optimistic concurrency). */
export async function updateField(db: Db, who: ChangeContext, id: string, input: UpdateFieldInput): Promise<FieldView> {
  return audited(db, who, async (trx, record) => {
    const current = await getField(trx, who.orgId, id);
    if (!current) throw notFound();
    const used = (await usage(trx, who.orgId, [id])).get(id) ?? 0;
    const before = present(current, used);
    if (current.version !== input.version) throw new AppError(409, "conflict", { current: before });
    if (input.options !== undefined) {
      if (!isChoice(before.type) && input.options.length) throw new AppError(400, "validation_failed", [{ field: "body.options", message: fieldText("options_not_allowed") }]);
      if (isChoice(before.type) && input.options.length === 0) throw new AppError(400, "validation_failed", [{ field: "body.options", message: fieldText("options_needed") }]);
      const kept = new Set(input.options.map((o) => o.value));
      const dropped = before.options.filter((o) => !kept.has(o.value)).map((o) => o.value);
      if (dropped.length) {
        const inUse = await trx.selectFrom("custom_field_values").select("value_key").where("org_id", "=", who.orgId).where("field_id", "=", id).where("value_key", "in", dropped).limit(1).executeTakeFirst();
        if (inUse) throw new AppError(400, "validation_failed", [{ field: "body.options", message: fieldText("option_in_use") }]);
      }
    }
    const now = nowIso();
    const next = {
      label_ja: input.labelJa ?? current.label_ja,
      label_en: input.labelEn ?? current.label_en,
      options: input.options ? JSON.stringify(input.options) : current.options,
      help_ja: input.helpJa ?? current.help_ja,
      help_en: input.helpEn ?? current.help_en,
      position: input.position ?? current.position,
      in_list: input.inList === undefined ? current.in_list : input.inList ? 1 : 0,
      archived_at: input.archived === undefined ? current.archived_at : input.archived ? (current.archived_at ?? now) : null,
      updated_at: now,
      version: current.version + 1,
    };
    const done = await trx.updateTable("custom_fields").set(next).where("org_id", "=", who.orgId).where("id", "=", id).where("version", "=", input.version).executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError(409, "conflict", { current: before });
    const after = present({ ...current, ...next }, used);
    // A relabelled option is searched by its new words at once, on every record holding it.
    if (input.options) await refreshRelabelled(trx, who.orgId, before.entity, toDef({ ...current, ...next }), relabelled(before.options, input.options));
    record({ action: "custom_field.updated", entityType: "custom_field", entityId: id, before: snapshot(before), after: snapshot(after) });
    return after;
  });
}
