import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { filesDir } from "../backup/backup.ts";

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

export function hasFile(dataDir: string, sha256: string): boolean {
  return /^[0-9a-f]{64}$/.test(sha256) && fs.existsSync(filePath(dataDir, sha256));
}

export function readStoredFile(dataDir: string, sha256: string): Buffer {
  return fs.readFileSync(filePath(dataDir, sha256));
}
