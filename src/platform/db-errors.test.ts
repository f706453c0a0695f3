import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, type SeededOrg } from "../../test/support/app.ts";
import { testDatabases } from "../../test/support/databases.ts";
import type { Db } from "../db/connect.ts";
import { insertUser } from "../users/users.store.ts";
import { fromDatabaseError } from "./db-errors.ts";
import { newId } from "./ids.ts";
import { nowIso } from "./time.ts";

/** What the API would answer for the error `run` throws (undefined: a 500). */
async function answerTo(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (err) {
    const known = fromDatabaseError(err);
    return known && { status: known.status, code: known.code, details: known.details };
  }
  throw new Error("the database accepted it");
}

describe.each(testDatabases())("fromDatabaseError ($name)", (dialect) => {
  let ctx: { db: Db; cleanup(): Promise<void> };
  let org: SeededOrg;
  const postgres = dialect.name !== "sqlite";

  beforeAll(async () => {
    ctx = await dialect.open();
    org = await seedOrg(ctx.db, "dberr");
  });
  afterAll(() => ctx.cleanup());

  const user = (departmentId: string | null) => {
    const now = nowIso();
    return ctx.db.kysely.transaction().execute((trx) => insertUser(trx, { id: newId("usr"), org_id: org.orgId, email: `${newId("e")}@dberr.test`, display_name: "x", role: "viewer", password_hash: "x", status: "active", locale: "en", department_id: departmentId, created_at: now, updated_at: now, version: 1 }));
  };

  it("answers a write naming a missing record with 400, naming the field where the database says", async () => {
    const answer = await answerTo(() => user("dep_missing"));
    expect(answer).toEqual({ status: 400, code: "validation_failed", details: [{ field: postgres ? "body.departmentId" : "body", code: "invalid_reference", message: expect.any(String) }] });
  });

  it("answers deleting a record others refer to with 409 in_use", async () => {
    const now = nowIso();
    const dep = { id: newId("dep"), org_id: org.orgId, code: "D", name_ja: "部", name_en: "D", created_at: now, updated_at: now, version: 1 };
    await ctx.db.kysely.insertInto("departments").values(dep).execute();
    await user(dep.id);
    expect(await answerTo(() => ctx.db.kysely.deleteFrom("departments").where("id", "=", dep.id).execute())).toEqual({ status: 409, code: "in_use", details: { reason: "referenced" } });
  });

  it.runIf(postgres)("answers text with a NUL character, and a number past the column, with 400", async () => {
    const nul = await answerTo(() => ctx.db.kysely.updateTable("organizations").set({ name_en: "a\u0000b" }).where("id", "=", org.orgId).execute());
    expect(nul).toMatchObject({ status: 400, code: "validation_failed" });
    const big = await answerTo(() => ctx.db.kysely.updateTable("organizations").set({ version: 2 ** 31 }).where("id", "=", org.orgId).execute());
    expect(big).toMatchObject({ status: 400, code: "validation_failed" });
  });
});
