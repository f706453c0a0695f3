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
    .description("apply pending database migrations and exit; with --to-postgres, move this SQLite installation to an empty PostgreSQL database")
    .option("--to-postgres <url>", "postgres://… of an empty database: every table is copied, checked (checksums, row counts, every ledger) and left for you to start with DATABASE_URL=<url>; stop the server first")
    .action(async (o: { toPostgres?: string }) => {
      const config = loadConfig();
      if (o.toPostgres) return toPostgres(config, o.toPostgres);
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

/** `musubi migrate --to-postgres <url>`: the SQLite database of the data folder, moved and verified. */
async function toPostgres(config: ReturnType<typeof loadConfig>, url: string): Promise<void> {
  if (config.databaseUrl) throw new Error("DATABASE_URL is set: this installation already runs on PostgreSQL (unset it to move the data folder's SQLite database)");
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`--to-postgres takes a postgres:// URL (got "${url.split(":")[0]}:…")`);
  const { openPostgres } = await import("../db/connect.ts");
  const { moveToPostgres } = await import("../backup/to-postgres.ts");
  const sqlite = openDatabase({ ...config, databaseUrl: undefined });
  const postgres = openPostgres(url);
  try {
    await migrateToLatest(sqlite);
    await migrateToLatest(postgres);
    const { manifest, rows } = await moveToPostgres(sqlite, config.dataDir, postgres);
    out(`moved ${rows} rows in ${Object.keys(manifest.tables).length} tables to PostgreSQL; checksums, row counts and every organisation's ledger verified`);
    out(`files stay in ${config.dataDir}; the SQLite database is left as it was`);
    out(`start the server with DATABASE_URL=${url.replace(/\/\/[^@/]*@/, "//…@")} and the same MUSUBI_DATA_DIR`);
  } finally {
    await sqlite.close();
    await postgres.close();
  }
}
