import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { openSqlite } from "../src/db/connect.ts";
import { tempDir } from "./support/databases.ts";
import { runCli, spawnServer } from "./support/process.ts";

describe("musubi CLI (SQLite data folder)", () => {
  let root: string;
  let dataDir: string;
  const env = () => ({ MUSUBI_DATA_DIR: dataDir });

  beforeAll(() => {
    root = tempDir();
    dataDir = path.join(root, "data");
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("migrate creates the data folder and database, then reports it up to date", async () => {
    const first = await runCli(["migrate"], env());
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/applied: 0001_foundation/);
    expect(fs.existsSync(path.join(dataDir, "musubi.sqlite"))).toBe(true);
    const second = await runCli(["migrate"], env());
    expect(second.stdout).toMatch(/up to date/);
  });

  it("creates an organisation, a user and a token that the API accepts", async () => {
    const org = await runCli(["org", "create", "--slug", "acme", "--name-ja", "アクメ株式会社", "--name-en", "Acme", "--admin-email", "root@acme.test"], env());
    expect(org.code, org.stderr).toBe(0);
    expect(org.stdout).toMatch(/initial password \(shown once\): \S{16}/);

    const user = await runCli(["user", "create", "--org", "acme", "--email", "Lead@Acme.test", "--role", "governance_lead", "--password", "a long enough password"], env());
    expect(user.code, user.stderr).toBe(0);
    expect(user.stdout).toMatch(/lead@acme.test .* governance_lead/);

    const dup = await runCli(["user", "create", "--org", "acme", "--email", "lead@acme.test", "--role", "viewer"], env());
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/exists/);
    const badRole = await runCli(["user", "create", "--org", "acme", "--email", "x@acme.test", "--role", "god"], env());
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/unknown role/);

    // A token never has more rights than its user: a governance lead cannot hold an auditor's token
    // (it would read the token list), and a viewer cannot hold an administrator's.
    const above = await runCli(["token", "create", "--email", "lead@acme.test", "--role", "auditor", "--name", "ci"], env());
    expect(above.code).toBe(1);
    expect(above.stderr).toMatch(/lead@acme\.test is governance_lead: a token cannot have more rights than its user/);
    await runCli(["user", "create", "--org", "acme", "--email", "viewer@acme.test", "--role", "viewer"], env());
    const escalate = await runCli(["token", "create", "--email", "viewer@acme.test", "--role", "admin"], env());
    expect(escalate.code).toBe(1);
    expect(escalate.stderr).toMatch(/cannot have more rights/);

    const auditor = await runCli(["user", "create", "--org", "acme", "--email", "audit@acme.test", "--role", "auditor"], env());
    expect(auditor.code, auditor.stderr).toBe(0);
    const token = await runCli(["token", "create", "--email", "audit@acme.test", "--name", "ci"], env());
    expect(token.code, token.stderr).toBe(0);
    expect(token.stdout).toMatch(/\(auditor\) created for audit@acme\.test/);
    const secret = token.stdout.trim().split("\n").at(-1)!;
    expect(secret).toMatch(/^msb_/);

    const { child, url } = await spawnServer(env());
    try {
      const res = await fetch(`${url}/api/audit?limit=5`, { headers: { authorization: `Bearer ${secret}` } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: { action: string }[] };
      expect(body.items[0]!.action).toBe("token.created");
      const write = await fetch(`${url}/api/departments`, {
        method: "POST",
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
        body: JSON.stringify({ code: "X", nameJa: "x", nameEn: "x" }),
      });
      expect(write.status).toBe(403);
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  });

  it("backs up and restores into an empty data folder with a bit-identical ledger", async () => {
    const backup = path.join(root, "backup");
    const b = await runCli(["backup", backup], env());
    expect(b.code, b.stderr).toBe(0);
    const restored = path.join(root, "restored");
    const r = await runCli(["restore", backup], { MUSUBI_DATA_DIR: restored });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ledger verified/);
    const again = path.join(root, "backup-of-restored");
    expect((await runCli(["backup", again], { MUSUBI_DATA_DIR: restored })).code).toBe(0);
    const ledger = (dir: string) => fs.readFileSync(path.join(dir, "tables", "audit_log.jsonl"));
    expect(ledger(again).equals(ledger(backup))).toBe(true);
    const refuse = await runCli(["restore", backup], { MUSUBI_DATA_DIR: restored });
    expect(refuse.code).toBe(1);
    expect(refuse.stderr).toMatch(/not empty/);
  });

  it("audit verify passes, then exits 1 naming the first broken link after tampering", async () => {
    const ok = await runCli(["audit", "verify"], env());
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/ledger verified: 6 entries/);

    const db = openSqlite(path.join(dataDir, "musubi.sqlite"));
    await sql.raw("drop trigger audit_log_no_update").execute(db.kysely);
    await db.kysely.updateTable("audit_log").set({ actor_label: "someone else" }).where("seq", "=", 2).execute();
    await db.close();

    const broken = await runCli(["audit", "verify", "--json"], env());
    expect(broken.code).toBe(1);
    const report = JSON.parse(broken.stdout);
    expect(report.ok).toBe(false);
    expect(report.chains[0].firstBreak).toMatchObject({ seq: 2, reason: "hash_mismatch" });
  });
});
