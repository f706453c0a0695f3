import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { explain, orgIdOf, out, withDatabase } from "./context.ts";
import type { Db } from "../db/connect.ts";

/** Loaded on use, so other commands do not pay for the workspace's modules at start-up. */
const services = async () => ({
  ...(await import("../audit/audited.ts")),
  ...(await import("../orgs/orgs.store.ts")),
  ...(await import("../library/library.runtime.ts")),
  ...(await import("../systems/imports.service.ts")),
  ...(await import("../systems/imports.schema.ts")),
  ...(await import("../systems/imports.presets.ts")),
  ...(await import("../systems/systems.store.ts")),
  ...(await import("../systems/systems.schema.ts")),
  ...(await import("../systems/io/export.write.ts")),
  ...(await import("../systems/io/cyclonedx.export.ts")),
  ...(await import("../systems/io/import.mapping.ts")),
  ...(await import("../compliance/assessments.service.ts")),
  ...(await import("../compliance/assessments.read.ts")),
  ...(await import("../platform/errors.ts")),
  ...(await import("../platform/time.ts")),
});

/** The CLI acts for the organisation as `system` in the ledger, with an administrator's reach, on its day. */
async function cliActor(db: Db, orgId: string) {
  const { orgTimeZone } = await import("../orgs/orgs.store.ts");
  return { kind: "token" as const, userId: "", orgId, role: "admin" as const, timeZone: await orgTimeZone(db.kysely, orgId), label: "musubi cli" };
}

async function systemIdByCode(db: Db, orgId: string, code: string): Promise<string> {
  const row = await db.kysely.selectFrom("ai_systems").select("id").where("org_id", "=", orgId).where("code", "=", code).executeTakeFirst();
  if (!row) throw new Error(`no system with code "${code}"`);
  return row.id;
}

