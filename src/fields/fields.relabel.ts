import type { Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { searchTextOf as incidentSearchText } from "../incidents/incidents.service.ts";
import { foldForSearch } from "../platform/search-fold.ts";
import { timeSlicer } from "../platform/time-slice.ts";
import { searchTextOf as systemSearchText } from "../systems/systems.store.ts";
import type { FieldEntity, FieldOption } from "./fields.schema.ts";
import { customSearchText, fieldDefsByKey, optionWords, readCustom, type FieldDef } from "./fields.values.ts";

const CHUNK = 500;

/** The options whose words (labels) changed: only those values' records need their search text again. */
export function relabelled(before: readonly FieldOption[], after: readonly FieldOption[]): string[] {
  const old = new Map(before.map((o) => [o.value, o]));
  return after.filter((o) => {
    const b = old.get(o.value);
    return b !== undefined && (b.labelJa !== o.labelJa || b.labelEn !== o.labelEn);
  }).map((o) => o.value);
}

/**
 * After options were relabelled (the field's row already says the new labels): the index rows of
 * those values, and the own search text of every system or incident holding one, are written again
 * with the new words, in the same transaction — so a search finds a record by the label the
 * organisation now uses, not by the one it used when the record was last saved. Risks and vendors
 * read the index rows when searched, so theirs need nothing more.
 */
export async function refreshRelabelled(trx: Transaction<Database>, orgId: string, entity: FieldEntity, def: FieldDef, values: readonly string[]): Promise<void> {
  if (values.length === 0) return;
  for (const v of values) {
    await trx.updateTable("custom_field_values").set({ search_text: foldForSearch(optionWords(def, v)) }).where("org_id", "=", orgId).where("field_id", "=", def.id).where("value_key", "=", v).execute();
  }
  if (entity !== "system" && entity !== "incident") return;
  const holders = await trx.selectFrom("custom_field_values").select("record_id").distinct().where("org_id", "=", orgId).where("field_id", "=", def.id).where("value_key", "in", values).execute();
  const ids = holders.map((h) => h.record_id);
  const defs = await fieldDefsByKey(trx, orgId, entity);
  const slicer = timeSlicer();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    if (entity === "system") {
      const rows = await trx.selectFrom("ai_systems").select(["id", "code", "name_ja", "name_en", "purpose", "tags", "vendors", "custom"]).where("org_id", "=", orgId).where("id", "in", chunk).execute();
      for (const r of rows) {
        const text = systemSearchText({ code: r.code, nameJa: r.name_ja, nameEn: r.name_en, purpose: r.purpose, tags: JSON.parse(r.tags) as string[], vendors: JSON.parse(r.vendors) as string[] }) + customSearchText(readCustom(r.custom), defs);
        await trx.updateTable("ai_systems").set({ search_text: text }).where("org_id", "=", orgId).where("id", "=", r.id).execute();
      }
    } else {
      const rows = await trx.selectFrom("incidents").select(["id", "code", "title", "summary", "root_cause", "affected_parties", "custom"]).where("org_id", "=", orgId).where("id", "in", chunk).execute();
      for (const r of rows) {
        await trx.updateTable("incidents").set({ search_text: incidentSearchText(r) + customSearchText(readCustom(r.custom), defs) }).where("org_id", "=", orgId).where("id", "=", r.id).execute();
      }
    }
    await slicer.pause();
  }
}
