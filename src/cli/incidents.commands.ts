import type { Command } from "commander";
import { importAiid, shippedAiidDir } from "../incidents/aiid.ts";
import fs from "node:fs";
import path from "node:path";
import { explain, orgIdOf, out, withDatabase } from "./context.ts";

export function registerIncidentsCommands(program: Command): void {
  const incidents = program.command("incidents").description("incidents and public reference cases");
  incidents
    .command("import-aiid [dir]")
    .description("import an AI Incident Database snapshot folder (incidents.csv, classifications_MIT.csv, classifications_CSETv1.csv) as reference cases, replacing the previous import; default: the snapshot shipped in library/reference")
    .action(async (dir: string | undefined) => {
      await withDatabase(async (db) => {
        const r = await importAiid(db, dir ?? shippedAiidDir());
        out(`imported ${r.incidents} AIID incidents (${r.mitClassified} with MIT categories, ${r.csetClassified} with a CSETv1 harm level; ${r.duplicatesSkipped} duplicates skipped) in ${r.ms} ms`);
        out("AI Incident Database — CC BY-SA 4.0, https://incidentdatabase.ai");
      });
    });
  incidents
    .command("import <file>")
    .description("import an incident register (CSV, XLSX or JSON): an organisation's own incidents (--org), or with --as reference a public register as reference cases of a named source (shared, or with --org the organisation's own), replacing only that source's earlier import")
    .option("--org <slug>", "the organisation whose incidents these are (one notice for the import, not one per incident)")
    .option("--as <kind>", "reference: public cases of a named source (needs --source and --licence): shared by every organisation, or with --org that organisation's own, seen by it alone")
    .option("--source <name>", "reference cases: the source's name as people know it, e.g. \"OECD AI Incidents Monitor\"")
    .option("--licence <licence>", "reference cases: the source's licence, e.g. CC-BY-4.0")
    .option("--skip-invalid", "own incidents: file the valid rows even when some are invalid (the rows left out are listed)")
    .option("--dry-run", "own incidents: check and report only")
    .option("--source-url <url>", "the source's home page")
    .option("--mapping <file>", 'JSON [{column, field: id|title|description|date|url|deployers|developers|harmed, split?: "<separator>" | null}] (default: suggested from the headers)')
    .option("--sheet <name>", "XLSX worksheet")
    .option("--header-row <n>", "1-based header row")
    .option("--header-rows <n>", "how many rows the header spans (1-5)")
    .option("--skip-rows <rows>", 'rows to leave out, as Excel numbers them: "2-3,10"')
    .option("--records-path <path>", "JSON: the dotted path of the list of records")
    .action(async (file: string, o: { org?: string; as?: string; source?: string; licence?: string; sourceUrl?: string; mapping?: string; sheet?: string; headerRow?: string; headerRows?: string; skipRows?: string; recordsPath?: string; skipInvalid?: boolean; dryRun?: boolean }) => {
      const reading = { ...(o.sheet && { sheet: o.sheet }), ...(o.headerRow && { headerRow: Number(o.headerRow) }), ...(o.headerRows && { headerRows: Number(o.headerRows) }), ...(o.skipRows && { skipRows: o.skipRows }), ...(o.recordsPath && { recordsPath: o.recordsPath }) };
      if (o.as === undefined) {
        if (!o.org) throw new Error("give --org <slug> for an organisation's own incidents, or --as reference for public cases");
        await importOwnIncidents(file, o.org, reading, o);
        return;
      }
      if (o.as !== "reference") throw new Error(`--as ${o.as}: the only kind is "reference" (public cases of a named source); an organisation's own incidents: --org <slug> without --as`);
      if (!o.source || !o.licence) throw new Error("reference cases need --source <name> and --licence <licence>");
      if (o.org) {
        await importOwnReferenceCases(file, o.org, reading, { ...o, source: o.source, licence: o.licence });
        return;
      }
      const { importReferenceCases, referenceMapping, referenceSource, suggestReferenceMapping } = await import("../incidents/reference.import.ts");
      const { readTable } = await import("../systems/io/table.read.ts");
      await withDatabase(async (db, config) => {
        const table = await explain(
          readTable(new Uint8Array(fs.readFileSync(file)), path.basename(file), {
            limits: config.importLimits,
            ...(o.sheet && { sheet: o.sheet }),
            ...(o.headerRow && { headerRow: Number(o.headerRow) }),
            ...(o.headerRows && { headerRows: Number(o.headerRows) }),
            ...(o.skipRows && { skipRows: o.skipRows }),
            ...(o.recordsPath && { recordsPath: o.recordsPath }),
          }),
        );
        const mapping = o.mapping ? referenceMapping.parse(JSON.parse(fs.readFileSync(o.mapping, "utf8"))) : suggestReferenceMapping(table.headers);
        out(`${table.rows.length} rows; mapping: ${mapping.map((m) => `${m.column}→${m.field}`).join(", ") || "(none)"}`);
        const source = referenceSource.parse({ name: o.source!, licence: o.licence!, ...(o.sourceUrl && { url: o.sourceUrl }) });
        const r = await explain(importReferenceCases(db, table, mapping, source));
        out(`imported ${r.cases} reference cases from ${source.name} (${source.licence}) as source "${r.source}" in ${r.ms} ms`);
        const reasons = { no_title: "no title", duplicate_id: "id seen earlier in the file", date: "unreadable date" } as const;
        for (const s of r.skipped.slice(0, 50)) out(`  row ${s.line} left out: ${reasons[s.reason]}`);
        if (r.skipped.length > 50) out(`  … and ${r.skipped.length - 50} more rows left out`);
      });
    });
  incidents
    .command("list")
    .description("list incidents, newest first")
    .requiredOption("--org <slug>", "organisation slug")
    .option("--status <status>", "open, investigating, mitigated or closed")
    .option("--limit <n>", "rows", "50")
    .option("--json", "print JSON")
    .action(async (o: { org: string; status?: string; limit: string; json?: boolean }) => {
      const { listIncidents } = await import("../incidents/incidents.service.ts");
      const { listIncidentsQuery } = await import("../incidents/incidents.schema.ts");
      await withDatabase(async (db) => {
        const page = await listIncidents(db.kysely, await orgIdOf(db, o.org), listIncidentsQuery.parse({ limit: o.limit, ...(o.status && { status: o.status }) }));
        if (o.json) return out(JSON.stringify(page, null, 2));
        for (const i of page.items) out([i.code.padEnd(11), i.severity.padEnd(9), i.status.padEnd(13), i.detectedAt.slice(0, 10), i.appiReportCheck ? "APPI" : "    ", i.title].join(" "));
        out(`${page.items.length} of ${page.total}`);
      });
    });
  incidents
    .command("report <code>")
    .description("write an incident's regulator-ready report: JSON (musubi-incident-report/1), the bilingual HTML document or a PDF in one language")
    .requiredOption("--org <slug>", "organisation slug")
    .option("--format <format>", "json, html, pdf or xlsx", "json")
    .option("--lang <lang>", "the PDF's language: ja or en", "ja")
    .requiredOption("--out <file>", "where to write")
    .action(async (code: string, o: { org: string; format: string; lang: string; out: string }) => {
      if (!["json", "html", "pdf", "xlsx"].includes(o.format)) throw new Error("--format must be json, html, pdf or xlsx");
      if (o.lang !== "ja" && o.lang !== "en") throw new Error("--lang must be ja or en");
      const lang = o.lang;
      const { buildIncidentReport } = await import("../incidents/report.ts");
      const { renderIncidentReportHtml } = await import("../incidents/report.html.ts");
      const { renderIncidentReportPdf } = await import("../incidents/report.pdf.ts");
      const { incidentReportWorkbook } = await import("../reports/incident.xlsx.ts");
      const { writeXlsx } = await import("../reports/reports.xlsx.ts");
      const { getLibrary } = await import("../library/library.runtime.ts");
      await withDatabase(async (db) => {
        const orgId = await orgIdOf(db, o.org);
        const row = await db.kysely.selectFrom("incidents").select("id").where("org_id", "=", orgId).where("code", "=", code).executeTakeFirst();
        if (!row) throw new Error(`no incident "${code}"`);
        const report = await buildIncidentReport(db.kysely, getLibrary(), orgId, row.id, { name: "musubi cli", email: "" });
        fs.writeFileSync(o.out, o.format === "json" ? `${JSON.stringify(report, null, 2)}\n` : o.format === "pdf" ? await renderIncidentReportPdf(report, lang) : o.format === "xlsx" ? await writeXlsx(incidentReportWorkbook(report, lang)) : renderIncidentReportHtml(report));
        out(`${code}: report written to ${o.out}`);
      });
    });
}