export function registerSystemsCommands(program: Command): void {
  const systems = program.command("systems").description("the AI-system inventory");

  systems
    .command("list")
    .description("list systems (filters as in the API)")
    .requiredOption("--org <slug>", "organisation slug")
    .option("--q <text>", "search names, code, purpose, tags, vendors")
    .option("--lifecycle <stage>", "planning, development, deployed, retired or unknown")
    .option("--eu-class <class>", "EU AI Act class, or none")
    .option("--limit <n>", "rows", "50")
    .option("--json", "print JSON")
    .action(async (o: { org: string; q?: string; lifecycle?: string; euClass?: string; limit: string; json?: boolean }) => {
      const s = await services();
      const query = s.listSystemsQuery.parse({ limit: o.limit, ...(o.q && { q: o.q }), ...(o.lifecycle && { lifecycle: o.lifecycle }), ...(o.euClass && { euClass: o.euClass }) });
      await withDatabase(async (db) => {
        const orgId = await orgIdOf(db, o.org);
        const page = await s.listSystems(db.kysely, orgId, query, await s.orgToday(db.kysely, orgId));
        if (o.json) return out(JSON.stringify(page, null, 2));
        for (const r of page.items) out([r.code.padEnd(12), r.lifecycle.padEnd(12), (r.euClass ?? "-").padEnd(22), r.nameJa].join(" "));
        out(`${page.items.length} of ${page.total}`);
      });
    });

  systems
    .command("export")
    .description("export the inventory as CSV (UTF-8 with BOM), XLSX or JSON")
    .requiredOption("--org <slug>", "organisation slug")
    .option("--format <format>", "csv, xlsx or json", "csv")
    .requiredOption("--out <file>", "where to write")
    .action(async (o: { org: string; format: string; out: string }) => {
      const s = await services();
      if (!["csv", "xlsx", "json"].includes(o.format)) throw new Error("--format must be csv, xlsx or json");
      await withDatabase(async (db) => {
        const orgId = await orgIdOf(db, o.org);
        const { limit: _limit, offset: _offset, ...filters } = s.listSystemsQuery.parse({});
        const records = await s.exportSystems(db.kysely, orgId, filters, await s.orgToday(db.kysely, orgId));
        const body = o.format === "csv" ? s.toCsv(records) : o.format === "json" ? s.toJson(records) : await s.toXlsx(records);
        fs.writeFileSync(o.out, body);
        out(`${records.length} systems written to ${o.out}`);
      });
    });

  systems
    .command("bom <code>")
    .description("write a system's models, datasets and third-party components as a CycloneDX 1.6 ML-BOM (JSON)")
    .requiredOption("--org <slug>", "organisation slug")
    .requiredOption("--out <file>", "where to write")
    .action(async (code: string, o: { org: string; out: string }) => {
      const s = await services();
      await withDatabase(async (db) => {
        const orgId = await orgIdOf(db, o.org);
        const bom = await s.readSystemBom(db.kysely, orgId, await systemIdByCode(db, orgId, code));
        fs.writeFileSync(o.out, s.bomText(bom));
        out(`${code}: ${bom.components.length} components written to ${o.out}`);
      });
    });

  systems
    .command("import <file>")
    .description("import systems from CSV (UTF-8 or Shift_JIS), XLSX or JSON (a list of records, or JSON Lines): all rows or none, unless --skip-invalid")
    .requiredOption("--org <slug>", "organisation slug")
    .option("--mapping <file>", 'JSON [{column, field, values?: {"<in the file>": "<Musubi value>"}, split?: "<separator>" | null}], or a settings file the wizard saved (default: the suggested mapping)')
    .option("--preset <name>", "use the organisation's import settings saved under this name")
    .option("--sheet <name>", "XLSX worksheet")
    .option("--header-row <n>", "1-based header row")
    .option("--header-rows <n>", "how many rows the header spans (1-5): columns are named by their cells top to bottom, joined with \" / \"")
    .option("--records-path <path>", "JSON: the dotted path of the list of records, e.g. data.items (default: the first list of records)")
    .option("--upsert-by <key>", "update the systems already in the inventory that match by code, nameJa or nameEn (or the column mapped to one of them) instead of adding new ones")
    .option("--create-missing <what>", "create the departments and/or owners rows name that the organisation lacks: departments,owners")
    .option("--skip-rows <rows>", 'rows to leave out wherever they are, as Excel numbers them: "2-3,10"')
    .option("--skip-invalid", "import the valid rows even when some are invalid (the rows left out are listed)")
    .option("--report <file>", "write every problem found (errors and warnings) to this file: .csv or .xlsx")
    .option("--dry-run", "validate and report only")
    .action(async (file: string, o: { org: string; mapping?: string; preset?: string; sheet?: string; headerRow?: string; headerRows?: string; recordsPath?: string; upsertBy?: string; createMissing?: string; skipRows?: string; skipInvalid?: boolean; report?: string; dryRun?: boolean }) => {
      const s = await services();
      await withDatabase(async (db, config) => {
        const orgId = await orgIdOf(db, o.org);
        const deps = { db, library: s.getLibrary(), dataDir: config.dataDir, limits: config.importLimits };
        const who = { actor: s.SYSTEM_ACTOR, orgId };
        let job = await explain(s.uploadImport(deps, who, fs.readFileSync(file), path.basename(file)));
        // Records elsewhere in the JSON: its columns (and the suggested mapping) are those records'.
        if (o.recordsPath) job = await explain(s.rereadImport(deps, orgId, job.id, { recordsPath: o.recordsPath }));
        let saved: Record<string, unknown> = {};
        if (o.preset) {
          const preset = (await s.listPresets(db, orgId)).find((p) => p.name === o.preset);
          if (!preset) throw new Error(`no import settings named "${o.preset}" in ${o.org}`);
          saved = preset.settings;
        }
        if (o.mapping) saved = s.readPresetFile(JSON.parse(fs.readFileSync(o.mapping, "utf8")));
        const mapping = (saved.mapping as ReturnType<typeof s.importMapping.parse> | undefined) ?? job.suggestedMapping!;
        out(`${job.total} rows (${job.format}${job.encoding ? `, ${job.encoding}` : ""}); mapping: ${mapping.map((m) => `${m.column}→${m.field}`).join(", ")}`);
        const upsertBy = o.upsertBy === undefined ? undefined : (mapping.find((m) => m.column === o.upsertBy)?.field ?? o.upsertBy);
        const opts = s.importOptions.parse({ ...saved, mapping, ...(o.sheet && { sheet: o.sheet }), ...(o.headerRow && { headerRow: Number(o.headerRow) }), ...(o.headerRows && { headerRows: Number(o.headerRows) }), ...(o.skipRows && { skipRows: o.skipRows }), ...(o.recordsPath && { recordsPath: o.recordsPath }), ...(upsertBy && { upsertBy }), ...(o.createMissing && { createMissing: o.createMissing.split(",").map((w) => w.trim()).filter(Boolean) }) });
        const writeReport = async () => {
          if (!o.report) return;
          const format = o.report.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv";
          try {
            const res = await s.downloadProblems(deps, orgId, job.id, format, "en");
            fs.writeFileSync(o.report, new Uint8Array(await res.arrayBuffer()));
            out(`every problem written to ${o.report}`);
          } catch (err) {
            if (err instanceof s.AppError && err.status === 404) out(`no problems: ${o.report} not written`);
            else throw err;
          }
        };
        if (o.dryRun) {
          const report = await s.previewImport(deps, orgId, job.id, opts);
          printReport(report);
          await writeReport();
          return;
        }
        const timer = setInterval(() => {
          const p = s.importProgress(job.id);
          if (p) process.stderr.write(`\r${p.phase} ${p.done}/${p.total}   `);
        }, 500);
        try {
          const { done } = await s.commitImport(deps, who, job.id, { ...opts, skipInvalid: o.skipInvalid ?? false });
          await done;
        } catch (err) {
          if (err instanceof s.AppError && err.code === "import_has_errors") {
            printReport(err.details as Parameters<typeof printReport>[0]);
            await writeReport();
            out("nothing imported: fix the rows, or pass --skip-invalid");
            process.exitCode = 1;
            return;
          }
          throw err;
        } finally {
          clearInterval(timer);
          process.stderr.write("\n");
        }
        const final = await s.readImport(deps, orgId, job.id);
        const u = final.report?.upsert;
        out(u ? `${u.new} systems added, ${u.changed} updated, ${u.unchanged} unchanged${final.report?.invalid ? `, skipped ${final.report.invalid} invalid rows` : ""}` : `imported ${final.imported} systems${final.report?.invalid ? `, skipped ${final.report.invalid} invalid rows` : ""}`);
        const skipped = final.report?.skippedLines ?? [];
        if (skipped.length > 0) out(`rows left out: ${skipped.join(", ")}${final.report!.invalid > skipped.length ? ", … (all of them with --report)" : ""}`);
        if (final.report?.warningCount) out(`${final.report.warningCount} warnings (first: row ${final.report.warnings[0]!.line}: ${final.report.warnings[0]!.message.en})`);
        await writeReport();
      });
    });

  const assess = program.command("assess").description("assessments of AI systems against frameworks");
  assess
    .command("start")
    .description("start an assessment of a system against a framework in scope")
    .requiredOption("--org <slug>", "organisation slug")
    .requiredOption("--system <code>", "the system's code")
    .requiredOption("--framework <id>", "framework id, e.g. jp-ai-guidelines")
    .action(async (o: { org: string; system: string; framework: string }) => {
      const s = await services();
      await withDatabase(async (db) => {
        const orgId = await orgIdOf(db, o.org);
        const actor = await cliActor(db, orgId);
        const a = await explain(s.createAssessment(db, s.getLibrary(), { actor: s.SYSTEM_ACTOR, orgId }, actor, await systemIdByCode(db, orgId, o.system), o.framework, s.todayIn(actor.timeZone)));
        out(`assessment ${a.id}: ${a.total} requirements`);
      });
    });
  assess
    .command("status")
    .description("print a system's assessments and their rows")
    .requiredOption("--org <slug>", "organisation slug")
    .requiredOption("--system <code>", "the system's code")
    .option("--framework <id>", "only this framework")
    .option("--json", "print JSON")
    .action(async (o: { org: string; system: string; framework?: string; json?: boolean }) => {
      const s = await services();
      await withDatabase(async (db) => {
        const orgId = await orgIdOf(db, o.org);
        const systemId = await systemIdByCode(db, orgId, o.system);
        let q = db.kysely.selectFrom("assessments").selectAll().where("org_id", "=", orgId).where("system_id", "=", systemId);
        if (o.framework) q = q.where("framework_id", "=", o.framework);
        const views = await s.presentAssessments(db.kysely, s.getLibrary(), orgId, await q.execute());
        const result = [];
        const today = await s.orgToday(db.kysely, orgId);
        for (const a of views) {
          const rows = await s.listItems(db.kysely, s.getLibrary(), orgId, { assessmentId: a.id, limit: 200, offset: 0, sort: "position" }, today);
          result.push({ ...a, rows: rows.items });
        }
        if (o.json) return out(JSON.stringify(result, null, 2));
        for (const a of result) {
          out(`${a.framework} ${a.frameworkVersion}: ${Object.entries(a.counts).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(", ")}${a.signedOff ? " (signed off)" : ""}`);
          for (const r of a.rows) out(`  ${r.requirement.id.padEnd(28)} ${r.effective.padEnd(15)} ${r.answerSource ?? (r.fromControls ? "controls" : "")}`);
        }
      });
    });
  assess
    .command("set")
    .description("answer one requirement of a system's assessment")
    .requiredOption("--org <slug>", "organisation slug")
    .requiredOption("--system <code>", "the system's code")
    .requiredOption("--requirement <id>", "requirement node id or URN")
    .requiredOption("--status <status>", "not_started, in_progress, met, partially_met, not_met or not_applicable")
    .option("--justification <text>", "why it does not apply (required for not_applicable)")
    .option("--comment <text>", "comment")
    .action(async (o: { org: string; system: string; requirement: string; status: string; justification?: string; comment?: string }) => {
      const s = await services();
      const { updateItemBody } = await import("../compliance/assessments.schema.ts");
      await withDatabase(async (db) => {
        const orgId = await orgIdOf(db, o.org);
        const systemId = await systemIdByCode(db, orgId, o.system);
        const items = await db.kysely.selectFrom("assessment_items").select(["id", "version", "requirement_urn"]).where("org_id", "=", orgId).where("system_id", "=", systemId).execute();
        const item = items.find((i) => i.requirement_urn === o.requirement || i.requirement_urn.endsWith(`:${o.requirement}`));
        if (!item) throw new Error(`no assessment row for ${o.requirement} on ${o.system}`);
        const parsed = updateItemBody.safeParse({ version: item.version, status: o.status, ...(o.justification && { justification: o.justification }), ...(o.comment && { comment: o.comment }) });
        if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
        await explain(s.updateItem(db, { actor: s.SYSTEM_ACTOR, orgId }, await cliActor(db, orgId), item.id, parsed.data));
        out(`${item.requirement_urn}: ${o.status}`);
      });
    });
}

