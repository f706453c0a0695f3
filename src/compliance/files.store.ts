import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Kysely, Transaction } from "kysely";
import { filesDir } from "../backup/backup.ts";
import type { Database } from "../db/schema.ts";
import { nowIso } from "../platform/time.ts";

/** Where a file with this SHA-256 lives: `<data>/files/sha256/ab/cd/<hash>`, so folders stay small. */
export function filePath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return path.join(filesDir(dataDir), "sha256", sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Stores bytes content-addressed. The same content is stored once; a new file is written to a
 * temporary name, flushed and renamed, so a crash never leaves a partial file under its hash.
 */
export function storeFile(dataDir: string, bytes: Uint8Array): { sha256: string; size: number } {
  const sha256 = sha256Of(bytes);
  const target = filePath(dataDir, sha256);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
    const fd = fs.openSync(tmp, "w", 0o600);
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  }
  return { sha256, size: bytes.byteLength };
}

/**
 * Records that the organisation uploaded this file. Bytes are shared underneath (stored once by
 * hash), but only an organisation that uploaded a file may reference it: knowing a hash proves
 * nothing, so it must never be enough to read another organisation's document.
 */
export async function recordOrgFile(trx: Transaction<Database>, orgId: string, stored: { sha256: string; size: number }): Promise<void> {
  await trx
    .insertInto("org_files")
    .values({ org_id: orgId, sha256: stored.sha256, size: stored.size, created_at: nowIso() })
    .onConflict((oc) => oc.columns(["org_id", "sha256"]).doNothing())
    .execute();
}

/**
 * The organisation's own upload with this hash, or undefined — the same answer whether another
 * organisation holds the file or nobody does, so the answer reveals nothing about other tenants.
 */
export function findOrgFile(db: Kysely<Database> | Transaction<Database>, orgId: string, sha256: string) {
  return db.selectFrom("org_files").select(["sha256", "size"]).where("org_id", "=", orgId).where("sha256", "=", sha256).executeTakeFirst();
}

export function readStoredFile(dataDir: string, sha256: string): Buffer {
  return fs.readFileSync(filePath(dataDir, sha256));
}
