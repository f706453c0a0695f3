import { constants } from "node:fs";
import { access, mkdir, open, rename } from "node:fs/promises";
import path from "node:path";
import { filePath } from "../../compliance/files.store.ts";

/**
 * `storeFile` for uploads already hashed (by the worker that read them): the same content-addressed
 * layout and the same write-to-temporary, flush, rename, but asynchronous. Hashing, writing and
 * flushing a 40 MB register synchronously held the event loop for ~120 ms (longer on a slow disk).
 */
export async function storeUpload(dataDir: string, bytes: Uint8Array, sha256: string): Promise<{ sha256: string; size: number }> {
  const target = filePath(dataDir, sha256);
  const exists = await access(target, constants.F_OK).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
    const file = await open(tmp, "w", 0o600);
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(tmp, target);
  }
  return { sha256, size: bytes.byteLength };
}