type Problem = { line: number; column?: string; field?: string; message: { en: string; ja: string } };

function printReport(report: { rows: number; valid: number; invalid: number; errors: Problem[]; truncated: boolean; warnings?: Problem[]; warningCount?: number; upsert?: { new: number; changed: number; unchanged: number }; created?: { departments: { code: string }[]; owners: string[] } }) {
  out(`${report.valid} valid, ${report.invalid} invalid of ${report.rows} rows`);
  if (report.upsert) out(`${report.upsert.new} new, ${report.upsert.changed} changed, ${report.upsert.unchanged} unchanged`);
  if (report.created) out(`to create: ${report.created.departments.length} departments (${report.created.departments.map((d) => d.code).join(", ")}), ${report.created.owners.length} owners (${report.created.owners.join(", ")})`);
  for (const e of report.errors) out(`  row ${e.line}${e.column ? ` [${e.column}]` : ""}: ${e.message.en} / ${e.message.ja}`);
  if (report.truncated) out("  … (first 500 problems shown; all of them with --report FILE)");
  if (report.warningCount) {
    out(`${report.warningCount} warnings (the rows go in):`);
    for (const w of report.warnings ?? []) out(`  row ${w.line}${w.column ? ` [${w.column}]` : ""}: ${w.message.en}`);
  }
}
