import fs from "node:fs";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/connect.ts";
import { tempDir } from "./support/databases.ts";
import { CLI, ROOT, runCli } from "./support/process.ts";

type ToolText = { content: { type: string; text: string }[]; isError?: boolean };

/**
 * `musubi mcp` started as an MCP client starts it (a child process on stdio): its tools, called as
 * a viewer and as a governance lead. The permission pipeline refuses what the viewer's role may
 * not do, and the lead's change is in the ledger as an agent's.
 */
describe("musubi mcp (stdio)", () => {
  let root: string;
  const tokens: Record<string, string> = {};
  const clients: Client[] = [];
  const env = () => ({ MUSUBI_DATA_DIR: path.join(root, "data") });

  /** An MCP client connected to a new `musubi mcp` acting with `token`. */
  const connect = async (token: string) => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, "mcp"], cwd: ROOT, env: { ...(process.env as Record<string, string>), ...env(), MUSUBI_TOKEN: token }, stderr: "pipe" });
    const client = new Client({ name: "musubi-test", version: "1" });
    await client.connect(transport);
    clients.push(client);
    return client;
  };
  const call = async (client: Client, name: string, args: Record<string, unknown> = {}) => (await client.callTool({ name, arguments: args })) as ToolText;

  beforeAll(async () => {
    root = tempDir();
    const org = await runCli(["org", "create", "--slug", "agents", "--name-ja", "エージェント検証", "--name-en", "Agents", "--admin-email", "root@agents.test"], env());
    expect(org.code, org.stderr).toBe(0);
    for (const role of ["viewer", "governance_lead"]) {
      const user = await runCli(["user", "create", "--org", "agents", "--email", `${role}@agents.test`, "--role", role], env());
      expect(user.code, user.stderr).toBe(0);
      const token = await runCli(["token", "create", "--email", `${role}@agents.test`, "--name", "agent"], env());
      expect(token.code, token.stderr).toBe(0);
      tokens[role] = token.stdout.trim().split("\n").at(-1)!;
    }
    const file = path.join(root, "register.csv");
    fs.writeFileSync(file, "nameJa,nameEn\n与信審査モデル,Credit model\n");
    expect((await runCli(["systems", "import", file, "--org", "agents"], env())).code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    for (const c of clients) await c.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("lists Musubi's operations as tools, and a viewer reads through them but may not file an incident", async () => {
    const viewer = await connect(tokens.viewer!);
    const tools = (await viewer.listTools()).tools.map((t) => t.name).sort();
    expect(tools).toEqual(["draft_incident", "draft_risk", "evaluate_applicability", "get_system", "list_risks", "list_systems", "read_ledger"]);
    const listed = await call(viewer, "list_systems", { q: "与信" });
    expect(listed.isError).toBeUndefined();
    expect(JSON.parse(listed.content[0]!.text).items.map((s: { nameEn: string }) => s.nameEn)).toEqual(["Credit model"]);
    const refused = await call(viewer, "draft_incident", { title: "エージェントによる起票" });
    expect(refused.isError).toBe(true);
    expect(JSON.parse(refused.content[0]!.text).error.code).toBe("forbidden");
  }, 60_000);

  it("files a governance lead's incident, marked in the ledger as made by an agent", async () => {
    const lead = await connect(tokens.governance_lead!);
    const filed = await call(lead, "draft_incident", { title: "エージェントによる起票", severity: "low" });
    expect(filed.isError, filed.content[0]!.text).toBeUndefined();
    const id = JSON.parse(filed.content[0]!.text).id as string;
    const ledger = JSON.parse((await call(lead, "read_ledger", { limit: 5 })).content[0]!.text);
    expect(ledger.items.some((e: { entityId: string }) => e.entityId === id)).toBe(true);
    const db = openDatabase({ dataDir: path.join(root, "data") });
    try {
      const entry = await db.kysely.selectFrom("audit_log").select(["actor_label", "actor_type"]).where("entity_id", "=", id).where("action", "=", "incident.filed").executeTakeFirstOrThrow();
      expect(entry).toMatchObject({ actor_type: "token", actor_label: "governance_lead@agents.test (token agent) via MCP agent" });
    } finally {
      await db.close();
    }
  }, 60_000);
});
