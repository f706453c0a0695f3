import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgDatabase, tempDir } from "./support/databases.ts";
import { runCli } from "./support/process.ts";

const PG = process.env.MUSUBI_TEST_PG_URL;
if (!PG) console.warn("[musubi tests] migrate --to-postgres skipped: MUSUBI_TEST_PG_URL not set (CI sets it)");

/** `musubi migrate --to-postgres`, from a terminal: a SQLite installation moved to PostgreSQL, then used there. */
describe.skipIf(!PG)("musubi CLI: migrate --to-postgres", () => {
  let root: string;
  let target: { url: string; drop(): Promise<void> };
  const sqliteEnv = () => ({ MUSUBI_DATA_DIR: path.join(root, "data") });
  const pgEnv = () => ({ MUSUBI_DATA_DIR: path.join(root, "data"), DATABASE_URL: target.url });

  beforeAll(async () => {
    root = tempDir();
    target = await createPgDatabase(PG!);
    const org = await runCli(["org", "create", "--slug", "reg", "--name-ja", "登録簿", "--name-en", "Register", "--admin-email", "root@reg.test"], sqliteEnv());
    expect(org.code, org.stderr).toBe(0);
    const file = path.join(root, "register.csv");
    fs.writeFileSync(file, "nameJa,nameEn\n与信審査モデル,Credit model\n採用選考AI,Hiring screen\n");
    const imported = await runCli(["systems", "import", file, "--org", "reg"], sqliteEnv());
    expect(imported.code, imported.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await target?.drop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("copies every table, verified, and the same installation then runs on PostgreSQL; a second move is refused", async () => {
    const before = await runCli(["systems", "list", "--org", "reg", "--json"], sqliteEnv());
    expect(before.code, before.stderr).toBe(0);
    const moved = await runCli(["migrate", "--to-postgres", target.url], sqliteEnv());
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stdout).toMatch(/^moved \d+ rows in \d+ tables to PostgreSQL; checksums, row counts and every organisation's ledger verified$/m);
    expect(moved.stdout).not.toContain(new URL(target.url).password || "\u0000");

    const after = await runCli(["systems", "list", "--org", "reg", "--json"], pgEnv());
    expect(after.code, after.stderr).toBe(0);
    const names = (out: string) => (JSON.parse(out) as { items: { code: string; nameJa: string }[] }).items.map((s) => `${s.code} ${s.nameJa}`).sort();
    expect(names(after.stdout)).toEqual(names(before.stdout));
    expect(names(after.stdout).map((n) => n.split(" ")[1])).toEqual(["与信審査モデル", "採用選考AI"]);
    const verified = await runCli(["audit", "verify"], pgEnv());
    expect(verified.code, verified.stderr + verified.stdout).toBe(0);

    const again = await runCli(["migrate", "--to-postgres", target.url], sqliteEnv());
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("not empty");
  }, 120_000);
});
