import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";

async function upload(api: TestApp, token: string, text: string) {
  const res = await api.app.request("/api/imports", { method: "POST", headers: { authorization: `Bearer ${token}`, "x-file-name": "register.csv" }, body: new TextEncoder().encode(text) as unknown as BodyInit });
  return (await res.json()) as { id: string; suggestedMapping: unknown[] };
}

async function settled(api: TestApp, token: string, id: string) {
  for (let i = 0; i < 600; i++) {
    const res = await api.call("GET", `/api/imports/${id}`, { token });
    if (res.body.status !== "committing" && res.body.status !== "validating") return res.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("import did not finish");
}

/**
 * A register arrives before its organisation is set up in Musubi: the departments and owners it
 * names are created on request (departments matched by name first), and only on request; an
 * address that is another organisation's account is never taken over.
 */
describe.each(testDatabases())("an import that creates the departments and owners it names ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let other: SeededOrg;
  let file: string;

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "new");
    other = await seedOrg(ctx.db, "elsewhere");
    await api.call("POST", "/api/departments", { token: org.tokens.admin, body: { code: "HR", nameJa: "人事部", nameEn: "Human Resources" } });
    file = [
      "name,department,owner",
      "Screening,人事部,hiring.lead@new.example",
      "Chatbot,Customer Service,cs.lead@new.example",
      "Forecast,LEGAL,hiring.lead@new.example",
      `Pricing,Customer Service,${other.users.admin.email}`,
      "Translation,Customer Service,",
    ].join("\n");
  });
  afterAll(() => ctx.cleanup());

  it("refuses unknown departments and owners unless asked to create them, and matches a department by its name", async () => {
    const up = await upload(api, org.tokens.admin, file);
    const mapping = [
      { column: "name", field: "nameEn" },
      { column: "department", field: "departmentCode" },
      { column: "owner", field: "businessOwnerEmail" },
    ];
    const plain = await api.call("POST", `/api/imports/${up.id}/preview`, { token: org.tokens.admin, body: { mapping } });
    expect(plain.body.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [2, "unknown_user"],
      [3, "unknown_department"],
      [3, "unknown_user"],
      [4, "unknown_department"],
      [4, "unknown_user"],
      [5, "unknown_department"],
      [5, "unknown_user"],
      [6, "unknown_department"],
    ]);
    expect(plain.body.created).toBeUndefined();
  });

  it("creates them on request, never taking over another organisation's address", async () => {
    const up = await upload(api, org.tokens.admin, file);
    const body = {
      mapping: [
        { column: "name", field: "nameEn" },
        { column: "department", field: "departmentCode" },
        { column: "owner", field: "businessOwnerEmail" },
      ],
      createMissing: ["departments", "owners"],
    };
    const preview = await api.call("POST", `/api/imports/${up.id}/preview`, { token: org.tokens.admin, body });
    expect(preview.body.errors).toEqual([expect.objectContaining({ line: 5, code: "owner_elsewhere", field: "businessOwnerEmail" })]);
    expect(preview.body.created).toEqual({
      departments: [
        { code: "DEPT-0001", name: "Customer Service" },
        { code: "LEGAL", name: "LEGAL" },
      ],
      owners: ["hiring.lead@new.example", "cs.lead@new.example"],
    });
    await api.call("POST", `/api/imports/${up.id}/commit`, { token: org.tokens.admin, body: { ...body, skipInvalid: true } });
    expect(await settled(api, org.tokens.admin, up.id)).toMatchObject({ status: "committed", imported: 4 });

    const systems = await ctx.db.kysely
      .selectFrom("ai_systems as s")
      .leftJoin("departments as d", "d.id", "s.department_id")
      .leftJoin("users as u", "u.id", "s.business_owner_id")
      .select(["s.name_en", "d.code", "u.email", "u.role"])
      .where("s.org_id", "=", org.orgId)
      .orderBy("s.name_en")
      .execute();
    expect(systems).toEqual([
      { name_en: "Chatbot", code: "DEPT-0001", email: "cs.lead@new.example", role: "viewer" },
      { name_en: "Forecast", code: "LEGAL", email: "hiring.lead@new.example", role: "viewer" },
      { name_en: "Screening", code: "HR", email: "hiring.lead@new.example", role: "viewer" },
      { name_en: "Translation", code: "DEPT-0001", email: null, role: null },
    ]);
    // The other organisation's account is untouched and not linked.
    const theirs = await ctx.db.kysely.selectFrom("users").select(["org_id", "role"]).where("email", "=", other.users.admin.email).execute();
    expect(theirs).toEqual([{ org_id: other.orgId, role: "admin" }]);
    // A registered owner has a real hash of a secret nobody kept: no empty or guessable password.
    const hashes = await ctx.db.kysely.selectFrom("users").select("password_hash").where("email", "in", ["cs.lead@new.example", "hiring.lead@new.example"]).execute();
    for (const h of hashes) expect(h.password_hash).toMatch(/^\$argon2id\$/);
    const ledger = await ctx.db.kysely.selectFrom("audit_log").select(["action", "after_json"]).where("org_id", "=", org.orgId).where("action", "in", ["department.created", "user.created"]).where("actor_label", "is not", null).execute();
    const fromImport = ledger.filter((l) => l.after_json !== null && JSON.parse(l.after_json).importId === up.id).map((l) => l.action).sort();
    expect(fromImport).toEqual(["department.created", "department.created", "user.created", "user.created"]);
  });
});
