import type { Command } from "commander";
import { explain, orgIdOf, out, withDatabase } from "./context.ts";

const services = async () => ({
  ...(await import("../audit/audited.ts")),
  ...(await import("../fields/fields.schema.ts")),
  ...(await import("../fields/fields.service.ts")),
  ...(await import("../platform/http/field-messages.ts")),
});

/**
 * `choice` options from the terminal: `value=日本語ラベル/English label`, comma-separated
 * (`low=低/Low,high=高/High`); a bare `value` is its own label in both languages.
 */
export function parseOptions(text: string | undefined): { value: string; labelJa: string; labelEn: string }[] {
  if (!text) return [];
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => {
      const [value, labels] = item.split("=", 2) as [string, string | undefined];
      const [ja, en] = (labels ?? value).split("/", 2);
      return { value: value.trim(), labelJa: (ja ?? value).trim(), labelEn: (en ?? ja ?? value).trim() };
    });
}

export function registerFieldsCommands(program: Command): void {
  const fields = program.command("fields").description("the organisation's own fields on systems, risks, incidents and vendors");
  fields
    .command("list")
    .description("list the custom fields (key, kind of record, type, labels, how many records use each)")
    .requiredOption("--org <slug>", "organisation slug")
    .option("--entity <entity>", "system, risk, incident or vendor")
    .option("--archived", "include retired fields")
    .option("--json", "print JSON")
    .action(async (o: { org: string; entity?: string; archived?: boolean; json?: boolean }) => {
      const s = await services();
      await withDatabase(async (db) => {
        const orgId = await orgIdOf(db, o.org);
        const entity = o.entity === undefined ? undefined : s.FIELD_ENTITIES.find((e) => e === o.entity);
        if (o.entity !== undefined && !entity) throw new Error(`unknown kind of record "${o.entity}" (one of: ${s.FIELD_ENTITIES.join(", ")})`);
        const { items } = await s.listFields(db.kysely, orgId, { entity, archived: o.archived });
        if (o.json) return out(JSON.stringify(items, null, 2));
        if (items.length === 0) return out("no custom fields");
        for (const f of items) out(`${f.entity}\t${f.key}\t${f.type}\t${f.labelJa} / ${f.labelEn}\t${f.used} in use${f.archived ? "\tretired" : ""}`);
      });
    });
  fields
    .command("create")
    .description("define a custom field")
    .requiredOption("--org <slug>", "organisation slug")
    .requiredOption("--entity <entity>", "system, risk, incident or vendor")
    .requiredOption("--key <key>", "name in the API, exports and mappings, e.g. legal_basis")
    .requiredOption("--label-ja <label>", "label in Japanese")
    .requiredOption("--label-en <label>", "label in English")
    .option("--type <type>", "text, long_text, number, date, choice, multi_choice, url or person", "text")
    .option("--options <list>", "choices as value=日本語/English, comma-separated (choice and multi_choice)")
    .option("--in-list", "show as a column of the record's list")
    .action(async (o: { org: string; entity: string; key: string; labelJa: string; labelEn: string; type: string; options?: string; inList?: boolean }) => {
      const s = await services();
      await withDatabase(async (db) => {
        const orgId = await orgIdOf(db, o.org);
        const parsed = s.createFieldBody.safeParse({ entity: o.entity, key: o.key, labelJa: o.labelJa, labelEn: o.labelEn, type: o.type, options: parseOptions(o.options), inList: o.inList === true });
        if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join(".") || "field"}: ${s.wordField(i.message, "en")}`).join("\n"));
        const made = await explain(s.createField(db, { actor: s.SYSTEM_ACTOR, orgId }, parsed.data));
        out(`field ${made.entity}.${made.key} (${made.type}) created: ${made.id}`);
      });
    });
}
