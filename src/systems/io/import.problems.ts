import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
import { readFile } from "node:fs/promises";
import { filePath, recordOrgFile, sha256Of } from "../../compliance/files.store.ts";
import type { Db } from "../../db/connect.ts";
import type { Locale } from "../../platform/i18n.ts";
import type { RowError } from "./import.validate.ts";
import type { ExportTable } from "./export.table.ts";
import { storeUpload } from "./upload.store.ts";

const pack = promisify(gzip);
const unpack = promisify(gunzip);

/** Everything an import's validation found: rows refused (errors) and rows taken with something to check (warnings). */
export interface Problems {
  errors: RowError[];
  warnings: RowError[];
}

/**
 * Stores the whole list as one of the organisation's files (gzip JSON, content-addressed) and
 * points the job at it, so the full report can be downloaded however long it is.
 */
export async function saveProblems(db: Db, dataDir: string, orgId: string, jobId: string, problems: Problems): Promise<void> {
  const bytes = new Uint8Array(await pack(Buffer.from(JSON.stringify(problems), "utf8")));
  const stored = await storeUpload(dataDir, bytes, sha256Of(bytes));
  await db.kysely.transaction().execute(async (trx) => {
    await recordOrgFile(trx, orgId, stored);
    await trx.updateTable("import_jobs").set({ problems_sha256: stored.sha256 }).where("org_id", "=", orgId).where("id", "=", jobId).execute();
  });
}

export async function loadProblems(dataDir: string, sha256: string): Promise<Problems> {
  return JSON.parse((await unpack(await readFile(filePath(dataDir, sha256)))).toString("utf8")) as Problems;
}

const HEADERS = {
  ja: ["行", "種別", "列", "項目", "コード", "内容"],
  en: ["Row", "Kind", "Column", "Field", "Code", "Problem"],
};
const KIND = { ja: { error: "エラー（取り込まない）", warning: "警告（取り込む）" }, en: { error: "Error (row not imported)", warning: "Warning (row imported)" } };

/** The problems as one sheet for people, in row order, errors before warnings on the same row. */
export function problemsTable(problems: Problems, locale: Locale): ExportTable {
  const tagged = [...problems.errors.map((p) => ({ p, kind: "error" as const })), ...problems.warnings.map((p) => ({ p, kind: "warning" as const }))];
  tagged.sort((a, b) => a.p.line - b.p.line);
  return {
    sheet: locale === "ja" ? "問題" : "problems",
    columns: HEADERS[locale].map((header, i) => ({ header, kind: "text" as const, width: [8, 22, 24, 20, 22, 80][i]!, ...(i === 5 ? { wrap: true } : {}) })),
    rows: tagged.map(({ p, kind }) => [String(p.line), KIND[locale][kind], p.column ?? "", p.field ?? "", p.code, p.message[locale]]),
  };
}
