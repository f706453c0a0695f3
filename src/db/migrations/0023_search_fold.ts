import type { Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/**
 * Search folds accents, apostrophes, quotes and dashes as well as width and case (issue 17): the
 * stored search text of every system and incident is written again the new way. The folding is
 * copied here as it was on this day, so that this step means the same whatever the code becomes.
 */
function fold(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .replace(/[’‘‛ʼ′`´]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, "-");
}

const CHUNK = 500;

export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  for (let after = ""; ; ) {
    const rows = await db.selectFrom("ai_systems").select(["id", "code", "name_ja", "name_en", "purpose", "tags", "vendors"]).where("id", ">", after).orderBy("id").limit(CHUNK).execute();
    for (const r of rows) {
      const text = fold([r.code, r.name_ja, r.name_en, (JSON.parse(r.tags) as string[]).join(" "), (JSON.parse(r.vendors) as string[]).join(" "), r.purpose].join("\n"));
      await db.updateTable("ai_systems").set({ search_text: text }).where("id", "=", r.id).execute();
    }
    if (rows.length < CHUNK) break;
    after = rows[rows.length - 1]!.id;
  }
  for (let after = ""; ; ) {
    const rows = await db.selectFrom("incidents").select(["id", "code", "title", "summary", "root_cause", "affected_parties"]).where("id", ">", after).orderBy("id").limit(CHUNK).execute();
    for (const r of rows) {
      await db.updateTable("incidents").set({ search_text: fold([r.code, r.title, r.summary, r.root_cause, r.affected_parties].join("\n")) }).where("id", "=", r.id).execute();
    }
    if (rows.length < CHUNK) break;
    after = rows[rows.length - 1]!.id;
  }
}
