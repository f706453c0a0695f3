import { getLibrary } from "./library/library.runtime.ts";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { createApp } from "./app.ts";
import { startJobs } from "./jobs.ts";
import { startSearchIndexer } from "./search/search.indexer.ts";
import { watchDatabase } from "./platform/metrics.ts";
import { instanceBase } from "./exchange/exchange.party.ts";
import { ensureSigningKey } from "./audit/audit.keys.ts";
import { setEmailDelivery } from "./notify/notify.ts";
import { openDatabase, type Db } from "./db/connect.ts";
import { refreshPlannerStatistics } from "./db/maintenance.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { ensureShippedReferenceCases } from "./incidents/aiid.ts";
import { demoCredentialsFile, seedDemo } from "./demo/demo.seed.ts";
import type { Config } from "./platform/config.ts";
import { DeviceCookies, LoginThrottle } from "./auth/login-throttle.ts";
import { parseTrustedProxies } from "./platform/http/client-address.ts";
import { parseOutboundAllow } from "./platform/outbound.ts";
import { PageCache } from "./platform/http/page-cache.ts";
import { createLogger, type Logger } from "./platform/logger.ts";
import { importWorkersFinished } from "./systems/imports.offthread.ts";
import type { AppDeps } from "./platform/http/route.ts";

export interface RunningServer {
  url: string;
  deps: AppDeps;
  close(): Promise<void>;
}

export function createDeps(config: Config, db: Db, logger: Logger = createLogger(config.logLevel)): AppDeps {
  setEmailDelivery(config.smtpUrl !== undefined);
  return {
    config,
    db,
    logger,
    loginThrottle: new LoginThrottle(db, config.loginMaxAttempts, config.loginWindowMs),
    deviceCookies: new DeviceCookies(config.dataDir),
    trustedProxies: parseTrustedProxies(config.trustedProxies),
    outbound: parseOutboundAllow(config.outboundAllow),
    library: getLibrary(),
    ...(config.pageCacheBytes > 0 && { pageCache: new PageCache(config.pageCacheBytes) }),
  };
}

/**
 * Opens the database (creating the data folder), migrates it, seeds the demo organisation on an
 * empty database when `demo` is on, and serves the app. `print` receives the human-readable banner.
 */
export async function startServer(
  config: Config,
  opts: { demo: boolean; demoPassword?: string | undefined; print?: (line: string) => void } = { demo: true },
): Promise<RunningServer> {
  const print = opts.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  if (!config.databaseUrl) fs.mkdirSync(config.dataDir, { recursive: true });
  const db = openDatabase(config);
  await migrateToLatest(db);
  await refreshPlannerStatistics(db);
  // Public reference cases are searchable from the first start, demo or not.
  if (await ensureShippedReferenceCases(db)) print("Imported the AI Incident Database snapshot shipped with Musubi as public reference cases (CC BY-SA 4.0).");
  // The ledger's checkpoint signing key, created on first start (see docs/audit-ledger.md).
  ensureSigningKey(config.dataDir);
  const deps = createDeps(config, db);

  if (opts.demo) {
    const creds = await seedDemo(db, config.dataDir, opts.demoPassword, { base: instanceBase(config) });
    if (creds) {
      print("Demo organisation created. Sign in with one of these accounts (saved to " + demoCredentialsFile(config.dataDir) + "):");
      for (const c of creds) print(`  ${c.role.padEnd(16)} ${c.email.padEnd(44)} ${c.password}`);
    } else if (fs.existsSync(demoCredentialsFile(config.dataDir))) {
      print(`Demo accounts: see ${demoCredentialsFile(config.dataDir)}`);
    }
  }

  const jobs = config.backgroundJobs ? startJobs(db, config, deps.logger, deps.library) : undefined;
  const searchIndexer = startSearchIndexer(db, deps.logger);
  // Read when Prometheus scrapes, and only if it may (MUSUBI_METRICS_TOKEN).
  if (config.metricsToken) watchDatabase(db, { defaults: true });
  const app = createApp(deps);
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
    s.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host}:${port}`;
  print(`Musubi is serving ${url}  (database: ${db.dialect} ${db.location}; data folder: ${config.dataDir})`);
  deps.logger.info({ url, database: db.dialect }, "listening");
  return {
    url,
    deps,
    async close() {
      jobs?.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      // An import being written finishes (or its worker finishes checkpointing) before the database closes.
      await importWorkersFinished();
      await searchIndexer.stop();
      await db.close();
    },
  };
}
