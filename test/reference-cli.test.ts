import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/connect.ts";
import { tempDir } from "./support/databases.ts";
import { runCli } from "./support/process.ts";

/** `musubi incidents import --as reference`, from a terminal: shared by the installation, or with --org one organisation's own. */
describe("musubi CLI: reference cases (SQLite data folder)", () => {
  let root: string;
  const env = () => ({ MUSUBI_DATA_DIR: path.join(root, "data") });
  const register = () => {
    const file = path.join(root, "register.csv");
    fs.writeFileSync(file, "Case ID,Headline,Date\nR-1,Facial recognition misidentified a shopper,2021\nR-2,,2022\nR-3,与信モデルの偏り,2022-03\n");
    return file;
  };

  beforeAll(async () => {
    root = tempDir();
    const org = await runCli(["org", "create", "--slug", "reg", "--name-ja", "登録簿", "--name-en", "Register", "--admin-email", "root@reg.test"], env());
    expect(org.code, org.stderr).toBe(0);
  }, 60_000);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("imports a register as one organisation's own source, listing the rows it leaves out, and as a shared one without --org", async () => {
    const own = await runCli(["incidents", "import", register(), "--org", "reg", "--as", "reference", "--source", "Observatory Register", "--licence", "CC-BY-4.0"], env());
    expect(own.code, own.stderr).toBe(0);
    expect(own.stdout).toMatch(/2 cases, 1 rows left out/);
    expect(own.stdout).toMatch(/row 3 \[Headline\]: No title/);
    expect(own.stdout).toMatch(/imported 2 reference cases from Observatory Register \(CC-BY-4\.0\), seen by reg only/);
    const shared = await runCli(["incidents", "import", register(), "--as", "reference", "--source", "Observatory Register", "--licence", "CC-BY-4.0"], env());
    expect(shared.code, shared.stderr).toBe(0);

    const db = openDatabase({ dataDir: path.join(root, "data") });
    try {
      const sources = await db.kysely.selectFrom("reference_sources").select(["name", "org_id", "cases"]).where("name", "=", "Observatory Register").orderBy("org_id").execute();
      const orgId = (await db.kysely.selectFrom("organizations").select("id").where("slug", "=", "reg").executeTakeFirstOrThrow()).id;
      expect(sources.map((s) => [s.org_id ?? null, s.cases])).toEqual(expect.arrayContaining([[null, 2], [orgId, 2]]));
      expect(sources).toHaveLength(2);
      const ledger = await db.kysely.selectFrom("audit_log").select("after_json").where("org_id", "=", orgId).where("action", "=", "import.committed").execute();
      expect(ledger.map((l) => JSON.parse(l.after_json!).source)).toEqual(["Observatory Register"]);
    } finally {
      await db.close();
    }
  });
});
