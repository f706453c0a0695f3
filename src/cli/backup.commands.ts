import path from "node:path";
import type { Command } from "commander";
import { out, withDatabase } from "./context.ts";

export function registerBackupCommands(program: Command): void {
  program
    .command("backup <folder>")
    .description("write a consistent copy of the database and files to a new folder (safe while the server runs)")
    .action(async (folder: string) => {
      await withDatabase(async (db, config) => {
        const { createBackup } = await import("../backup/backup.ts");
        const manifest = await createBackup(db, config.dataDir, path.resolve(folder));
        const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
        out(`backup written to ${path.resolve(folder)}: ${rows} rows in ${Object.keys(manifest.tables).length} tables, ${manifest.files.count} files`);
      });
    });
  program
    .command("restore <folder>")
    .description("restore a backup into an empty data folder or database; verifies checksums and the ledger")
    .action(async (folder: string) => {
      await withDatabase(async (db, config) => {
        const { restoreBackup } = await import("../backup/backup.ts");
        const manifest = await restoreBackup(db, config.dataDir, path.resolve(folder));
        out(`restored backup of ${manifest.createdAt} (${manifest.sourceDialect}, Musubi ${manifest.musubiVersion}); ledger verified`);
      });
    });
}
