import type { Command } from "commander";
import { loadConfig } from "../platform/config.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { openDatabase } from "../db/connect.ts";
import { out } from "./context.ts";

export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("serve the API and web UI (creates and migrates the database; seeds the demo on first start)")
    .option("--port <port>", "port (default 3000, or $PORT)")
    .option("--host <host>", "address to listen on (default 127.0.0.1, or $MUSUBI_HOST)")
    .option("--no-demo", "do not create the demo organisation on an empty database")
    .option("--build-web", "build the web UI first if it is missing or older than its sources")
    .action(async (opts: { port?: string; host?: string; demo: boolean; buildWeb?: boolean }) => {
      const overrides = {
        ...(opts.port !== undefined && { port: Number(opts.port) }),
        ...(opts.host !== undefined && { host: opts.host }),
      };
      const config = loadConfig(process.env, overrides);
      // Loaded here, not at the top: other commands (audit verify, backup) start faster without them.
      if (opts.buildWeb) await (await import("./web-build.ts")).ensureWebBuilt(out);
      const { startServer } = await import("../server.ts");
      out(`Musubi data folder: ${config.databaseUrl ? "(PostgreSQL)" : config.dataDir}`);
      const demo = opts.demo && process.env.MUSUBI_DEMO !== "0";
      const server = await startServer(config, { demo, demoPassword: process.env.MUSUBI_DEMO_PASSWORD });
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });

  program
    .command("migrate")
    .description("apply pending database migrations and exit")
    .action(async () => {
      const config = loadConfig();
      const db = openDatabase(config);
      try {
        const result = await migrateToLatest(db);
        const applied = result.results?.filter((r) => r.status === "Success").map((r) => r.migrationName) ?? [];
        out(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
        const { ensureShippedReferenceCases } = await import("../incidents/aiid.ts");
        if (await ensureShippedReferenceCases(db)) out("imported the shipped AI Incident Database snapshot as public reference cases (CC BY-SA 4.0)");
      } finally {
        await db.close();
      }
    });
}
