import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HaipReportDocument } from "../src/disclosures/haip/haip.document.ts";
import { demoDataDir, runCli } from "./support/process.ts";

describe("musubi CLI: disclosures haip (demo data, SQLite)", () => {
  let root: string;
  const env = () => ({ MUSUBI_DATA_DIR: root });

  beforeAll(async () => {
    root = await demoDataDir();
  }, 60_000);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("starts and drafts the year's report from the demo data, then writes it as JSON, HTML and Word", async () => {
    const json = path.join(root, "haip.json");
    const res = await runCli(["disclosures", "haip", "--org", "demo", "--year", "2026", "--prefill", "--out", json], env());
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^HAIP report 2026 \(Draft\): \d+ of 19 questions answered, 0 drafted answers whose records changed since; written to /);
    const doc = HaipReportDocument.parse(JSON.parse(fs.readFileSync(json, "utf8")));
    const register = doc.sections[0]!.questions.find((q) => q.id === "1.1")!;
    expect(register.basis.draftedFromData).toBe(true);
    expect(register.answer.ja).toMatch(/リスク登録簿には [\d,]+件のリスク/);

    const again = await runCli(["disclosures", "haip", "--org", "demo", "--year", "2026", "--format", "docx", "--lang", "en", "--out", path.join(root, "haip.docx")], env());
    expect(again.code, again.stderr).toBe(0);
    expect(fs.readFileSync(path.join(root, "haip.docx")).subarray(0, 2).toString()).toBe("PK");
    const html = await runCli(["disclosures", "haip", "--org", "demo", "--year", "2026", "--format", "html", "--out", path.join(root, "haip.html")], env());
    expect(html.code, html.stderr).toBe(0);
    expect(fs.readFileSync(path.join(root, "haip.html"), "utf8")).toContain("HAIP 透明性報告書");
  });

  it("names a bad year, format or role and writes nothing", async () => {
    const file = path.join(root, "none.json");
    expect((await runCli(["disclosures", "haip", "--org", "demo", "--year", "26", "--out", file], env())).stderr).toMatch(/--year must be a year/);
    expect((await runCli(["disclosures", "haip", "--org", "demo", "--year", "2026", "--format", "xlsx", "--out", file], env())).stderr).toMatch(/--format must be one of/);
    expect((await runCli(["disclosures", "haip", "--org", "demo", "--year", "2030", "--roles", "regulator", "--out", file], env())).stderr).toMatch(/unknown role "regulator"/);
    expect(fs.existsSync(file)).toBe(false);
  });
});
