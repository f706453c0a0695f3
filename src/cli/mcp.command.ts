import type { Command } from "commander";
import { loadConfig } from "../platform/config.ts";

/**
 * `musubi mcp`: Musubi's operations as a Model Context Protocol server on stdio, for an AI agent
 * (Claude Desktop, an IDE, any MCP client) acting with a person's API token (`MUSUBI_TOKEN`). The
 * token's role decides what the agent may do; its changes are marked in the ledger as an agent's.
 * Nothing but the protocol is written to stdout.
 */
export function registerMcpCommand(program: Command): void {
  program
    .command("mcp")
    .description("serve Musubi's operations to an AI agent over the Model Context Protocol (stdio), acting with the API token in MUSUBI_TOKEN")
    .action(async () => {
      const token = process.env.MUSUBI_TOKEN;
      if (!token) throw new Error("set MUSUBI_TOKEN to an API token (npx musubi token create --email …): the agent acts with that token's role");
      const { StdioServerTransport } = await import("@modelcontextprotocol/sdk/server/stdio.js");
      const { openDatabase } = await import("../db/connect.ts");
      const { migrateToLatest } = await import("../db/migrate.ts");
      const { createDeps } = await import("../server.ts");
      const { createApp } = await import("../app.ts");
      const { createLogger } = await import("../platform/logger.ts");
      const { musubiMcp } = await import("../mcp/mcp.server.ts");
      // The log goes nowhere: stdout is the protocol's.
      const config = loadConfig(process.env, { logLevel: "silent" });
      const db = openDatabase(config);
      await migrateToLatest(db);
      const app = createApp(createDeps(config, db, createLogger("silent")));
      const server = musubiMcp(app, token);
      const closed = new Promise<void>((resolve) => {
        server.server.onclose = () => resolve();
      });
      await server.connect(new StdioServerTransport());
      await closed;
      await db.close();
    });
}
