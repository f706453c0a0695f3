import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { importReferenceCases, suggestReferenceMapping } from "./reference.import.ts";

/**
 * A public incident register written for this test: its own headers, a three-part id, a year-only
 * and a month-only date, parties separated by "|", a row without a title, a repeated id and a date
 * that cannot be read.
 */
const REGISTER = [
  "Case ID,Headline,Summary,Date,Link,Deployer",
  "OBS-2021-001,Facial recognition misidentified a shopper,A shopper was stopped after a false match.,2021,https://register.example/1,Store A|Store B",
  "OBS-2022-002,与信モデルが特定地域の申込者を不利に扱った,地域による偏り。,2022-03,https://register.example/2,",
  "OBS-2022-003,,No headline.,2022,,",
  "OBS-2021-001,Repeated id,Duplicate.,2021,,",
  "OBS-2023-004,Chatbot leaked personal data,Leak.,next spring,,",
  "",
].join("\r\n");

const MAPPING = [
  { column: "Case ID", field: "id" },
  { column: "Headline", field: "title" },
  { column: "Summary", field: "description" },
  { column: "Date", field: "date" },
  { column: "Link", field: "url" },
  { column: "Deployer", field: "deployers", split: "|" },
];
const SOURCE = { name: "Observatory Register", licence: "CC BY 4.0", url: "https://register.example" };

