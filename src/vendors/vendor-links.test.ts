import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { registerSystem } from "../../test/support/compliance.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { linkVendorsByName } from "./vendor-links.ts";
import { foldVendorName } from "./vendor-names.ts";

describe("foldVendorName", () => {
  it("compares names across full-width, case and spacing", () => {
    expect(foldVendorName("  ＯｐｅｎＡＩ　 Inc. ")).toBe(foldVendorName("openai inc."));
    expect(foldVendorName("富士通")).not.toBe(foldVendorName("富士通株式会社"));
  });
});

describe.each(testDatabases())("system ↔ vendor links ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let other: SeededOrg;
  const vendor = async (o: SeededOrg, name: string, code?: string) =>
    (await api.call("POST", "/api/vendors", { token: o.tokens.governance_lead, body: { name, ...(code && { code }) } })).body as { id: string; code: string; version: number };

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "links");
    other = await seedOrg(ctx.db, "links-other");
  });
  afterAll(() => ctx.cleanup());

  it("links a system to register vendors from the system form, shown on both pages and in the ledger", async () => {
    const llm = await vendor(org, "LLM Cloud K.K.");
    const ocr = await vendor(org, "OCR Works");
    const created = await api.call("POST", "/api/systems", { token: org.tokens.admin, body: { nameJa: "要約", nameEn: "Summary", vendorIds: [llm.id], vendors: ["Legacy Name"] } });
    expect(created.status).toBe(201);
    expect(created.body.vendorLinks).toEqual([{ id: llm.id, code: llm.code, name: "LLM Cloud K.K.", status: "under_review", rating: "unrated" }]);
    expect(created.body.vendors).toEqual(["Legacy Name"]);
    expect((await api.call("GET", `/api/vendors/${llm.id}`, { token: org.tokens.viewer })).body.systems.map((s: { id: string }) => s.id)).toEqual([created.body.id]);

    const updated = await api.call("PATCH", `/api/systems/${created.body.id}`, { token: org.tokens.admin, body: { version: created.body.version, vendorIds: [ocr.id, ocr.id] } });
    expect(updated.status).toBe(200);
    expect(updated.body.vendorLinks.map((v: { id: string }) => v.id)).toEqual([ocr.id]);
    expect((await api.call("GET", `/api/vendors/${llm.id}`, { token: org.tokens.viewer })).body.systems).toEqual([]);
    expect((await api.call("GET", `/api/vendors?systemId=${created.body.id}`, { token: org.tokens.viewer })).body.items.map((v: { id: string }) => v.id)).toEqual([ocr.id]);
    const entry = (await api.call("GET", `/api/audit?entityId=${created.body.id}&action=system.updated`, { token: org.tokens.auditor })).body.items[0];
    expect(entry.before).toMatchObject({ vendorIds: [llm.id] });
    expect(entry.after).toMatchObject({ vendorIds: [ocr.id] });

    const untouched = await api.call("PATCH", `/api/systems/${created.body.id}`, { token: org.tokens.admin, body: { version: updated.body.version, purpose: "要約する" } });
    expect(untouched.body.vendorLinks.map((v: { id: string }) => v.id)).toEqual([ocr.id]);
    const cleared = await api.call("PATCH", `/api/systems/${created.body.id}`, { token: org.tokens.admin, body: { version: untouched.body.version, vendorIds: [] } });
    expect(cleared.body.vendorLinks).toEqual([]);
  });

  it("refuses to link a vendor of another organisation, as if it did not exist", async () => {
    const foreign = await vendor(other, "Other Org Vendor");
    const create = await api.call("POST", "/api/systems", { token: org.tokens.admin, body: { nameJa: "越境", nameEn: "Cross", vendorIds: [foreign.id] } });
    expect(create.status).toBe(400);
    expect(create.body.error.details).toEqual([expect.objectContaining({ field: "body.vendorIds.0" })]);
    expect(JSON.stringify(create.body)).not.toContain("Other Org Vendor");

    const own = await registerSystem(api, org.tokens.admin, { nameJa: "自社", nameEn: "Own" });
    const patch = await api.call("PATCH", `/api/systems/${own.id}`, { token: org.tokens.admin, body: { version: own.version, vendorIds: ["vnd_doesnotexist", foreign.id] } });
    expect(patch.status).toBe(400);
    expect(patch.body.error.details.map((d: { field: string }) => d.field)).toEqual(["body.vendorIds.0", "body.vendorIds.1"]);
    expect((await api.call("GET", `/api/vendors/${foreign.id}`, { token: other.tokens.viewer })).body.systems).toEqual([]);
    expect((await api.call("GET", `/api/systems/${own.id}`, { token: org.tokens.viewer })).body.vendorLinks).toEqual([]);
  });

  it("links imported systems to the vendors their names match, once each, leaving ambiguous and foreign names unlinked", async () => {
    const fujitsu = await vendor(org, "富士通", "FJ-1");
    await vendor(org, "Twin");
    await vendor(org, "twin");
    await vendor(other, "Only Elsewhere");
    const a = await registerSystem(api, org.tokens.admin, { nameJa: "甲", nameEn: "A", vendors: ["FUJITSU"] });
    const b = await registerSystem(api, org.tokens.admin, { nameJa: "乙", nameEn: "B", vendors: ["Twin", "Only Elsewhere", "fj-1"] });
    const c = await registerSystem(api, org.tokens.admin, { nameJa: "丙", nameEn: "C", vendors: ["　富士通 "] });
    const made = await ctx.db.kysely.transaction().execute((trx) =>
      linkVendorsByName(trx, org.orgId, [
        { id: a.id, vendors: ["FUJITSU"] },
        { id: b.id, vendors: ["Twin", "Only Elsewhere", "fj-1"] },
        { id: c.id, vendors: ["　富士通 ", "富士通"] },
      ]),
    );
    expect(made).toBe(2);
    const links = async (id: string) => (await api.call("GET", `/api/systems/${id}`, { token: org.tokens.viewer })).body.vendorLinks.map((v: { id: string }) => v.id);
    expect(await links(a.id)).toEqual([]);
    expect(await links(b.id)).toEqual([fujitsu.id]);
    expect(await links(c.id)).toEqual([fujitsu.id]);
    const again = await ctx.db.kysely.transaction().execute((trx) => linkVendorsByName(trx, org.orgId, [{ id: c.id, vendors: ["富士通"] }]));
    expect(again).toBe(0);
  });
});
