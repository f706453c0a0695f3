import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import type { Library, LibraryProblem, LoadedFramework } from "./library.model.ts";
import { CrosswalkFile, FrameworkFile, ProfileFile, RulesFile } from "./library.schema.ts";
import { readAcknowledgements, todayInJapan, versionInForce } from "./library.currency.ts";
import { crossCheck } from "./library.validate.ts";

/** The `library/` folder shipped beside `src/`; `MUSUBI_LIBRARY_DIR` points elsewhere (tests, forks). */
export function defaultLibraryDir(): string {
  return process.env.MUSUBI_LIBRARY_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), "../../library");
}

export interface LoadResult {
  library: Library | null;
  problems: LibraryProblem[];
  files: number;
}

// C0 controls other than tab/newline/carriage return, DEL, and the replacement character that a
// lossy decode leaves behind. The aisev GSN files carry vertical tabs; nothing like that may ship.
const BAD_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;

function readJson(dir: string, path: string, problems: LibraryProblem[], digest?: ReturnType<typeof createHash>): unknown {
  const file = relative(dir, path);
  const bytes = readFileSync(path);
  digest?.update(file).update("\0").update(bytes).update("\0");
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    problems.push({ file, code: "encoding", message: "file starts with a byte-order mark; save as UTF-8 without BOM" });
    return undefined;
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    problems.push({ file, code: "encoding", message: "file is not valid UTF-8" });
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    problems.push({ file, code: "json", message: (err as Error).message });
    return undefined;
  }
  const bad = findBadString(value, "");
  if (bad) problems.push({ file, code: "encoding", at: bad, message: "text contains a control character or U+FFFD" });
  return value;
}

function findBadString(value: unknown, at: string): string | null {
  if (typeof value === "string") return BAD_CHARS.test(value) ? at || "/" : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findBadString(value[i], `${at}/${i}`);
      if (hit) return hit;
    }
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const hit = findBadString(v, `${at}/${k}`);
      if (hit) return hit;
    }
  }
  return null;
}

function parseWith<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  file: string,
  problems: LibraryProblem[],
): z.infer<S> | undefined {
  if (raw === undefined) return undefined;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues.slice(0, 20)) {
    problems.push({ file, code: "schema", at: `/${issue.path.join("/")}`, message: issue.message });
  }
  return undefined;
}

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsonFiles(path));
    else if (entry.name.endsWith(".json")) out.push(path);
  }
  return out.sort();
}

export function indexFramework(file: FrameworkFile, path: string): LoadedFramework {
  const nodesById = new Map(file.nodes.map((n) => [n.id, n]));
  const children = new Map<string, string[]>();
  for (const node of file.nodes) {
    if (!node.parent) continue;
    const list = children.get(node.parent) ?? [];
    list.push(node.id);
    children.set(node.parent, list);
  }
  return { file, path, nodesById, children };
}

/**
 * The current version: the one in force today by the date its text took effect (see
 * `versionInForce`), not the latest published — an amendment published but not yet effective
 * must not replace the text in force.
 */
export function pickCurrent(versions: Map<string, LoadedFramework>): LoadedFramework {
  return versionInForce(versions.values(), todayInJapan());
}

/**
 * Reads, parses and validates every library file. Never throws for bad data: problems are collected
 * so `musubi library validate` can list them all; the library is returned only when there are none.
 */
export function loadLibrary(dir = defaultLibraryDir()): LoadResult {
  const problems: LibraryProblem[] = [];
  const frameworkPaths = jsonFiles(join(dir, "frameworks"));
  const crosswalkPaths = jsonFiles(join(dir, "crosswalks"));
  const rulePaths = jsonFiles(join(dir, "rules"));
  const profilePath = join(dir, "profile", "questions.json");
  const files = frameworkPaths.length + crosswalkPaths.length + rulePaths.length + 1;

  const digest = createHash("sha256");
  const frameworks = new Map<string, Map<string, LoadedFramework>>();
  for (const path of frameworkPaths) {
    const rel = relative(dir, path);
    const file = parseWith(FrameworkFile, readJson(dir, path, problems, digest), rel, problems);
    if (!file) continue;
    const expected = join("frameworks", file.framework, `${file.version}.json`);
    if (rel !== expected) {
      problems.push({ file: rel, code: "mismatch", message: `framework ${file.framework} ${file.version} must be stored at ${expected}` });
    }
    const versions = frameworks.get(file.framework) ?? new Map<string, LoadedFramework>();
    versions.set(file.version, indexFramework(file, rel));
    frameworks.set(file.framework, versions);
  }
  const crosswalks = crosswalkPaths
    .map((p) => parseWith(CrosswalkFile, readJson(dir, p, problems, digest), relative(dir, p), problems))
    .filter((c): c is CrosswalkFile => c !== undefined);
  const rules = rulePaths
    .map((p) => parseWith(RulesFile, readJson(dir, p, problems, digest), relative(dir, p), problems))
    .filter((r): r is RulesFile => r !== undefined);
  let profile: ProfileFile | undefined;
  if (!existsSync(profilePath)) problems.push({ file: "profile/questions.json", code: "dangling", message: "the profile questions file is missing" });
  else profile = parseWith(ProfileFile, readJson(dir, profilePath, problems, digest), "profile/questions.json", problems);

  const acknowledgements = readAcknowledgements(dir, problems);

  if (problems.length || !profile) return { library: null, problems, files };

  const current = new Map([...frameworks].map(([id, versions]) => [id, pickCurrent(versions)]));
  const library = { dir, digest: digest.digest("hex").slice(0, 12), frameworks, current, nodes: new Map(), crosswalks, profile, rules, acknowledgements } as unknown as Library;
  problems.push(...crossCheck(library));
  return { library: problems.length ? null : library, problems, files };
}

/** Loads the library or throws one error listing the first problems: used at server start. */
export function requireLibrary(dir = defaultLibraryDir()): Library {
  const { library, problems } = loadLibrary(dir);
  if (library) return library;
  const lines = problems.slice(0, 10).map((p) => `  ${p.file}${p.at ? ` ${p.at}` : ""}: ${p.message}`);
  throw new Error(`the framework library in ${dir} is not valid (${problems.length} problems):\n${lines.join("\n")}`);
}