describe.each(testDatabases())("reference cases imported by an organisation ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let other: SeededOrg;

  const upload = async (text: string, token = org.tokens.governance_lead) => {
    const res = await api.app.request("/api/reference-incidents/imports", { method: "POST", headers: { authorization: `Bearer ${token}`, "x-file-name": "register.csv", "content-type": "text/csv" }, body: new TextEncoder().encode(text) });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; headers: string[]; suggestedMapping: { column: string; field: string }[] };
  };
  const commit = (id: string, body: object = { mapping: MAPPING, source: SOURCE }, token = org.tokens.governance_lead) => api.call("POST", `/api/reference-incidents/imports/${id}/commit`, { token, body });
  const listed = async (token: string, query = "") => (await api.call("GET", `/api/reference-incidents?limit=100${query}`, { token })).body as { items: { id: string; title: string; source: string; sourceName: string; externalId: string | null; date: string | null; deployers: string[] }[]; total: number; sources: { id: string; name: string; own: boolean; cases: number; licence: string }[] };

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "ref-import");
    other = await seedOrg(ctx.db, "ref-other");
    // A source shared by the installation (as the operator imports it), which neither organisation's import touches.
    const shared = { headers: ["Headline"], rows: [{ line: 2, cells: ["Shared case about facial recognition"] }] };
    await importReferenceCases(ctx.db, shared, suggestReferenceMapping(shared.headers), { name: "Installation Register", licence: "CC0-1.0" });
  });
  afterAll(() => ctx.cleanup());

  it("suggests the mapping, and previews the cases with the rows it leaves out and why, writing nothing", async () => {
    const job = await upload(REGISTER);
    expect(job.suggestedMapping).toEqual(expect.arrayContaining([{ column: "Case ID", field: "id" }, { column: "Headline", field: "title" }, { column: "Summary", field: "description" }, { column: "Date", field: "date" }]));
    const preview = await api.call("POST", `/api/reference-incidents/imports/${job.id}/preview`, { token: org.tokens.governance_lead, body: { mapping: MAPPING, source: SOURCE } });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ rows: 5, valid: 2, invalid: 3, replaces: 0 });
    expect(preview.body.errors.map((e: { line: number; code: string; column: string }) => [e.line, e.code, e.column])).toEqual([
      [4, "no_title", "Headline"],
      [5, "duplicate_id", "Case ID"],
      [6, "date", "Date"],
    ]);
    expect(preview.body.errors[0].message).toEqual({ en: expect.stringContaining("No title"), ja: expect.stringContaining("件名") });
    expect(preview.body.sample).toEqual([
      { line: 2, externalId: "OBS-2021-001", title: "Facial recognition misidentified a shopper", date: "2021", url: "https://register.example/1" },
      { line: 3, externalId: "OBS-2022-002", title: "与信モデルが特定地域の申込者を不利に扱った", date: "2022-03", url: "https://register.example/2" },
    ]);
    expect((await listed(org.tokens.viewer)).sources.filter((s) => s.own)).toEqual([]);
    const problems = await api.app.request(`/api/reference-incidents/imports/${job.id}/problems?format=csv&lang=en`, { headers: { authorization: `Bearer ${org.tokens.governance_lead}` } });
    expect(problems.status).toBe(200);
    expect(await problems.text()).toContain("No title");
  });

  it("imports the cases under the source's name, licence and link, seen by this organisation only, and records it in the ledger", async () => {
    const job = await upload(REGISTER);
    const done = await commit(job.id);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: "committed", imported: 2 });
    expect(done.body.report.skippedLines).toEqual([4, 5, 6]);

    const mine = await listed(org.tokens.viewer);
    const own = mine.sources.find((s) => s.own)!;
    expect(own).toMatchObject({ name: "Observatory Register", licence: "CC BY 4.0", cases: 2 });
    expect(mine.sources.find((s) => s.name === "Installation Register")).toMatchObject({ own: false });
    const cases = (await listed(org.tokens.viewer, `&source=${encodeURIComponent(own.id)}`)).items;
    expect(cases.map((c) => [c.externalId, c.date, c.sourceName])).toEqual(expect.arrayContaining([["OBS-2021-001", "2021", "Observatory Register"], ["OBS-2022-002", "2022-03", "Observatory Register"]]));
    expect(cases.find((c) => c.externalId === "OBS-2021-001")!.deployers).toEqual(["Store A", "Store B"]);
    // Found by search in both languages, and as a similar incident.
    expect((await listed(org.tokens.viewer, "&q=" + encodeURIComponent("顔認識"))).items.map((c) => c.title)).toContain("Facial recognition misidentified a shopper");
    const similar = await api.call("GET", `/api/incidents/similar?text=${encodeURIComponent("与信 偏り 地域")}`, { token: org.tokens.viewer });
    expect(similar.body.public.map((p: { title: string }) => p.title)).toContain("与信モデルが特定地域の申込者を不利に扱った");

    const ledger = await ctx.db.kysely.selectFrom("audit_log").select(["action", "after_json"]).where("org_id", "=", org.orgId).where("entity_id", "=", job.id).where("action", "=", "import.committed").executeTakeFirstOrThrow();
    expect(JSON.parse(ledger.after_json!)).toMatchObject({ target: "reference", source: "Observatory Register", licence: "CC BY 4.0", imported: 2, skipped: 3 });
  });

  it("never shows one organisation's cases to another: not listed, not searched, not similar, not deletable", async () => {
    const theirs = await listed(other.tokens.admin);
    expect(theirs.sources.map((s) => s.name)).toEqual(["Installation Register"]);
    expect(theirs.items.map((c) => c.title)).toEqual(["Shared case about facial recognition"]);
    const ownId = (await listed(org.tokens.viewer)).sources.find((s) => s.own)!.id;
    expect((await listed(other.tokens.admin, `&source=${encodeURIComponent(ownId)}`)).items).toEqual([]);
    expect((await listed(other.tokens.admin, "&q=" + encodeURIComponent("facial recognition"))).items.map((c) => c.title)).toEqual(["Shared case about facial recognition"]);
    const similar = await api.call("GET", `/api/incidents/similar?text=${encodeURIComponent("与信 偏り 地域")}`, { token: other.tokens.admin });
    expect(similar.body.public.map((p: { title: string }) => p.title)).not.toContain("与信モデルが特定地域の申込者を不利に扱った");
    const removed = await api.call("DELETE", `/api/reference-incidents/sources/${encodeURIComponent(ownId)}`, { token: other.tokens.admin });
    expect(removed.status).toBe(404);
  });

  it("replaces only the same source's earlier cases when imported again, and two organisations' sources of one name stay apart", async () => {
    const job = await upload(["Case ID,Headline", "N-1,Only one case now", ""].join("\n"));
    const body = { mapping: [{ column: "Case ID", field: "id" }, { column: "Headline", field: "title" }], source: SOURCE };
    const preview = await api.call("POST", `/api/reference-incidents/imports/${job.id}/preview`, { token: org.tokens.governance_lead, body });
    expect(preview.body.replaces).toBe(2);
    expect((await commit(job.id, body)).status).toBe(200);
    const theirJob = await upload(["Headline", "Their own case", ""].join("\n"), other.tokens.admin);
    expect((await commit(theirJob.id, { mapping: [{ column: "Headline", field: "title" }], source: SOURCE }, other.tokens.admin)).status).toBe(200);

    const mine = await listed(org.tokens.viewer);
    expect(mine.sources.map((s) => [s.name, s.own, s.cases])).toEqual([["Installation Register", false, 1], ["Observatory Register", true, 1]]);
    expect(mine.items.map((c) => c.title).sort()).toEqual(["Only one case now", "Shared case about facial recognition"]);
    expect((await listed(other.tokens.admin)).items.map((c) => c.title).sort()).toEqual(["Shared case about facial recognition", "Their own case"]);
  });

  it("refuses a viewer, a mapping without a title, a source without a name and a link that is not a web address, with the field named", async () => {
    const job = await upload(REGISTER);
    expect((await commit(job.id, { mapping: MAPPING, source: SOURCE }, org.tokens.viewer)).status).toBe(403);
    const noTitle = await commit(job.id, { mapping: [{ column: "Case ID", field: "id" }], source: SOURCE });
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.error.details[0].field).toBe("body.mapping");
    const noName = await commit(job.id, { mapping: MAPPING, source: { name: " ", licence: "CC0-1.0" } });
    expect(noName.status).toBe(400);
    expect(noName.body.error.details.map((d: { field: string }) => d.field)).toContain("body.source.name");
    const script = await commit(job.id, { mapping: MAPPING, source: { ...SOURCE, url: "javascript:alert(1)" } });
    expect(script.status).toBe(400);
    expect(script.body.error.details.map((d: { field: string }) => d.field)).toContain("body.source.url");
    expect((await api.call("GET", `/api/reference-incidents/imports/${job.id}`, { token: org.tokens.governance_lead })).body.status).toBe("uploaded");
  });

  it("removes the organisation's own source and its cases, and not a shared one", async () => {
    const before = await listed(org.tokens.viewer);
    const own = before.sources.find((s) => s.own)!;
    const shared = before.sources.find((s) => !s.own)!;
    expect((await api.call("DELETE", `/api/reference-incidents/sources/${encodeURIComponent(shared.id)}`, { token: org.tokens.admin })).status).toBe(404);
    expect((await api.call("DELETE", `/api/reference-incidents/sources/${encodeURIComponent(own.id)}`, { token: org.tokens.admin })).status).toBe(204);
    const after = await listed(org.tokens.viewer);
    expect(after.sources.map((s) => s.name)).toEqual(["Installation Register"]);
    expect(after.items.map((c) => c.title)).toEqual(["Shared case about facial recognition"]);
    expect((await listed(other.tokens.admin)).items.map((c) => c.title).sort()).toEqual(["Shared case about facial recognition", "Their own case"]);
  });
});
