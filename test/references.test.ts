import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../src/db/connect.ts";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "./support/app.ts";
import { JP_BUSINESS_PROFILE, registerSystem } from "./support/compliance.ts";
import { testDatabases } from "./support/databases.ts";

/** The bad inputs the fuzz test found answering 500, each pinned to the answer it gets now. */
describe.each(testDatabases())("references and lookups refuse bad input by name ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let other: SeededOrg;
  const admin = () => org.tokens.admin;

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "refs");
    other = await seedOrg(ctx.db, "refs-other");
  });
  afterAll(() => ctx.cleanup());

  function expectFields(res: { status: number; body: any }, fields: string[]) {
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual(fields);
  }

  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "no-such-band"])("refuses the risk filter band=%s, naming query.band", async (band) => {
    expectFields(await api.call("GET", `/api/risks?band=${band}`, { token: admin() }), ["query.band"]);
  });

  it("refuses an empty id for an optional reference (null clears it), naming the field", async () => {
    const risk = { titleJa: "リスク", titleEn: "Risk", inherentLikelihood: 2, inherentImpact: 2 };
    expectFields(await api.call("POST", "/api/risks", { token: admin(), body: { ...risk, ownerId: "" } }), ["body.ownerId"]);
    expectFields(await api.call("POST", "/api/systems", { token: admin(), body: { nameJa: "あ", nameEn: "A", businessOwnerId: "", departmentId: "" } }), ["body.businessOwnerId", "body.departmentId"]);
    expectFields(await api.call("POST", "/api/tasks", { token: admin(), body: { title: "t", assigneeId: "" } }), ["body.assigneeId"]);
    expect((await api.call("POST", "/api/risks", { token: admin(), body: { ...risk, ownerId: null } })).status).toBe(201);
  });

  it("refuses the NUL character in any text, naming the field", async () => {
    expectFields(await api.call("POST", "/api/departments", { token: admin(), body: { code: "N", nameJa: "a\u0000b", nameEn: "N" } }), ["body.nameJa"]);
    expectFields(await api.call("GET", "/api/users?q=a%00b", { token: admin() }), ["query.q"]);
  });

  it("refuses a head count past what the database stores", async () => {
    expectFields(await api.call("POST", "/api/incidents", { token: admin(), body: { title: "i", peopleAffected: 2 ** 31 } }), ["body.peopleAffected"]);
  });

  it("refuses another organisation's user as a review schedule's approver", async () => {
    const res = await api.call("POST", "/api/review-schedules", { token: admin(), body: { name: "s", subjectType: "system", approvalPlan: [[other.users.governance_lead.id]] } });
    expectFields(res, ["body.approvalPlan.0.0"]);
  });

  it("keeps a system, a control and a department that other records still name (409 in_use)", async () => {
    const dep = await api.call("POST", "/api/departments", { token: admin(), body: { code: "IN-USE", nameJa: "部", nameEn: "D" } });
    const system = await registerSystem(api, admin(), { nameJa: "使用中", nameEn: "In use", profile: JP_BUSINESS_PROFILE, departmentId: dep.body.id });
    const control = await api.call("POST", "/api/controls", { token: admin(), body: { code: "C-IN-USE", titleJa: "管理策", titleEn: "Control" } });
    await api.call("POST", "/api/risks", { token: admin(), body: { titleJa: "リ", titleEn: "R", systemId: system.id, controlIds: [control.body.id], inherentLikelihood: 1, inherentImpact: 1 } });

    const deleteSystem = await api.call("DELETE", `/api/systems/${system.id}`, { token: admin() });
    expect(deleteSystem.status).toBe(409);
    expect(deleteSystem.body.error).toMatchObject({ code: "in_use", details: { risks: [expect.any(String)] } });
    const deleteControl = await api.call("DELETE", `/api/controls/${control.body.id}`, { token: admin() });
    expect(deleteControl.status).toBe(409);
    expect(deleteControl.body.error).toMatchObject({ code: "in_use", details: { risks: [expect.any(String)] } });
    const deleteDepartment = await api.call("DELETE", `/api/departments/${dep.body.id}`, { token: admin() });
    expect(deleteDepartment.status).toBe(409);
    expect(deleteDepartment.body.error).toMatchObject({ code: "in_use", details: { reason: "systems" } });
  });
});
