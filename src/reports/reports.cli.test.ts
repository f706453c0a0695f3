import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoDataDir, runCli } from "../../test/support/process.ts";
import { pdfText, POPPLER, squash } from "../platform/pdf/poppler.testing.ts";
import { readWorkbook } from "./reports.test-support.ts";

describe("musubi reports", () => {
  let root: string;

  beforeAll(async () => {
    root = await demoDataDir();
  }, 60_000);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("writes the board report as a PDF, printing each step to stderr", async () => {
    const out = path.join(root, "board.pdf");
    const r = await runCli(["reports", "board", "--org", "demo", "--format", "pdf", "--lang", "en", "--out", out], { MUSUBI_DATA_DIR: root });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`board report written to ${out}`);
    expect(r.stderr.split("\n").filter((l) => /^\[\d\/3\]/.test(l)).map((l) => l.replace(/ \(\d+ ms\)$/, ""))).toEqual(["[0/3] Reading the data", "[1/3] Composing the document", "[2/3] Writing the file", "[3/3] Done"]);
    expect(fs.readFileSync(out).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    if (POPPLER) expect(squash(pdfText(fs.readFileSync(out)))).toContain(squash("AI governance report to the board"));
  });

  it("writes a compliance workbook in Japanese for a framework and a period-bound board report", async () => {
    const out = path.join(root, "compliance.xlsx");
    const r = await runCli(["reports", "compliance", "--org", "demo", "--framework", "jp-ai-guidelines", "--format", "xlsx", "--out", out], { MUSUBI_DATA_DIR: root });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("データを集計しています");
    expect([...(await readWorkbook(fs.readFileSync(out))).keys()]).toEqual(["概要", "システム別", "未対応の要求事項", "証跡"]);
    const board = await runCli(["reports", "board", "--org", "demo", "--from", "2026-01-01", "--to", "2026-06-30", "--format", "xlsx", "--out", path.join(root, "board.xlsx")], { MUSUBI_DATA_DIR: root });
    expect(board.code, board.stderr).toBe(0);
  });

  it("refuses an unknown framework, a bad period and a format it does not write, saying why", async () => {
    const framework = await runCli(["reports", "compliance", "--org", "demo", "--framework", "nope", "--out", path.join(root, "x.pdf")], { MUSUBI_DATA_DIR: root });
    expect(framework.code).toBe(1);
    expect(framework.stderr).toContain('no framework "nope" in the library; choose one of:');
    const period = await runCli(["reports", "board", "--org", "demo", "--from", "2026-05-01", "--to", "2026-01-01", "--out", path.join(root, "x.pdf")], { MUSUBI_DATA_DIR: root });
    expect(period.code).toBe(1);
    expect(period.stderr).toContain("validation_failed");
    const format = await runCli(["reports", "board", "--org", "demo", "--format", "docx", "--out", path.join(root, "x.docx")], { MUSUBI_DATA_DIR: root });
    expect(format.code).toBe(1);
    expect(format.stderr).toContain("--format must be pdf or xlsx");
  });
});
