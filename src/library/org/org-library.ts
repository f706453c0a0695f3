import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { indexFramework, pickCurrent } from "../library.load.ts";
import type { Library, LibraryProblem, LoadedFramework } from "../library.model.ts";
import { CrosswalkFile, FrameworkFile, RulesFile } from "../library.schema.ts";
import { crossCheck } from "../library.validate.ts";

/** An organisation's own library files: a framework version with the rules and crosswalk it brought. */
export interface OrgFiles {
  framework: FrameworkFile;
  rules: RulesFile | null;
  crosswalk: CrosswalkFile | null;
}

/** Where an organisation's file is named in problems: it has no path in the library folder. */
export const orgPath = (framework: string, version: string) => `organisation/${framework}/${version}.json`;

/**
 * The shipped library plus an organisation's own frameworks, rules and crosswalks, checked as the
 * shipped library is (URNs, parents, references, crosswalk ends, rule citations, every CEL
 * expression compiled). Shipped data is never replaced: an organisation's framework may not reuse a
 * shipped framework's id. The result is a new, immutable library; the shipped one is untouched.
 */
export function extendLibrary(base: Library, files: readonly OrgFiles[]): { library: Library | null; problems: LibraryProblem[] } {
  const problems: LibraryProblem[] = [];
  const frameworks = new Map(base.frameworks);
  const digest = createHash("sha256").update(base.digest);
  for (const f of files) {
    const path = orgPath(f.framework.framework, f.framework.version);
    if (base.frameworks.has(f.framework.framework)) {
      problems.push({ file: path, code: "duplicate", at: "framework", message: `the id ${f.framework.framework} is a framework Musubi ships; choose another` });
      continue;
    }
    const versions = new Map<string, LoadedFramework>(frameworks.get(f.framework.framework) ?? []);
    if (versions.has(f.framework.version)) problems.push({ file: path, code: "duplicate", at: "version", message: `version ${f.framework.version} appears twice` });
    versions.set(f.framework.version, indexFramework(f.framework, path));
    frameworks.set(f.framework.framework, versions);
    digest.update(JSON.stringify(f));
  }
  const shippedRuleIds = new Set(base.rules.map((r) => r.id));
  const rules = [...base.rules];
  for (const f of files) {
    if (!f.rules) continue;
    if (shippedRuleIds.has(f.rules.id)) problems.push({ file: orgPath(f.framework.framework, f.framework.version), code: "duplicate", at: "rules", message: `the rules id ${f.rules.id} is Musubi's; choose another` });
    else rules.push(f.rules);
  }
  const library = {
    ...base,
    base,
    digest: digest.digest("hex").slice(0, 12),
    frameworks,
    current: new Map([...frameworks].map(([id, versions]) => [id, base.frameworks.has(id) ? base.current.get(id)! : pickCurrent(versions)])),
    nodes: new Map(),
    crosswalks: [...base.crosswalks, ...files.flatMap((f) => (f.crosswalk ? [f.crosswalk] : []))],
    rules,
  } as Library;
  problems.push(...crossCheck(library));
  return { library: problems.length ? null : library, problems };
}

/** Parses a stored row back into files; the stored JSON was checked when it was added. */
export function filesOfRow(row: { document: string; rules: string | null; crosswalk: string | null }): OrgFiles {
  return {
    framework: FrameworkFile.parse(JSON.parse(row.document)),
    rules: row.rules ? RulesFile.parse(JSON.parse(row.rules)) : null,
    crosswalk: row.crosswalk ? CrosswalkFile.parse(JSON.parse(row.crosswalk)) : null,
  };
}

const CACHE_SIZE = 32;
const cache = new Map<string, Promise<Library>>();

/**
 * The library an organisation's requests are answered with: the shipped one when it has no
 * frameworks of its own (`stamp` null), otherwise the shipped one extended with them — built once
 * per organisation and stamp and kept (a few dozen organisations at most), so a request pays for
 * it only after the organisation's frameworks change.
 */
export function orgLibrary(base: Library, db: Kysely<Database>, orgId: string, stamp: string | null | undefined): Promise<Library> {
  if (!stamp) return Promise.resolve(base);
  const key = `${base.digest} ${orgId} ${stamp}`;
  let found = cache.get(key);
  if (found) {
    cache.delete(key);
    cache.set(key, found);
    return found;
  }
  found = (async () => {
    const rows = await db.selectFrom("org_frameworks").select(["document", "rules", "crosswalk"]).where("org_id", "=", orgId).orderBy("framework").orderBy("created_at").execute();
    const { library, problems } = extendLibrary(base, rows.map(filesOfRow));
    // Files were checked against this library when added; a shipped update can still break one.
    if (!library) throw new Error(`the organisation's own frameworks no longer fit the library: ${problems.slice(0, 3).map((p) => `${p.file} ${p.at ?? ""} ${p.message}`).join("; ")}`);
    return library;
  })();
  found.catch(() => cache.delete(key));
  cache.set(key, found);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return found;
}

/** The organisation's library as stored now (for jobs and the command line, which hold no credentials). */
export async function orgLibraryNow(base: Library, db: Kysely<Database>, orgId: string): Promise<Library> {
  const org = await db.selectFrom("organizations").select("frameworks_stamp").where("id", "=", orgId).executeTakeFirst();
  return orgLibrary(base, db, orgId, org?.frameworks_stamp ?? null);
}