/** `incidents import FILE --org`: the same upload, check and commit as the API, quiet (one notice). */
/** A public register as one organisation's own reference cases: the wizard's upload, check and import, recorded in its ledger. */
async function importOwnReferenceCases(file: string, org: string, reading: Record<string, unknown>, o: { mapping?: string; dryRun?: boolean; source: string; licence: string; sourceUrl?: string }): Promise<void> {
  const svc = await import("../incidents/reference.import.service.ts");
  const { getLibrary } = await import("../library/library.runtime.ts");
  const { SYSTEM_ACTOR } = await import("../audit/audited.ts");
  await withDatabase(async (db, config) => {
    const orgId = await orgIdOf(db, org);
    const deps = { db, library: getLibrary(), dataDir: config.dataDir, limits: config.importLimits };
    const who = { actor: SYSTEM_ACTOR, orgId };
    let job = await explain(svc.uploadReferenceImport(deps, who, new Uint8Array(fs.readFileSync(file)), path.basename(file)));
    if (Object.keys(reading).length > 0) job = await explain(svc.rereadReferenceImport(deps, orgId, job.id, reading));
    const mapping = o.mapping ? JSON.parse(fs.readFileSync(o.mapping, "utf8")) : job.suggestedMapping;
    out(`${job.total} rows (${job.format}); mapping: ${(mapping as { column: string; field: string }[]).map((m) => `${m.column}→${m.field}`).join(", ") || "(none)"}`);
    const body = svc.referenceImportBody.parse({ ...reading, mapping, source: { name: o.source, licence: o.licence, ...(o.sourceUrl && { url: o.sourceUrl }) } });
    const preview = await explain(svc.previewReferenceImport(deps, orgId, job.id, body));
    out(`${preview.valid} cases, ${preview.invalid} rows left out${preview.replaces ? `; replaces the ${preview.replaces} cases imported earlier from ${o.source}` : ""}`);
    for (const e of preview.errors.slice(0, 50)) out(`  row ${e.line}${e.column ? ` [${e.column}]` : ""}: ${e.message.en}`);
    if (o.dryRun) return;
    const done = await explain(svc.commitReferenceImport(deps, who, job.id, body));
    out(`imported ${done.imported} reference cases from ${o.source} (${o.licence}), seen by ${org} only`);
  });
}

