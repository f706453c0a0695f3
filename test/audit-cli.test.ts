import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqlite } from "../src/db/connect.ts";
import { tempDir } from "./support/databases.ts";
import { runCli } from "./support/process.ts";
import { cutTail } from "./support/tamper.ts";

describe("musubi audit checkpoints, keys and bundles (SQLite data folder)", () => {
  let root: string;
  let dataDir: string;
  const env = () => ({ MUSUBI_DATA_DIR: dataDir });
  const cli = async (args: string[]) => {
    const r = await runCli(args, env());
    return { ...r, json: () => JSON.parse(r.stdout) };
  };

  beforeAll(async () => {
    root = tempDir();
    dataDir = path.join(root, "data");
    const org = await runCli(["org", "create", "--slug", "acme", "--name-ja", "アクメ", "--name-en", "Acme", "--admin-email", "root@acme.test"], { MUSUBI_DATA_DIR: dataDir });
    expect(org.code, org.stderr).toBe(0);
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("signs a checkpoint on demand, once per moved head, with a key kept 0600", async () => {
    const first = await cli(["audit", "checkpoint"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^signed {2}org_\S+ {2}#2 [0-9a-f]{64}$/m);
    expect(first.stdout).toMatch(/1 checkpoint\(s\) signed with key [0-9a-f]{16}; 0 organisation\(s\) unchanged/);
    expect((await cli(["audit", "checkpoint", "--org", "acme"])).stdout).toMatch(/0 checkpoint\(s\) signed .*; 1 organisation\(s\) unchanged/);
    if (process.platform !== "win32") {
      const keys = path.join(dataDir, "audit-keys");
      expect(fs.statSync(keys).mode & 0o777).toBe(0o700);
      for (const f of fs.readdirSync(keys)) expect(fs.statSync(path.join(keys, f)).mode & 0o777, f).toBe(0o600);
    }
    const verify = await cli(["audit", "verify"]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/checkpoint #2 of \S+ holds/);
    expect(verify.stdout).toMatch(/ledger verified: 3 entries in 1 chain\(s\), 1 checkpoint\(s\)/);
    const jobs = await cli(["jobs", "run"]);
    expect(jobs.stdout).toMatch(/ledger checkpoints: not due/);
  });

  it("exports a bundle that verifies offline with the instance's public key, and fails once altered", async () => {
    const keys = (await cli(["audit", "key", "list", "--json"])).json() as { keyId: string; publicKey: string; pem: string }[];
    expect(keys).toHaveLength(1);
    const pem = path.join(root, "musubi.pub.pem");
    fs.writeFileSync(pem, keys[0]!.pem);
    const bundle = path.join(root, "acme.jsonl");
    const exp = await cli(["audit", "export", "--org", "acme", "--out", bundle]);
    expect(exp.code, exp.stderr).toBe(0);
    expect(exp.stdout).toMatch(/entries #1–#3, 3 entries, 1 checkpoint\(s\)/);
    // No database: point the data folder somewhere empty.
    const offline = await runCli(["audit", "verify-bundle", bundle, "--public-key", pem], { MUSUBI_DATA_DIR: path.join(root, "nowhere") });
    expect(offline.code, offline.stdout + offline.stderr).toBe(0);
    expect(offline.stdout).toMatch(new RegExp(`keys: ${keys[0]!.keyId} \\(given\\)`));
    expect(offline.stdout).toMatch(/bundle verified: acme entries #1–#3 \(3\)/);
    expect(fs.existsSync(path.join(root, "nowhere"))).toBe(false);

    fs.writeFileSync(bundle, fs.readFileSync(bundle, "utf8").replace("root@acme.test", "root@acne.test"));
    const altered = await runCli(["audit", "verify-bundle", bundle, "--public-key", keys[0]!.publicKey, "--json"], {});
    expect(altered.code).toBe(1);
    expect(JSON.parse(altered.stdout).problems.map((p: { reason: string }) => p.reason)).toContain("bundle_digest_mismatch");
  });

  it("rotates the key and still verifies checkpoints signed with the old one", async () => {
    const rotated = await cli(["audit", "key", "rotate"]);
    expect(rotated.stdout).toMatch(/retired key [0-9a-f]{16}; signing with new key [0-9a-f]{16}/);
    const list = await cli(["audit", "key", "list"]);
    expect(list.stdout).toMatch(/retired 20/);
    expect(list.stdout).toMatch(/ active /);
    expect(list.stdout).toMatch(/BEGIN PUBLIC KEY/);
    // A new entry so that the head moves, then a checkpoint with the new key.
    expect((await cli(["user", "create", "--org", "acme", "--email", "w@acme.test", "--role", "viewer"])).code).toBe(0);
    expect((await cli(["audit", "checkpoint"])).stdout).toMatch(/1 checkpoint\(s\) signed/);
    const verify = await cli(["audit", "verify", "--json"]);
    expect(verify.code).toBe(0);
    expect(verify.json().checkpoints.checked).toBe(2);
  });

  it("detects truncation from a checkpoint kept elsewhere when the instance's own copies were removed", async () => {
    const kept = path.join(root, "witness.jsonl");
    fs.copyFileSync(path.join(dataDir, "audit-checkpoints.jsonl"), kept);
    const db = openSqlite(path.join(dataDir, "musubi.sqlite"));
    const org = await db.kysely.selectFrom("organizations").select("id").where("slug", "=", "acme").executeTakeFirstOrThrow();
    await cutTail(db, org.id, 3); // the last checkpoint's entry, and the two entries it covered
    await db.close();
    fs.rmSync(path.join(dataDir, "audit-checkpoints.jsonl"));

    const blind = await cli(["audit", "verify"]);
    expect(blind.code, blind.stdout).toBe(0);
    const withKept = await cli(["audit", "verify", "--checkpoint", kept]);
    expect(withKept.code).toBe(1);
    expect(withKept.stdout).toMatch(/BROKEN {2}org_\S+ {2}checkpoint #\d+: truncated_below_checkpoint/);
    expect(withKept.stdout).toMatch(/LEDGER BROKEN/);
    const json = (await cli(["audit", "verify", "--checkpoint", kept, "--json"])).json();
    expect(json.ok).toBe(false);
    expect(json.chains[0].firstBreak.reason).toBe("truncated_below_checkpoint");
  });
});
