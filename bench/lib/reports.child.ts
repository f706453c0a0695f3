// Writes one report in its own process, so the time includes loading the font and the memory is
// this report's alone. argv: <board|compliance> <pdf|xlsx> <inline|worker> [framework]
// env: MUSUBI_DATA_DIR (and DATABASE_URL for PostgreSQL). Prints {ms, pages, bytes, rssMb, baselineRssMb, rssBeforeMb};
// MUSUBI_BENCH_REPORT_OUT=<file> also writes the report there, to look at.
import fs from "node:fs";
import { openDatabase } from "../../src/db/connect.ts";
import { getLibrary } from "../../src/library/library.runtime.ts";
import { loadConfig } from "../../src/platform/config.ts";
import { renderOffThread } from "../../src/reports/reports.offthread.ts";
import { pdfPageCount, produceReport } from "../../src/reports/reports.produce.ts";
import { render } from "../../src/reports/reports.worker.ts";
import type { ReportRequest } from "../../src/reports/reports.schema.ts";

const [kind, format, mode, framework] = process.argv.slice(2) as ["board" | "compliance", "pdf" | "xlsx", "inline" | "worker", string | undefined];
const db = openDatabase(loadConfig());
const library = getLibrary();
const org = await db.kysely.selectFrom("organizations").select("id").where("slug", "=", "bench").executeTakeFirstOrThrow();
const baselineRssMb = process.resourceUsage().maxRSS / 1024;
const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
const t0 = performance.now();
const req: ReportRequest = kind === "board" ? { kind: "board", params: {}, format, lang: "ja" } : { kind: "compliance", params: { framework: framework! }, format, lang: "ja" };
const file = await produceReport({ db: db.kysely, library }, org.id, req, { renderer: mode === "worker" ? renderOffThread : render });
const ms = performance.now() - t0;
const rssMb = process.resourceUsage().maxRSS / 1024;
await db.close();
if (process.env.MUSUBI_BENCH_REPORT_OUT) fs.writeFileSync(process.env.MUSUBI_BENCH_REPORT_OUT, file.bytes);
process.stdout.write(JSON.stringify({ ms, pages: format === "pdf" ? pdfPageCount(file.bytes) : 0, bytes: file.bytes.byteLength, rssMb, baselineRssMb, rssBeforeMb }));
