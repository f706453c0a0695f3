import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { readTable } from "../systems/io/table.read.ts";
import { utf8 } from "../systems/io/io.test-support.ts";
import { parsePartialDate } from "../systems/io/import.dates.ts";
import { AIID_SOURCE, ensureShippedReferenceCases } from "./aiid.ts";
import { importReferenceCases, sourceId, suggestReferenceMapping } from "./reference.import.ts";

/**
 * A public incident register written for this test, shaped like those published: a title row and a
 * three-row header, a year-only and a month-only date, a row with no headline, a repeated id.
 */
const REGISTER = [
  "Incident register — exported 2026-11-30,,,,,",
  "Case,,,,Parties,",
  "Identification,,Account,,Deployer,Harmed",
  "ID,Date,Headline,Summary,,",
  "R-1,2021,Facial recognition led to a wrongful arrest,Police relied on a match.,City police,Residents; Passers-by",
  "R-2,2022-03,Hiring model rejected older applicants,The screening model scored applicants over 55 lower.,Recruiter Co.,Older applicants",
  "R-3,2023/7/14,,No headline here.,,",
  "R-2,2024,Duplicate of R-2,,,",
  "R-4,sometime,Chatbot leaked personal data,,Bank,Customers",
  "",
].join("\r\n");

const readRegister = () => readTable(utf8(REGISTER), "register.csv", { headerRow: 2, headerRows: 3 });

describe("reference cases: dates kept as precise as written", () => {
  it("keeps a year or a month as such, never the first of January", () => {
    expect(parsePartialDate("2021")).toBe("2021");
    expect(parsePartialDate("2021年")).toBe("2021");
    expect(parsePartialDate("2022-3")).toBe("2022-03");
    expect(parsePartialDate("2022年3月")).toBe("2022-03");
    expect(parsePartialDate("2023/7/14")).toBe("2023-07-14");
    expect(parsePartialDate("2022-13")).toBe("impossible");
    expect(parsePartialDate("sometime")).toBe("format");
  });

  it("names a source by its Latin words, or by a hash of a name without any", () => {
    expect(sourceId("OECD AI Incidents Monitor")).toBe("oecd-ai-incidents-monitor");
    expect(sourceId("AI Incident Database")).toBe("aiid");
    expect(sourceId("事例集")).toMatch(/^src-[0-9a-f]{10}$/);
    expect(sourceId("事例集")).toBe(sourceId("事例集"));
  });
});

describe.each(testDatabases())("reference cases from any named source ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "reference");
  });
  afterAll(() => ctx.cleanup());

  it("gives a fresh installation the shipped AIID cases once, and leaves them alone after", async () => {
    expect(await ensureShippedReferenceCases(ctx.db)).toBe(true);
    expect(await ensureShippedReferenceCases(ctx.db)).toBe(false);
    const aiid = await ctx.db.kysely.selectFrom("reference_sources").selectAll().where("id", "=", "aiid").executeTakeFirstOrThrow();
    expect(aiid).toMatchObject({ name: AIID_SOURCE.name, licence: "CC BY-SA 4.0", url: "https://incidentdatabase.ai" });
    expect(aiid.cases).toBeGreaterThan(900);
  });

  it("imports a register with a three-row header as one source's cases, leaving out and listing the rows it cannot take", async () => {
    const table = await readRegister();
    const mapping = suggestReferenceMapping(table.headers);
    expect(mapping).toEqual([
      { column: "Case / Identification / ID", field: "id" },
      { column: "Case / Identification / Date", field: "date" },
      { column: "Case / Account / Headline", field: "title" },
      { column: "Case / Account / Summary", field: "description" },
      { column: "Parties / Deployer", field: "deployers" },
      { column: "Parties / Harmed", field: "harmed" },
    ]);
    const r = await importReferenceCases(ctx.db, table, mapping, { name: "Test Register", licence: "CC-BY-4.0", url: "https://register.example.test" });
    expect(r).toMatchObject({ source: "test-register", cases: 2, skipped: [{ line: 7, reason: "no_title" }, { line: 8, reason: "duplicate_id" }, { line: 9, reason: "date" }] });
    const rows = await ctx.db.kysely.selectFrom("reference_incidents").selectAll().where("source", "=", "test-register").orderBy("number").execute();
    expect(rows.map((c) => [c.external_id, c.date, c.title, JSON.parse(c.harmed)])).toEqual([
      ["R-1", "2021", "Facial recognition led to a wrongful arrest", ["Residents", "Passers-by"]],
      ["R-2", "2022-03", "Hiring model rejected older applicants", ["Older applicants"]],
    ]);
    expect(rows.every((c) => c.url === "")).toBe(true);
  });

  it("re-importing a source replaces only its own cases; AIID stays", async () => {
    const before = Number((await ctx.db.kysely.selectFrom("reference_incidents").select((eb) => eb.fn.countAll<number>().as("n")).where("source", "=", "aiid").executeTakeFirstOrThrow()).n);
    const table = await readRegister();
    const mapping = suggestReferenceMapping(table.headers).filter((m) => m.field !== "date");
    const again = await importReferenceCases(ctx.db, { headers: table.headers, rows: table.rows.slice(0, 1) }, mapping, { name: "Test Register", licence: "CC-BY-4.0" });
    expect(again.cases).toBe(1);
    const count = async (source: string) => Number((await ctx.db.kysely.selectFrom("reference_incidents").select((eb) => eb.fn.countAll<number>().as("n")).where("source", "=", source).executeTakeFirstOrThrow()).n);
    expect(await count("test-register")).toBe(1);
    expect(await count("aiid")).toBe(before);
  });

  it("lists each source with its name and licence, filters by source, and finds the new cases in the similar-incident search", async () => {
    const table = await readRegister();
    await importReferenceCases(ctx.db, table, suggestReferenceMapping(table.headers), { name: "Test Register", licence: "CC-BY-4.0", url: "https://register.example.test" });
    const page = await api.call("GET", "/api/reference-incidents?source=test-register", { token: org.tokens.viewer });
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    expect(page.body.items.map((i: { externalId: string; sourceName: string; date: string }) => [i.externalId, i.sourceName, i.date])).toEqual([
      ["R-2", "Test Register", "2022-03"],
      ["R-1", "Test Register", "2021"],
    ]);
    expect(page.body.sources.map((s: { id: string; licence: string }) => [s.id, s.licence])).toEqual([
      ["aiid", "CC BY-SA 4.0"],
      ["test-register", "CC-BY-4.0"],
    ]);
    expect(page.body.licence).toContain("Test Register, CC-BY-4.0 (https://register.example.test)");
    const similar = await api.call("GET", `/api/incidents/similar?text=${encodeURIComponent("hiring model rejected older applicants")}`, { token: org.tokens.viewer });
    expect(similar.status).toBe(200);
    expect(similar.body.public[0]).toMatchObject({ source: "test-register", sourceName: "Test Register", externalId: "R-2" });
  });
});
