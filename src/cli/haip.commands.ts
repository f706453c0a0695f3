import fs from "node:fs";
import type { Command } from "commander";
import { orgIdOf, out, withDatabase } from "./context.ts";

const ROLES = ["model-developer", "application-developer", "deployer"] as const;
const FORMATS = ["json", "html", "pdf", "docx"] as const;

/**
 * `musubi disclosures haip`: the organisation's HAIP transparency report for a reporting year,
 * written to a file — the same operations as the API. The report is started (as Musubi, in the
 * ledger) when the year has none; `--prefill` drafts again what the data supports, leaving
 * answers people edited as they are.
 */
export function registerHaipCommands(program: Command): void {
  const group = program.commands.find((c) => c.name() === "disclosures") ?? program.command("disclosures").description("disclosures: the HAIP transparency report");
  group
    .command("haip")
    .description("write the HAIP transparency report for a reporting year (the organisation's fiscal year): JSON (musubi-haip-report/1), HTML, PDF or Word")
    .requiredOption("--org <slug>", "organisation slug")
    .requiredOption("--year <YYYY>", "reporting year (the fiscal year named by the year it starts in)")
    .option("--prefill", "draft the answers Musubi's data supports before writing", false)
    .option("--roles <list>", `roles the organisation reports as, comma-separated (${ROLES.join(", ")}); used when the year has no report yet`, ROLES.join(","))
    .option("--path <path>", "full, or small for the shorter path of small organisations; used when the year has no report yet", "full")
    .option("--format <format>", FORMATS.join(", "), "json")
    .option("--lang <lang>", "language of the HTML, PDF or Word document: ja or en", "ja")
    .requiredOption("--out <file>", "where to write")
    .action(async (o: { org: string; year: string; prefill: boolean; roles: string; path: string; format: string; lang: string; out: string }) => {
      const year = Number(o.year);
      if (!/^\d{4}$/.test(o.year)) throw new Error("--year must be a year such as 2026");
      if (!(FORMATS as readonly string[]).includes(o.format)) throw new Error(`--format must be one of ${FORMATS.join(", ")}`);
      if (o.lang !== "ja" && o.lang !== "en") throw new Error("--lang must be ja or en");
      if (o.path !== "full" && o.path !== "small") throw new Error("--path must be full or small");
      const roles = o.roles.split(",").map((r) => r.trim());
      for (const r of roles) if (!(ROLES as readonly string[]).includes(r)) throw new Error(`unknown role "${r}" (roles: ${ROLES.join(", ")})`);
      const { SYSTEM_ACTOR } = await import("../audit/audited.ts");
      const { getLibrary } = await import("../library/library.runtime.ts");
      const { createReport, prefillReport } = await import("../disclosures/haip/haip.service.ts");
      const { readReport } = await import("../disclosures/haip/haip.read.ts");
      const { buildHaipDocument } = await import("../disclosures/haip/haip.document.ts");
      const { exportHaip } = await import("../disclosures/haip/haip.export.ts");
      await withDatabase(async (db) => {
        const orgId = await orgIdOf(db, o.org);
        const who = { actor: SYSTEM_ACTOR, orgId };
        const existing = await db.kysely.selectFrom("haip_reports").select(["id", "version"]).where("org_id", "=", orgId).where("year", "=", year).executeTakeFirst();
        const view = existing
          ? o.prefill
            ? await prefillReport(db, getLibrary(), who, existing.id, { version: existing.version, replaceEdited: false })
            : await readReport(db.kysely, orgId, existing.id)
          : await createReport(db, getLibrary(), null, who, { year, roles: roles as (typeof ROLES)[number][], path: o.path as "full" | "small", prefill: o.prefill });
        const published = view.publications.find((p) => p.withdrawnAt === null);
        const doc = await buildHaipDocument(db.kysely, orgId, view, null);
        const res = await exportHaip(doc, o.format as (typeof FORMATS)[number], o.lang as "ja" | "en");
        fs.writeFileSync(o.out, Buffer.from(await res.arrayBuffer()));
        out(`HAIP report ${year} (${view.status.label.en}${published ? `, published as version ${published.number}` : ""}): ${view.progress.answered} of ${view.progress.total} questions answered, ${view.progress.stale} drafted answers whose records changed since; written to ${o.out}`);
      });
    });
}
