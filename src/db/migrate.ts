import { Migrator, sql, type Migration, type MigrationResultSet } from "kysely";
import type { Db, DialectName } from "./connect.ts";
import * as m0001 from "./migrations/0001_foundation.ts";
import * as m0002 from "./migrations/0002_audit_append.ts";
import * as m0003 from "./migrations/0003_compliance.ts";
import * as m0004 from "./migrations/0004_inventory_counters.ts";
import * as m0005 from "./migrations/0005_audit_append_linear.ts";
import * as m0006 from "./migrations/0006_risks.ts";
import * as m0007 from "./migrations/0007_workflow.ts";
import * as m0008 from "./migrations/0008_incidents.ts";
import * as m0009 from "./migrations/0009_vendors.ts";
import * as m0010 from "./migrations/0010_security.ts";
import * as m0011 from "./migrations/0011_eu_class_from.ts";
import * as m0012 from "./migrations/0012_disclosures.ts";
import * as m0013 from "./migrations/0013_report_jobs.ts";
import * as m0014 from "./migrations/0014_org_frameworks.ts";
import * as m0015 from "./migrations/0015_exchange_keys.ts";
import * as m0020 from "./migrations/0020_oversight_publications.ts";
import * as m0021 from "./migrations/0021_import_problems.ts";
import * as m0022 from "./migrations/0022_import_presets.ts";
import * as m0023 from "./migrations/0023_search_fold.ts";
import * as m0024 from "./migrations/0024_reference_sources.ts";
import * as m0025 from "./migrations/0025_incident_imports.ts";
import * as m0026 from "./migrations/0026_custom_fields.ts";
import * as m0027 from "./migrations/0027_search_index.ts";
import * as m0028 from "./migrations/0028_search_vocab.ts";
import * as m0029 from "./migrations/0029_search_index_pg.ts";
import * as m0030 from "./migrations/0030_reference_scopes.ts";
import * as m0031 from "./migrations/0031_risk_rating_index.ts";
import * as m0019 from "./migrations/0019_dealings.ts";
import * as m0018 from "./migrations/0018_oversight_cases.ts";
import * as m0017 from "./migrations/0017_exchange_connections.ts";
import * as m0016 from "./migrations/0016_org_kind.ts";

type DialectMigration = { up(db: Parameters<Migration["up"]>[0], dialect: DialectName): Promise<void> };

/** Migrations in order; names are permanent once released. */
const MIGRATIONS: Record<string, DialectMigration> = {
  "0001_foundation": m0001,
  "0002_audit_append": m0002,
  "0003_compliance": m0003,
  "0004_inventory_counters": m0004,
  "0005_audit_append_linear": m0005,
  "0006_risks": m0006,
  "0007_workflow": m0007,
  "0008_incidents": m0008,
  "0009_vendors": m0009,
  "0010_security": m0010,
  "0011_eu_class_from": m0011,
  "0012_disclosures": m0012,
  "0013_report_jobs": m0013,
  "0014_org_frameworks": m0014,
  "0015_exchange_keys": m0015,
  "0016_org_kind": m0016,
  "0017_exchange_connections": m0017,
  "0018_oversight_cases": m0018,
  "0019_dealings": m0019,
  "0020_oversight_publications": m0020,
  "0021_import_problems": m0021,
  "0022_import_presets": m0022,
  "0023_search_fold": m0023,
  "0024_reference_sources": m0024,
  "0025_incident_imports": m0025,
  "0026_custom_fields": m0026,
  "0027_search_index": m0027,
  "0028_search_vocab": m0028,
  "0029_search_index_pg": m0029,
  "0030_reference_scopes": m0030,
  "0031_risk_rating_index": m0031,
};

/** Brings the schema to the latest version; each migration runs in its own transaction. */
export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db: db.kysely,
    provider: {
      async getMigrations() {
        const out: Record<string, Migration> = {};
        for (const [name, m] of Object.entries(MIGRATIONS)) out[name] = { up: (k) => m.up(k, db.dialect) };
        return out;
      },
    },
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`migration ${failed} failed: ${String(result.error)}`);
  }
  return result;
}

/**
 * The migrations this version has that the database has not run (Kysely records each it runs in
 * `kysely_migration`): empty when the schema is this version's. A server whose database is behind —
 * a failed upgrade, another server still migrating — is alive but not ready (`/api/health/ready`).
 */
export async function pendingMigrations(db: Db): Promise<string[]> {
  // Throws when the database does not answer at all.
  await sql`select 1`.execute(db.kysely);
  const done = await sql<{ name: string }>`select name from kysely_migration`.execute(db.kysely).then(
    (r) => new Set(r.rows.map((x) => x.name)),
    // No table yet: nothing has been migrated.
    () => new Set<string>(),
  );
  return Object.keys(MIGRATIONS).filter((name) => !done.has(name));
}
