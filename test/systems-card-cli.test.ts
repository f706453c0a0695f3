import fs from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SystemCard } from "../src/disclosures/system-card.schema.ts";
import { demoDataDir, runCli } from "./support/process.ts";

describe("musubi CLI: systems card (demo data, SQLite)", () => {
  let root: string;
  const env = () => ({ MUSUBI_DATA_DIR: root });

  beforeAll(async () => {
    root = await demoDataDir();
  }, 60_000);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("writes the card as JSON (the default) and as the bilingual document", async () => {
    const json = path.join(root, "hr.card.json");
    const res = await runCli(["systems", "card", "AIS-HR-01", "--org", "demo", "--out", json], env());
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toBe(`AIS-HR-01: system card written to ${json}\n`);
    const card = SystemCard.parse(JSON.parse(fs.readFileSync(json, "utf8")));
    expect(card.classification.euAiAct).toMatchObject({ class: "high-risk", appliesFrom: "2027-12-02" });

    const html = path.join(root, "hr.card.html");
    const doc = await runCli(["systems", "card", "AIS-HR-01", "--org", "demo", "--format", "html", "--out", html], env());
    expect(doc.code, doc.stderr).toBe(0);
    const text = fs.readFileSync(html, "utf8");
    expect(text).toContain("AIシステムカード");
    expect(text).toContain("Annex IV, point 2(d)");

    const pdf = path.join(root, "hr.card.pdf");
    const printed = await runCli(["systems", "card", "AIS-HR-01", "--org", "demo", "--format", "pdf", "--lang", "en", "--out", pdf], env());
    expect(printed.code, printed.stderr).toBe(0);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("writes every card as gzip-compressed JSON Lines, saying how far it has got", async () => {
    const file = path.join(root, "cards.jsonl.gz");
    const res = await runCli(["systems", "cards", "--org", "demo", "--out", file], env());
    expect(res.code, res.stderr).toBe(0);
    const cards = gunzipSync(fs.readFileSync(file)).toString("utf8").trimEnd().split("\n").map((l) => SystemCard.parse(JSON.parse(l)));
    expect(cards.length).toBeGreaterThan(0);
    expect(res.stderr).toContain(`${cards.length} / ${cards.length} cards`);
    expect(res.stdout).toMatch(new RegExp(`^${cards.length} system cards written to `));
  });

  it("names an unknown system, organisation or format and writes nothing", async () => {
    const file = path.join(root, "none.card.json");
    const system = await runCli(["systems", "card", "AIS-NOPE", "--org", "demo", "--out", file], env());
    expect(system.code).toBe(1);
    expect(system.stderr).toMatch(/no system with code "AIS-NOPE"/);
    const org = await runCli(["systems", "card", "AIS-HR-01", "--org", "nope", "--out", file], env());
    expect(org.stderr).toMatch(/no organisation "nope"/);
    const format = await runCli(["systems", "card", "AIS-HR-01", "--org", "demo", "--format", "docx", "--out", file], env());
    expect(format.stderr).toMatch(/--format must be json, html or pdf/);
    const lang = await runCli(["systems", "card", "AIS-HR-01", "--org", "demo", "--format", "pdf", "--lang", "fr", "--out", file], env());
    expect(lang.stderr).toMatch(/--lang must be ja or en/);
    expect(fs.existsSync(file)).toBe(false);
  });
});
