import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { explain, orgIdOf, out, withDatabase } from "./context.ts";

/**
 * `musubi systems import-model-card`: the API's model-card import from a terminal, previewing unless
 * `--apply`. It joins the `systems` group through commander's command list (as `systems card`
 * does), so it must be registered after `registerSystemsCommands`; it writes through the same
 * service as the API, so the ledger records the change, made by `system` (the CLI).
 */
export function registerModelCardCommand(program: Command): void {
  const systems = program.commands.find((c) => c.name() === "systems") ?? program.command("systems").description("the AI-system inventory");
  systems
    .command("import-model-card <code> <file>")
    .description("read a model or dataset card (Hugging Face README.md, eval results YAML, or Model Card Toolkit JSON) into a system's models and datasets; previews unless --apply")
    .requiredOption("--org <slug>", "organisation slug")
    .option("--apply", "write the change (default: only show it)")
    .option("--name <name>", "the name to record the model or dataset under (needed when the card states none)")
    .option("--kind <kind>", "model or dataset, when a README.md's metadata does not make it clear")
    .option("--json", "print the preview as JSON")
    .action(async (code: string, file: string, o: { org: string; apply?: boolean; name?: string; kind?: string; json?: boolean }) => {
      if (o.kind !== undefined && o.kind !== "model" && o.kind !== "dataset") throw new Error("--kind must be model or dataset");
      const { importModelCard } = await import("../systems/io/model-card.import.ts");
      const { MAX_CARD_BYTES } = await import("../systems/io/model-card.messages.ts");
      const { CARD_FORMAT_LABELS } = await import("../systems/systems.card-fields.ts");
      const { SYSTEM_ACTOR } = await import("../audit/audited.ts");
      const { getLibrary } = await import("../library/library.runtime.ts");
      const { orgTimeZone } = await import("../orgs/orgs.store.ts");
      const { todayIn } = await import("../platform/time.ts");
      // Bounded before it is read: a card is at most 1 MiB, so a larger file is not loaded at all.
      if (fs.statSync(file).size > MAX_CARD_BYTES) throw new Error(`${file} is larger than ${MAX_CARD_BYTES / 1024 / 1024} MB; a card may be at most 1 MB / カードは1MBまでです`);
      const bytes = fs.readFileSync(file);
      await withDatabase(async (db) => {
        const orgId = await orgIdOf(db, o.org);
        const row = await db.kysely.selectFrom("ai_systems").select("id").where("org_id", "=", orgId).where("code", "=", code).executeTakeFirst();
        if (!row) throw new Error(`no system with code "${code}"`);
        const timeZone = await orgTimeZone(db.kysely, orgId);
        const actor = { kind: "token" as const, userId: "", orgId, role: "admin" as const, timeZone, label: "musubi cli" };
        const ctx = { db, library: getLibrary(), locale: "en" as const, asOf: todayIn(timeZone) };
        const preview = await explain(
          importModelCard(ctx, { actor: SYSTEM_ACTOR, orgId }, actor, row.id, bytes, {
            apply: o.apply ?? false,
            fileName: path.basename(file),
            ...(o.name !== undefined && { name: o.name }),
            ...(o.kind !== undefined && { kind: o.kind as "model" | "dataset" }),
          }),
        );
        if (o.json) return out(JSON.stringify(preview, null, 2));
        const label = CARD_FORMAT_LABELS[preview.format];
        out(`${code}: ${label.en} / ${label.ja}`);
        for (const c of preview.changes) out(`  ${c.action.padEnd(9)} ${c.kind.padEnd(7)} ${c.name}${c.fields.length > 0 ? ` (${c.fields.join(", ")})` : ""}`);
        for (const w of preview.warnings) out(`  ! ${w.en} / ${w.ja}`);
        if (preview.applied) out(`applied: ${code} is now version ${preview.system.version}`);
        else if (o.apply) out("nothing to change / 変更はありません");
        else out("preview only: nothing written; run again with --apply to write it / プレビューのみ（未保存）。保存するには --apply を付けて実行してください");
      });
    });
}
