/**
 * Shared helpers for the library generators. Each generator reads one source under
 * `../shared/data/sources/` and writes `library/frameworks/<framework>/<version>.json`
 * mechanically, so the shipped text is provably the source's text (see test/library-sources.test.ts).
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { FrameworkFile } from "../../src/library/library.schema.ts";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The shared data folder: `MUSUBI_SHARED_DATA`, or `../shared/data` beside the repository. */
export function dataDir(): string {
  return process.env.MUSUBI_SHARED_DATA ?? resolve(REPO_ROOT, "../shared/data");
}

/** Reads a source file by its path relative to the data folder. */
export function readSource(relPath: string): string {
  return readFileSync(join(dataDir(), relPath), "utf8");
}

export function readSourceJson<T>(relPath: string): T {
  return JSON.parse(readSource(relPath)) as T;
}

export function sha256OfSource(relPath: string): string {
  return createHash("sha256").update(readFileSync(join(dataDir(), relPath))).digest("hex");
}

/** `{ path, sha256 }` for a framework file's `source.files`. */
export function sourceFile(relPath: string, note?: string): { path: string; sha256: string; note?: string } {
  return { path: relPath, sha256: sha256OfSource(relPath), ...(note ? { note } : {}) };
}

export function urnOf(framework: string, version: string, id: string): string {
  return `urn:musubi:${framework}:${version}:${id}`;
}

/** Validates against the published schema and writes pretty JSON; throws naming the first problem. */
export function writeFramework(file: FrameworkFile): string {
  const parsed = FrameworkFile.safeParse(file);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file.framework}/${file.version}: ${issue.path.join(".")}: ${issue.message}`);
  }
  const out = join(REPO_ROOT, "library", "frameworks", file.framework, `${file.version}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ $schema: "../../schema/framework.schema.json", ...file }, null, 2)}\n`);
  return out;
}
