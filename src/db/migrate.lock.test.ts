import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createPgDatabase } from "../../test/support/databases.ts";
import { openPostgres } from "./connect.ts";
import { migrateToLatest, pendingMigrations } from "./migrate.ts";

const PG = process.env.MUSUBI_TEST_PG_URL;
if (!PG) console.warn("[musubi tests] concurrent migrations skipped: MUSUBI_TEST_PG_URL not set (CI sets it)");

/**
 * Two servers started at once against one new PostgreSQL database: the migrations take a lock
 * (Kysely's, an advisory lock), so one server runs them and the other finds them done — each runs
 * once, and neither fails.
 */
describe.skipIf(!PG)("migrations started by two servers at once (PostgreSQL)", () => {
  it("run once, and both servers then see the schema complete", async () => {
    const target = await createPgDatabase(PG!);
    const a = openPostgres(target.url);
    const b = openPostgres(target.url);
    try {
      expect((await pendingMigrations(a)).length).toBeGreaterThan(25);
      const [ra, rb] = await Promise.all([migrateToLatest(a), migrateToLatest(b)]);
      const ran = [ra, rb].map((r) => r.results?.filter((x) => x.status === "Success").length ?? 0).sort((x, y) => x - y);
      expect(ran[0]).toBe(0);
      expect(ran[1]).toBeGreaterThan(25);
      const names = (await sql<{ name: string; n: number }>`select name, count(*) as n from kysely_migration group by name having count(*) > 1`.execute(a.kysely)).rows;
      expect(names).toEqual([]);
      expect(await pendingMigrations(b)).toEqual([]);
    } finally {
      await a.close();
      await b.close();
      await target.drop();
    }
  }, 120_000);
});
