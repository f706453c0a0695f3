import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { orgIdOf, out, withDatabase } from "./context.ts";

/**
 * `musubi library add FILE --org <slug>` and `musubi library template --out FILE`: an
 * organisation's own framework, from the Excel template, a library JSON/YAML file or bundle, or an
 * OSCAL catalog — the same checks and ledger entry as the API. Joins the `library` group.
 */
export function registerOwnLibraryCommands(program: Command): void {
  const library = program.commands.find((c) => c.name() === "library") ?? program.command("library");
  library
    .command("add <file>")
    .description("add a framework the organisation wrote (Excel template, library JSON/YAML, or an OSCAL catalog or resolved profile); only that organisation sees it")
    .requiredOption("--org <slug>", "organisation slug")
    .action(async (file: string, o: { org: string }) => {
      const bytes = new Uint8Array(fs.readFileSync(file));
      const { SYSTEM_ACTOR } = await import("../audit/audited.ts");
      const { getLibrary } = await import("../library/library.runtime.ts");
      const { addOrgFramework } = await import("../library/org/org-frameworks.service.ts");
      await withDatabase(async (db) => {
        const orgId = await orgIdOf(db, o.org);
        const v = await addOrgFramework(db, getLibrary(), { actor: SYSTEM_ACTOR, orgId }, null, bytes, path.basename(file));
        out(`${v.framework} ${v.version} added for ${o.org} (${v.sourceFormat}): ${v.requirements} requirements in ${v.nodes} items, ${v.rules} applicability rules, ${v.crosswalkEdges} crosswalk edges`);
      });
    });
  library
    .command("template")
    .description("write the Excel template for a framework of the organisation's own")
    .requiredOption("--out <file>", "where to write")
    .action(async (o: { out: string }) => {
      const { orgFrameworkTemplate } = await import("../library/org/org-frameworks.xlsx.ts");
      fs.writeFileSync(o.out, await orgFrameworkTemplate());
      out(`template written to ${o.out}`);
    });
}
