import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoDataDir, runCli } from "./support/process.ts";

describe("musubi CLI: risks, tasks, vendors and incidents (demo data, SQLite)", () => {
  let root: string;
  const env = () => ({ MUSUBI_DATA_DIR: root });

  beforeAll(async () => {
    root = await demoDataDir();
  }, 60_000);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("lists risks by rating and draws the heat map", async () => {
    const list = await runCli(["risks", "list", "--org", "demo"], env());
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/RSK-\d{6} +2×4 Medium/);
    expect(list.stdout).toMatch(/4 of 4/);
    const map = await runCli(["risks", "heatmap", "--org", "demo", "--json"], env());
    expect(JSON.parse(map.stdout).total).toBe(4);
    const bad = await runCli(["risks", "heatmap", "--org", "demo", "--basis", "nope"], env());
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--basis must be current or inherent/);
  });

  it("lists a person's tasks, the vendors and the incidents", async () => {
    const tasks = await runCli(["tasks", "--org", "demo", "--user", "owner@demo.musubi.example"], env());
    expect(tasks.code, tasks.stderr).toBe(0);
    expect(tasks.stdout).toMatch(/TSK-\d{6} +review/);
    expect((await runCli(["tasks", "--org", "demo", "--user", "nobody@x"], env())).stderr).toMatch(/no user "nobody@x"/);
    const vendors = await runCli(["vendors", "--org", "demo"], env());
    expect(vendors.stdout).toMatch(/medium .*外部LLM事業者/);
    const incidents = await runCli(["incidents", "list", "--org", "demo"], env());
    expect(incidents.stdout).toMatch(/INC-000001 +high +closed .* APPI/);
  });

  it("writes an incident's report as JSON and as the bilingual document", async () => {
    const json = path.join(root, "r.json");
    const res = await runCli(["incidents", "report", "INC-000001", "--org", "demo", "--out", json], env());
    expect(res.code, res.stderr).toBe(0);
    const report = JSON.parse(fs.readFileSync(json, "utf8"));
    expect(report).toMatchObject({ format: "musubi-incident-report/1", purposes: ["jp-ai-promotion-act", "jp-appi-leak"] });
    const html = path.join(root, "r.html");
    await runCli(["incidents", "report", "INC-000001", "--org", "demo", "--format", "html", "--out", html], env());
    expect(fs.readFileSync(html, "utf8")).toContain("AIインシデント報告書");
    const xlsx = path.join(root, "r.xlsx");
    const book = await runCli(["incidents", "report", "INC-000001", "--org", "demo", "--format", "xlsx", "--lang", "en", "--out", xlsx], env());
    expect(book.code, book.stderr).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe("PK");
    expect((await runCli(["incidents", "report", "INC-999999", "--org", "demo", "--out", html], env())).stderr).toMatch(/no incident "INC-999999"/);
  });
});
