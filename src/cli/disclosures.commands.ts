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
    .description("write a system's card: JSON (musubi-system-card/1), the bilingual HTML document or a PDF in one language, with EU AI Act Annex IV mapped to its fields")
    .requiredOption("--org <slug>", "organisation slug")
    .option("--format <format>", "json, html or pdf", "json")
    .option("--lang <lang>", "the PDF's language: ja or en", "ja")
    .requiredOption("--out <file>", "where to write")
    .action(async (code: string, o: { org: string; format: string; lang: string; out: string }) => {
      if (o.format !== "json" && o.format !== "html" && o.format !== "pdf") throw new Error("--format must be json, html or pdf");
      if (o.lang !== "ja" && o.lang !== "en") throw new Error("--lang must be ja or en");
      const lang = o.lang;
      const { buildSystemCard } = await import("../disclosures/system-card.ts");
      const { renderSystemCardHtml } = await import("../disclosures/system-card.html.ts");
      const { renderSystemCardPdf } = await import("../disclosures/system-card.pdf.ts");
      const { getLibrary } = await import("../library/library.runtime.ts");
      await withDatabase(async (db) => {
        const orgId = await orgIdOf(db, o.org);
        const row = await db.kysely.selectFrom("ai_systems").select("id").where("org_id", "=", orgId).where("code", "=", code).executeTakeFirst();
        if (!row) throw new Error(`no system with code "${code}"`);
        const card = await buildSystemCard(db.kysely, getLibrary(), orgId, row.id);
        fs.writeFileSync(o.out, o.format === "json" ? `${JSON.stringify(card, null, 2)}\n` : o.format === "pdf" ? await renderSystemCardPdf(card, lang) : renderSystemCardHtml(card));
        out(`${code}: system card written to ${o.out}`);
      });
    });
  systems
    .command("cards")
    .description("write every system's card as gzip-compressed JSON Lines (one musubi-system-card/1 per line), with progress on stderr")
    .requiredOption("--org <slug>", "organisation slug")
    .requiredOption("--out <file>", "where to write (e.g. cards.jsonl.gz)")
    .action(async (o: { org: string; out: string }) => {
      const { exportSystemCards } = await import("../disclosures/system-cards.bulk.ts");
      const { getLibrary } = await import("../library/library.runtime.ts");
      await withDatabase(async (db) => {
        const orgId = await orgIdOf(db, o.org);
        const started = performance.now();
        const result = await exportSystemCards(db.kysely, getLibrary(), orgId, (done, total) => {
          process.stderr.write(`${done} / ${total} cards\n`);
        });
        fs.writeFileSync(o.out, result.bytes);
        out(`${result.cards} system cards written to ${o.out} (${result.bytes.byteLength} bytes, ${Math.round(performance.now() - started)} ms)`);
      });
    });
}
