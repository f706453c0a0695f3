import fs from "node:fs";
import type { Command } from "commander";
import { orgIdOf, withDatabase } from "./context.ts";

/**
 * `musubi reports board|compliance`: the management reports written to a file, as the API writes
 * them, with each step printed to stderr (stdout stays free for the one line saying where it went).
 */
export function registerReportsCommands(program: Command): void {
  const reports = program.command("reports").description("management reports: the board report for a period, a framework's compliance report (PDF or Excel, Japanese or English)");
  const common = (c: Command) =>
    c
      .requiredOption("--org <slug>", "organisation slug")
      .option("--format <format>", "pdf or xlsx", "pdf")
      .option("--lang <lang>", "ja or en", "ja")
      .requiredOption("--out <file>", "where to write");
  common(reports.command("board").description("the board report for a period (default: the organisation's current fiscal year)").option("--from <date>", "first day, YYYY-MM-DD").option("--to <date>", "last day, YYYY-MM-DD")).action((o: Options & { from?: string; to?: string }) =>
    write(o, { kind: "board", params: { ...(o.from && { from: o.from }), ...(o.to && { to: o.to }) } }),
  );
  common(reports.command("compliance").description("a framework's compliance report").requiredOption("--framework <id>", "framework id, e.g. jp-ai-guidelines")).action((o: Options & { framework: string }) =>
    write(o, { kind: "compliance", params: { framework: o.framework } }),
  );
}

interface Options {
  org: string;
  format: string;
  lang: string;
  out: string;
}

async function write(o: Options, what: { kind: "board"; params: { from?: string; to?: string } } | { kind: "compliance"; params: { framework: string } }): Promise<void> {
  if (o.format !== "pdf" && o.format !== "xlsx") throw new Error("--format must be pdf or xlsx");
  if (o.lang !== "ja" && o.lang !== "en") throw new Error("--lang must be ja or en");
  const format: "pdf" | "xlsx" = o.format === "pdf" ? "pdf" : "xlsx";
  const lang: "ja" | "en" = o.lang === "ja" ? "ja" : "en";
  const { boardParams, complianceParams } = await import("../reports/reports.schema.ts");
  const { produceReport } = await import("../reports/reports.produce.ts");
  const { REPORT_STAGES } = await import("../reports/reports.words.ts");
  const { getLibrary } = await import("../library/library.runtime.ts");
  const { explain } = await import("./context.ts");
  const request =
    what.kind === "board"
      ? { kind: "board" as const, params: parsed(boardParams.safeParse(what.params), "--from/--to must be dates, YYYY-MM-DD"), format, lang }
      : { kind: "compliance" as const, params: parsed(complianceParams.safeParse(what.params), "--framework is required"), format, lang };
  const library = getLibrary();
  if (request.kind === "compliance" && !library.current.has(request.params.framework)) {
    throw new Error(`no framework "${request.params.framework}" in the library; choose one of: ${[...library.current.keys()].sort().join(", ")}`);
  }
  await withDatabase(async (db) => {
    const orgId = await orgIdOf(db, o.org);
    const started = performance.now();
    const file = await explain(
      produceReport({ db: db.kysely, library }, orgId, request, {
        onProgress: (stage, done, total) => {
          process.stderr.write(`[${done}/${total}] ${REPORT_STAGES[stage][lang]} (${Math.round(performance.now() - started)} ms)\n`);
        },
      }),
    );
    fs.writeFileSync(o.out, file.bytes);
    process.stderr.write(`[3/3] ${REPORT_STAGES.done[lang]} (${Math.round(performance.now() - started)} ms)\n`);
    process.stdout.write(`${what.kind} report written to ${o.out} (${file.bytes.byteLength} bytes)\n`);
  });
}

function parsed<T>(r: { success: true; data: T } | { success: false }, message: string): T {
  if (!r.success) throw new Error(message);
  return r.data;
}
