import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "./support/databases.ts";
import { runCli } from "./support/process.ts";

/** `musubi fields` and `musubi systems import` with a column mapped to an organisation's own field, from a terminal. */
describe("musubi CLI: fields (SQLite data folder)", () => {
  let root: string;
  const env = () => ({ MUSUBI_DATA_DIR: path.join(root, "data") });

  beforeAll(async () => {
    root = tempDir();
    const org = await runCli(["org", "create", "--slug", "reg", "--name-ja", "登録簿", "--name-en", "Register", "--admin-email", "root@reg.test"], env());
    expect(org.code, org.stderr).toBe(0);
  }, 60_000);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("defines fields, lists them, and refuses a malformed key with the rule", async () => {
    const text = await runCli(["fields", "create", "--org", "reg", "--entity", "system", "--key", "legal_basis", "--label-ja", "法的根拠", "--label-en", "Legal basis"], env());
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^field system\.legal_basis \(text\) created: cfd_/);
    const choice = await runCli(["fields", "create", "--org", "reg", "--entity", "system", "--key", "stage_nl", "--label-ja", "段階", "--label-en", "Stage (NL)", "--type", "choice", "--options", "in_gebruik=利用中/In use,buiten_gebruik=廃止/Retired"], env());
    expect(choice.code, choice.stderr).toBe(0);
    const bad = await runCli(["fields", "create", "--org", "reg", "--entity", "system", "--key", "Legal Basis", "--label-ja", "x", "--label-en", "x"], env());
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/key: Start with a lower-case letter/);
    const list = await runCli(["fields", "list", "--org", "reg", "--json"], env());
    expect(JSON.parse(list.stdout).map((f: { key: string; options: unknown[] }) => [f.key, f.options.length])).toEqual([["legal_basis", 0], ["stage_nl", 2]]);
  });

  it("imports a register whose columns fill those fields, choices read by their labels", async () => {
    const file = path.join(root, "register.csv");
    fs.writeFileSync(file, "Name,Legal basis,Stage (NL)\nChatbot,Art. 6(1)(e) AVG,In use\nRoutering,Wet X,Retired\n");
    const mapping = path.join(root, "mapping.json");
    fs.writeFileSync(mapping, JSON.stringify([{ column: "Name", field: "nameEn" }, { column: "Legal basis", field: "custom.legal_basis" }, { column: "Stage (NL)", field: "custom.stage_nl" }]));
    const res = await runCli(["systems", "import", file, "--org", "reg", "--mapping", mapping], env());
    expect(res.code, res.stderr).toBe(0);
    const listed = await runCli(["fields", "list", "--org", "reg"], env());
    expect(listed.stdout).toMatch(/system\tlegal_basis\ttext\t法的根拠 \/ Legal basis\t2 in use/);
    expect(listed.stdout).toMatch(/system\tstage_nl\tchoice\t段階 \/ Stage \(NL\)\t2 in use/);
  });
});