async function importOwnIncidents(file: string, org: string, reading: Record<string, unknown>, o: { mapping?: string; skipInvalid?: boolean; dryRun?: boolean }): Promise<void> {
  const svc = await import("../incidents/incidents.import.service.ts");
  const { AppError } = await import("../platform/errors.ts");
  const { getLibrary } = await import("../library/library.runtime.ts");
  const { SYSTEM_ACTOR } = await import("../audit/audited.ts");
  await withDatabase(async (db, config) => {
    const orgId = await orgIdOf(db, org);
    const timeZone = await (await import("../orgs/orgs.store.ts")).orgTimeZone(db.kysely, orgId);
    const deps = { db, library: getLibrary(), dataDir: config.dataDir, limits: config.importLimits };
    const who = { actor: SYSTEM_ACTOR, orgId };
    const actor = { kind: "token", userId: null, orgId, role: "admin", timeZone, label: "musubi cli" } as unknown as Parameters<typeof svc.previewIncidentImport>[1];
    let job = await explain(svc.uploadIncidentImport(deps, who, new Uint8Array(fs.readFileSync(file)), path.basename(file)));
    if (Object.keys(reading).length > 0) job = await explain(svc.rereadIncidentImport(deps, orgId, job.id, reading));
    const mapping = o.mapping ? JSON.parse(fs.readFileSync(o.mapping, "utf8")) : job.suggestedMapping;
    out(`${job.total} rows (${job.format}); mapping: ${(mapping as { column: string; field: string }[]).map((m) => `${m.column}→${m.field}`).join(", ") || "(none)"}`);
    const opts = svc.incidentImportOptions.parse({ ...reading, mapping });
    const print = (r: { rows: number; valid: number; invalid: number; unchanged?: number; errors: { line: number; column?: string; message: { en: string } }[]; warningCount: number }) => {
      out(`${r.valid} valid (${r.unchanged ?? 0} already imported), ${r.invalid} invalid, ${r.warningCount} warnings`);
      for (const e of r.errors.slice(0, 50)) out(`  row ${e.line}${e.column ? ` [${e.column}]` : ""}: ${e.message.en}`);
    };
    try {
      if (o.dryRun) return print(await svc.previewIncidentImport(deps, actor, job.id, opts));
      const done = await svc.commitIncidentImport(deps, actor, who, job.id, { ...opts, skipInvalid: o.skipInvalid ?? false });
      if (done.report) print(done.report);
      out(`filed ${done.imported} incidents`);
    } catch (err) {
      if (err instanceof AppError && err.code === "import_has_errors") {
        print(err.details as Parameters<typeof print>[0]);
        throw new Error("nothing filed: fix the rows above, or use --skip-invalid");
      }
      throw err;
    }
  });
}
