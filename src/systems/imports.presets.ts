import { z } from "zod";
import { audited, type ChangeContext } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import type { ImportPresetsTable } from "../db/schema.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { newId } from "../platform/ids.ts";
import { nowIso } from "../platform/time.ts";
import type { Selectable } from "kysely";
import { importOptions } from "./imports.schema.ts";

/**
 * What a preset keeps: everything about how a register is read and what is done with it — the
 * file's own rows aside. The same object is the shareable file (`musubi systems import --mapping`
 * takes its `mapping`, or the whole preset).
 */
export const presetSettings = importOptions.omit({ sheet: true }).extend({ sheet: z.string().max(200).optional() });
export type PresetSettings = z.infer<typeof presetSettings>;

export const presetBody = z.strictObject({ name: z.string().trim().min(1).max(100), settings: presetSettings });

export const presetView = z.object({ id: z.string(), name: z.string(), settings: presetSettings, createdBy: z.string().nullable(), updatedAt: z.string(), version: z.number().int() });
export type PresetView = z.infer<typeof presetView>;

function present(r: Selectable<ImportPresetsTable>): PresetView {
  return { id: r.id, name: r.name, settings: JSON.parse(r.settings), createdBy: r.created_by, updatedAt: r.updated_at, version: r.version };
}

export async function listPresets(db: Db, orgId: string): Promise<PresetView[]> {
  const rows = await db.kysely.selectFrom("import_presets").selectAll().where("org_id", "=", orgId).orderBy("name").execute();
  return rows.map(present);
}

/** Saves settings under a name; a preset of the same name is replaced (its version moves on). */
export async function savePreset(db: Db, who: ChangeContext, input: z.infer<typeof presetBody>): Promise<PresetView> {
  return audited(db, who, async (trx, record) => {
    const now = nowIso();
    const current = await trx.selectFrom("import_presets").selectAll().where("org_id", "=", who.orgId).where("name", "=", input.name).executeTakeFirst();
    const row = current
      ? { ...current, settings: JSON.stringify(input.settings), updated_at: now, version: current.version + 1 }
      : { id: newId("ipr"), org_id: who.orgId, name: input.name, settings: JSON.stringify(input.settings), created_by: who.actor.label, created_at: now, updated_at: now, version: 1 };
    if (current) await trx.updateTable("import_presets").set({ settings: row.settings, updated_at: now, version: row.version }).where("org_id", "=", who.orgId).where("id", "=", current.id).execute();
    else await trx.insertInto("import_presets").values(row).execute();
    record({ action: "import_preset.saved", entityType: "import_preset", entityId: row.id, ...(current && { before: { name: current.name, settings: JSON.parse(current.settings) } }), after: { name: row.name, settings: input.settings } });
    return present(row);
  });
}

export async function deletePreset(db: Db, who: ChangeContext, id: string): Promise<void> {
  await audited(db, who, async (trx, record) => {
    const row = await trx.selectFrom("import_presets").selectAll().where("org_id", "=", who.orgId).where("id", "=", id).executeTakeFirst();
    if (!row) throw notFound();
    await trx.deleteFrom("import_presets").where("org_id", "=", who.orgId).where("id", "=", id).execute();
    record({ action: "import_preset.deleted", entityType: "import_preset", entityId: id, before: { name: row.name } });
  });
}

/** A preset file as people share it: a preset's settings, or just a mapping array (what `--mapping` has always taken). */
export function readPresetFile(json: unknown): PresetSettings {
  const settings = Array.isArray(json) ? { mapping: json } : json;
  const parsed = presetSettings.safeParse(settings);
  if (!parsed.success) throw new AppError(400, "validation_failed", parsed.error.issues.slice(0, 20).map((i) => ({ field: ["preset", ...i.path.map(String)].join("."), message: i.message })));
  return parsed.data;
}
