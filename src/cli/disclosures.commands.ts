import fs from "node:fs";
import type { Command } from "commander";
import { orgIdOf, out, withDatabase } from "./context.ts";

/**
 * `musubi systems card`: the system card, written to a file. It joins the `systems` group that
 * `registerSystemsCommands` defines (so it must be registered after it), through commander's own
 * command list rather than an edit to that file; the group is created if it is not there.
 */
export function registerDisclosuresCommands(program: Command): void {
  const systems = program.commands.find((c) => c.name() === "systems") ?? program.command("systems").description("the AI-system inventory");
  systems
    .command("card <code>")
    .description("write a system's card: JSON (musubi-system-card/1) or the bilingual HTML document, with EU AI Act Annex IV mapped to its fields")
    .requiredOption("--org <slug>", "organisation slug")
    .option("--format <format>", "json or html", "json")
    .requiredOption("--out <file>", "where to write")
    .action(async (code: string, o: { org: string; format: string; out: string }) => {
      if (o.format !== "json" && o.format !== "html") throw new Error("--format must be json or html");
      const { buildSystemCard } = await import("../disclosures/system-card.ts");
      const { renderSystemCardHtml } = await import("../disclosures/system-card.html.ts");
      const { getLibrary } = await import("../library/library.runtime.ts");
      await withDatabase(async (db) => {
        const orgId = await orgIdOf(db, o.org);
        const row = await db.kysely.selectFrom("ai_systems").select("id").where("org_id", "=", orgId).where("code", "=", code).executeTakeFirst();
        if (!row) throw new Error(`no system with code "${code}"`);
        const card = await buildSystemCard(db.kysely, getLibrary(), orgId, row.id);
        fs.writeFileSync(o.out, o.format === "json" ? `${JSON.stringify(card, null, 2)}\n` : renderSystemCardHtml(card));
        out(`${code}: system card written to ${o.out}`);
      });
    });
}
