import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, testApp, type SeededOrg, type TestApp } from "../../test/support/app.ts";
import { JP_BUSINESS_PROFILE, registerSystem } from "../../test/support/compliance.ts";
import { testDatabases } from "../../test/support/databases.ts";
import { readAllCounters } from "../compliance/counters.ts";
import { expectedCounters } from "../compliance/counters.recount.ts";
import type { Db } from "../db/connect.ts";
import { up as backfillInventoryCounters } from "../db/migrations/0004_inventory_counters.ts";
import { todayInTokyo } from "../platform/time.ts";
import { listSystemsQuery } from "./systems.schema.ts";
import { listSystems } from "./systems.store.ts";

describe.each(testDatabases())("inventory totals ($name)", (dialect) => {
  let ctx: { db: Db; dataDir: string; cleanup(): Promise<void> };
  let api: TestApp;
  let org: SeededOrg;
  let departments: string[];
  const admin = () => org.tokens.admin;
  const filters = () => [
    "",
    "lifecycle=deployed",
    "lifecycle=planning",
    "euClass=none",
    "framework=jp-appi",
    "framework=eu-ai-act",
    "tag=hr",
    "tag=finance",
    `departmentId=${departments[0]}`,
    `departmentId=${departments[1]}`,
    `ownerId=${org.users.system_owner.id}`,
    `ownerId=${org.users.admin.id}`,
    "lifecycle=deployed&tag=hr",
    `tag=hr&ownerId=${org.users.system_owner.id}`,
    "q=screening",
    "q=採用",
    "reviewOverdue=true",
  ];

  beforeAll(async () => {
    ctx = await dialect.open();
    api = testApp(ctx.db, ctx.dataDir);
    org = await seedOrg(ctx.db, "totals");
    departments = [];
    for (const code of ["HR", "FIN"]) {
      const d = await api.call("POST", "/api/departments", { token: admin(), body: { code, nameJa: code, nameEn: code } });
      departments.push(d.body.id);
    }
    const owner = org.users.system_owner.id;
    const made = [];
    for (let i = 0; i < 9; i++) {
      made.push(
        await registerSystem(api, admin(), {
          nameJa: i % 2 ? `採用スクリーニング ${i}` : `需要予測 ${i}`,
          nameEn: i % 2 ? `Hiring screening ${i}` : `Demand forecast ${i}`,
          lifecycle: i % 3 ? "deployed" : "planning",
          profile: i % 4 ? JP_BUSINESS_PROFILE : {},
          tags: i % 2 ? ["hr", "pilot"] : ["finance"],
          departmentId: departments[i % 2],
          businessOwnerId: i % 3 ? owner : org.users.admin.id,
          technicalOwnerId: i % 2 ? owner : null,
          nextReviewAt: i % 2 ? "2020-04-01" : "2099-04-01",
        }),
      );
    }
    // Changes and a deletion must move every total with them.
    const moved = made[1]!;
    const patched = await api.call("PATCH", `/api/systems/${moved.id}`, { token: admin(), body: { version: moved.version, tags: ["finance"], departmentId: departments[0], technicalOwnerId: null } });
    if (patched.status !== 200) throw new Error(`patch: ${JSON.stringify(patched.body)}`);
    await api.call("DELETE", `/api/systems/${made[2]!.id}?version=${made[2]!.version}`, { token: admin() });
  });
  afterAll(() => ctx.cleanup());

  it("answers every filter's total exactly, from the running totals or by counting", async () => {
    for (const f of filters()) {
      const res = await api.call("GET", `/api/systems?limit=200&${f}`, { token: org.tokens.viewer });
      expect(res.status, f).toBe(200);
      expect(res.body.totalCapped, f).toBeUndefined();
      expect(res.body.total, f).toBe(res.body.items.length);
    }
    const all = await api.call("GET", "/api/systems?limit=200", { token: org.tokens.viewer });
    expect(all.body.total).toBe(8);
  });

  it("gives a counted total as 'at least' past the cap, relative to the page", async () => {
    const q = (s: string) => listSystemsQuery.parse(Object.fromEntries(new URLSearchParams(s)));
    const today = todayInTokyo();
    const first = await listSystems(ctx.db.kysely, org.orgId, q("q=screening&limit=1"), today, { countCap: 2 });
    expect(first).toMatchObject({ total: 2, totalCapped: true });
    const later = await listSystems(ctx.db.kysely, org.orgId, q("q=screening&limit=1&offset=1"), today, { countCap: 2 });
    expect(later).toMatchObject({ total: 3, totalCapped: true });
    const exact = await listSystems(ctx.db.kysely, org.orgId, q("q=screening&limit=1"), today, { countCap: 2, exactTotal: true });
    expect(exact.total).toBe(4);
    expect(exact.totalCapped).toBeUndefined();
    // A single counted filter never needs the cap.
    const counted = await listSystems(ctx.db.kysely, org.orgId, q("tag=hr&limit=1"), today, { countCap: 1 });
    expect(counted).toMatchObject({ total: 3 });
    expect(counted.totalCapped).toBeUndefined();
  });

  it("keeps the running totals equal to a recount, and the migration rebuilds the per-tag, department and owner totals", async () => {
    const running = await readAllCounters(ctx.db.kysely, org.orgId);
    running.delete("sequence");
    const expected = await expectedCounters(ctx.db.kysely, org.orgId);
    expect(running).toEqual(expected);
    expect(expected.get("systems.tag")?.get("hr")).toBe(3);
    await ctx.db.kysely.deleteFrom("counters").where("name", "in", ["systems.tag", "systems.department", "systems.owner"]).execute();
    await backfillInventoryCounters(ctx.db.kysely, ctx.db.dialect);
    const rebuilt = await readAllCounters(ctx.db.kysely, org.orgId);
    rebuilt.delete("sequence");
    expect(rebuilt).toEqual(expected);
  });
});
