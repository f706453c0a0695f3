import type { Command } from "commander";
import { importAiid } from "../incidents/aiid.ts";
import { out, withDatabase } from "./context.ts";

export function registerIncidentsCommands(program: Command): void {
  const incidents = program.command("incidents").description("incidents and public reference cases");
  incidents
    .command("import-aiid <dir>")
    .description("import an AI Incident Database snapshot folder (incidents.csv, classifications_MIT.csv, classifications_CSETv1.csv) as reference cases, replacing the previous import")
    .action(async (dir: string) => {
      await withDatabase(async (db) => {
        const r = await importAiid(db, dir);
        out(`imported ${r.incidents} AIID incidents (${r.mitClassified} with MIT categories, ${r.csetClassified} with a CSETv1 harm level; ${r.duplicatesSkipped} duplicates skipped) in ${r.ms} ms`);
        out("AI Incident Database — CC BY-SA 4.0, https://incidentdatabase.ai");
      });
    });
}
