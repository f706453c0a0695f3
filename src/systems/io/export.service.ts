import type { Db } from "../../db/connect.ts";
import type { Library } from "../../library/library.model.ts";
import { frameworkLabel } from "../../library/library.present.ts";
import type { Locale } from "../../platform/i18n.ts";
import { todayIn } from "../../platform/time.ts";
import { orgTimeZone } from "../../orgs/orgs.store.ts";
import { EU_RISK_SCHEME } from "../systems.classify.ts";
import { exportSystems } from "../systems.store.ts";
import type { LibraryText } from "./export.labels.ts";
import { peopleTable, type LibraryWords } from "./export.people.ts";
import { readPostures } from "./export.posture.ts";
import type { ExportQuery } from "./export.query.ts";
import { machineTable, type ExportTable } from "./export.table.ts";
import { tableCsv, tableXlsx, toJson } from "./export.write.ts";
import type { CustomExport } from "./export.custom.ts";
import { fieldDefs } from "../../fields/fields.values.ts";

const CONTENT_TYPES = { csv: "text/csv; charset=utf-8", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", json: "application/json" } as const;

/** The media types the download is sent as (without parameters), for the route's `files`. */
export const EXPORT_MEDIA_TYPES = Object.values(CONTENT_TYPES).map((t) => t.split(";")[0]!);

/** The profile questions, EU class names and framework names (current versions, by id as on the dashboard) the people's sheet shows. */
export function libraryWords(library: Library): LibraryWords {
  const euClasses = new Map<string, LibraryText>();
  for (const v of library.compiled.schemes.get(EU_RISK_SCHEME)?.values ?? []) euClasses.set(v.id, v.label);
  const frameworks = new Map<string, LibraryText>();
  for (const [id, fw] of [...library.current].sort(([a], [b]) => a.localeCompare(b))) frameworks.set(id, frameworkLabel(fw.file));
  return { questions: library.profile.questions, euClasses, frameworks };
}

/** The organisation's current fields on systems and the people they may name; none when it has no fields. */
async function customExport(db: Db["kysely"], orgId: string): Promise<CustomExport | undefined> {
  const defs = (await fieldDefs(db, orgId, "system")).filter((d) => !d.archived);
  if (defs.length === 0) return undefined;
  const people = defs.some((d) => d.type === "person") ? await db.selectFrom("users").select(["id", "email", "display_name"]).where("org_id", "=", orgId).execute() : [];
  return { defs, people: new Map(people.map((u) => [u.id, { email: u.email, displayName: u.display_name }])) };
}

/**
 * The inventory download: the systems the list's filters select, as a file for people (in
 * `lang`, else the negotiated language, with the organisation's time zone) or for re-import.
 * "Today" for the overdue filter and the file name is the organisation's day.
 */
export async function exportInventory(deps: { db: Db; library: Library }, orgId: string, query: ExportQuery, negotiated: Locale): Promise<Response> {
  const { format, audience, lang, ...filters } = query;
  const db = deps.db.kysely;
  const timeZone = await orgTimeZone(db, orgId);
  const today = todayIn(timeZone);
  const records = await exportSystems(db, orgId, filters, today);
  const custom = await customExport(db, orgId);
  let body: string | Uint8Array;
  if (format === "json") body = toJson(records, custom);
  else {
    let table: ExportTable;
    if (audience === "machine") table = machineTable(records, custom);
    else {
      const postures = await readPostures(db, orgId, records.map((r) => r.id));
      table = peopleTable(records, { locale: lang ?? negotiated, timeZone, words: libraryWords(deps.library), postures, ...(custom && { custom }) });
    }
    body = format === "csv" ? tableCsv(table) : await tableXlsx(table);
  }
  const name = `ai-inventory-${audience === "machine" && format !== "json" ? "reimport-" : ""}${today}.${format}`;
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: { "content-type": CONTENT_TYPES[format], "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" },
  });
}
