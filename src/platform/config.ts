import path from "node:path";

/**
 * SQLite's own page cache, 256 MiB unless configured. Inventory filters read rows the indexes do
 * not cover; with SQLite's default cache every such page is a system call away, which made a
 * filtered page of 100,000 systems 2–3 times slower. Memory is used only as pages are read.
 */
export const DEFAULT_SQLITE_CACHE_MB = 256;

/**
 * Bounds on reading one uploaded inventory file, so no file can exhaust the server's memory or
 * time. Rows and cells bound the table the import holds in memory (the 100,000-row register of the
 * benchmark has 100,001 rows and 1.7 M cells); uncompressed bytes bound what an .xlsx may inflate
 * to; the worker's heap and the seconds bound whatever the other limits miss.
 */
export interface ImportLimits {
  rows: number;
  columns: number;
  cells: number;
  uncompressedBytes: number;
  seconds: number;
  workerHeapMb: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = { rows: 200_000, columns: 1_000, cells: 2_500_000, uncompressedBytes: 256 * 1024 * 1024, seconds: 60, workerHeapMb: 256 };

/** Runtime settings, all from the environment so the same build runs on a laptop and a server. */
export interface Config {
  dataDir: string;
  databaseUrl: string | undefined;
  /** Where people and other instances reach this one (`MUSUBI_PUBLIC_URL`, no trailing slash); empty when unset. */
  publicUrl: string;
  host: string;
  port: number;
  sessionTtlMs: number;
  bodyLimitBytes: number;
  /** Largest file accepted by upload routes (evidence files, inventory imports). */
  uploadLimitBytes: number;
  logLevel: string;
  /** Adds `Secure` to cookies; on by default when the public URL is https. */
  secureCookies: boolean;
  /** Sign-in attempts allowed per account and address within `loginWindowMs`. */
  loginMaxAttempts: number;
  loginWindowMs: number;
  /** Reverse proxies (addresses, CIDR ranges) whose X-Forwarded-For is believed (`MUSUBI_TRUSTED_PROXIES`). */
  trustedProxies: string;
  /** Internal receivers (addresses, CIDR ranges) outbound calls may reach (`MUSUBI_OUTBOUND_ALLOW`); public addresses only otherwise. */
  outboundAllow: string;
  /** Memory for cached list answers (0 switches the page cache off). */
  pageCacheBytes: number;
  /** SQLite's page cache in MiB (`MUSUBI_SQLITE_CACHE_MB`); ignored on PostgreSQL. */
  sqliteCacheMb: number;
  /** SMTP relay for e-mail notifications (`MUSUBI_SMTP_URL`); e-mail is off without it. */
  smtpUrl: string | undefined;
  /** Sender address of notification e-mail (`MUSUBI_SMTP_FROM`). */
  smtpFrom: string;
  /** Run the background jobs (deliveries, recurring reviews, escalations) in the server process. */
  backgroundJobs: boolean;
  /** Minutes between signed ledger checkpoints (`MUSUBI_AUDIT_CHECKPOINT_MINUTES`, default 60; 0: none). */
  auditCheckpointMinutes: number;
  /** Bounds on reading an uploaded inventory file (`MUSUBI_IMPORT_MAX_*`). */
  importLimits: ImportLimits;
  /** The bearer token Prometheus scrapes `/metrics` with (`MUSUBI_METRICS_TOKEN`); without one there is no `/metrics`. */
  metricsToken: string | undefined;
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const publicUrl = env.MUSUBI_PUBLIC_URL ?? "";
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error(`DATABASE_URL must start with postgres:// (got "${databaseUrl.split(":")[0]}:…")`);
  }
  const smtpUrl = env.MUSUBI_SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new Error(`MUSUBI_SMTP_URL must start with smtp:// or smtps:// (got "${smtpUrl.split(":")[0]}:…")`);
  return {
    dataDir: path.resolve(env.MUSUBI_DATA_DIR ?? "data"),
    publicUrl: publicUrl.replace(/\/+$/, ""),
    databaseUrl,
    host: env.MUSUBI_HOST ?? "127.0.0.1",
    port: int(env.PORT ?? env.MUSUBI_PORT, 3000, "PORT"),
    sessionTtlMs: int(env.MUSUBI_SESSION_TTL_HOURS, 8, "MUSUBI_SESSION_TTL_HOURS") * 3600_000,
    bodyLimitBytes: int(env.MUSUBI_BODY_LIMIT_BYTES, 1024 * 1024, "MUSUBI_BODY_LIMIT_BYTES"),
    uploadLimitBytes: int(env.MUSUBI_UPLOAD_LIMIT_BYTES, 50 * 1024 * 1024, "MUSUBI_UPLOAD_LIMIT_BYTES"),
    logLevel: env.MUSUBI_LOG_LEVEL ?? "info",
    secureCookies: env.MUSUBI_SECURE_COOKIES ? env.MUSUBI_SECURE_COOKIES === "1" : publicUrl.startsWith("https:"),
    loginMaxAttempts: int(env.MUSUBI_LOGIN_MAX_ATTEMPTS, 10, "MUSUBI_LOGIN_MAX_ATTEMPTS"),
    loginWindowMs: int(env.MUSUBI_LOGIN_WINDOW_SECONDS, 900, "MUSUBI_LOGIN_WINDOW_SECONDS") * 1000,
    trustedProxies: env.MUSUBI_TRUSTED_PROXIES ?? "",
    outboundAllow: env.MUSUBI_OUTBOUND_ALLOW ?? "",
    pageCacheBytes: int(env.MUSUBI_PAGE_CACHE_MB, 64, "MUSUBI_PAGE_CACHE_MB") * 1024 * 1024,
    sqliteCacheMb: int(env.MUSUBI_SQLITE_CACHE_MB, DEFAULT_SQLITE_CACHE_MB, "MUSUBI_SQLITE_CACHE_MB"),
    smtpUrl,
    smtpFrom: env.MUSUBI_SMTP_FROM ?? "musubi@localhost",
    backgroundJobs: env.MUSUBI_BACKGROUND_JOBS !== "0",
    auditCheckpointMinutes: int(env.MUSUBI_AUDIT_CHECKPOINT_MINUTES, 60, "MUSUBI_AUDIT_CHECKPOINT_MINUTES"),
    importLimits: {
      rows: int(env.MUSUBI_IMPORT_MAX_ROWS, DEFAULT_IMPORT_LIMITS.rows, "MUSUBI_IMPORT_MAX_ROWS"),
      columns: int(env.MUSUBI_IMPORT_MAX_COLUMNS, DEFAULT_IMPORT_LIMITS.columns, "MUSUBI_IMPORT_MAX_COLUMNS"),
      cells: int(env.MUSUBI_IMPORT_MAX_CELLS, DEFAULT_IMPORT_LIMITS.cells, "MUSUBI_IMPORT_MAX_CELLS"),
      uncompressedBytes: int(env.MUSUBI_IMPORT_MAX_UNCOMPRESSED_MB, DEFAULT_IMPORT_LIMITS.uncompressedBytes / 2 ** 20, "MUSUBI_IMPORT_MAX_UNCOMPRESSED_MB") * 2 ** 20,
      seconds: int(env.MUSUBI_IMPORT_MAX_SECONDS, DEFAULT_IMPORT_LIMITS.seconds, "MUSUBI_IMPORT_MAX_SECONDS"),
      workerHeapMb: int(env.MUSUBI_IMPORT_WORKER_MB, DEFAULT_IMPORT_LIMITS.workerHeapMb, "MUSUBI_IMPORT_WORKER_MB"),
    },
    metricsToken: env.MUSUBI_METRICS_TOKEN || undefined,
    ...overrides,
  };
}
