import ExcelJS from "exceljs";
import { testApp, type TestApp } from "../../test/support/app.ts";
import type { TestDatabase } from "../../test/support/databases.ts";
import { issueToken } from "../auth/tokens.service.ts";
import { SYSTEM_ACTOR } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import { seedDemo } from "../demo/demo.seed.ts";

/** The demo organisation behind the API, with a token per demo user (keyed by the e-mail's local part). */
export interface DemoWorld {
  db: Db;
  dataDir: string;
  api: TestApp;
  orgId: string;
  tokens: Record<string, string>;
  cleanup(): Promise<void>;
}

export async function openDemoWorld(dialect: TestDatabase): Promise<DemoWorld> {
  const ctx = await dialect.open();
  const api = testApp(ctx.db, ctx.dataDir);
  await seedDemo(ctx.db, ctx.dataDir, "demo-password-123");
  const tokens: Record<string, string> = {};
  for (const u of await ctx.db.kysely.selectFrom("users").select(["id", "org_id", "email", "role"]).execute()) {
    const { secret } = await issueToken(ctx.db, { actor: SYSTEM_ACTOR, orgId: u.org_id, userId: u.id }, { name: "reports-test", role: u.role as never });
    tokens[u.email.split("@")[0]!] = secret;
  }
  const org = await ctx.db.kysely.selectFrom("organizations").select("id").where("slug", "=", "demo").executeTakeFirstOrThrow();
  return { ...ctx, api, orgId: org.id, tokens };
}

/** GET a download with a bearer token: status, headers and the bytes. */
export async function download(api: TestApp, path: string, token: string, headers: Record<string, string> = {}) {
  const res = await api.app.request(path, { headers: { authorization: `Bearer ${token}`, ...headers } });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** A workbook read back with ExcelJS: each sheet's rows as arrays of cell values (1-based columns dropped). */
export async function readWorkbook(bytes: Buffer): Promise<Map<string, unknown[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const out = new Map<string, unknown[][]>();
  book.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
    out.set(sheet.name, rows);
  });
  return out;
}

/** The sheet's view settings as ExcelJS reads them back: frozen rows, filter. */
export async function sheetSettings(bytes: Buffer, name: string): Promise<{ ySplit: number | undefined; autoFilter: unknown }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.getWorksheet(name)!;
  const view = sheet.views[0] as { ySplit?: number } | undefined;
  return { ySplit: view?.ySplit, autoFilter: sheet.autoFilter };
}
