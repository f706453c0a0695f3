import type { Transaction } from "kysely";
import { audited, type ChangeContext } from "../audit/audited.ts";
import { applyCounters, CounterDeltas } from "../compliance/counters.ts";
import type { Db } from "../db/connect.ts";
import type { AiSystem, Database, ImportJob } from "../db/schema.ts";
import { AppError } from "../platform/errors.ts";
import type { AuditAction } from "../audit/audit.actions.ts";
import type { NewDepartment, NewOwner } from "./io/import.missing.ts";
import { nowIso } from "../platform/time.ts";
import { timeSlicer } from "../platform/time-slice.ts";
import type { CreateSystemInput } from "./systems.schema.ts";
import { countSystem, ledgerSnapshot, newSystemRow } from "./systems.service.ts";
import { linkVendorsByName } from "../vendors/vendor-links.ts";
import { customSearchText, indexRows, insertIndexRows, readCustom, reindexCustom, type FieldDef } from "../fields/fields.values.ts";

/** A validated row with its classification, ready to be written. */
export interface ClassifiedRow {
  input: CreateSystemInput;
  euClass: string | null;
  euClassFrom: string | null;
  frameworks: string[];
  /** The system this row updates (an upsert), as read when the import was checked. */
  existing?: AiSystem;
}

/** Departments and owners the import creates before its systems (rows already point at their ids). */
export interface ImportCreates {
  departments: NewDepartment[];
  owners: Omit<NewOwner, "lines">[];
}

/** Everything the write needs besides the rows; plain data, so that it can be sent to a worker. */
export interface ImportWrite {
  create?: ImportCreates;
  /** The password hash of the owners created (of a secret nobody keeps). */
  unusablePassword?: string;
  who: ChangeContext;
  job: ImportJob;
  /** The validation report stored on the job; `invalid` rows were left out. */
  report: { invalid: number } & Record<string, unknown>;
  asOf: string;
  libraryDigest: string;
  /** The organisation's own fields on systems, when the mapping fills any. */
  customFields?: FieldDef[];
}

/** Rows per INSERT statement and per ledger flush. */
const WRITE_STEP = 100;

/**
 * Writes an import in one transaction: every system, one ledger entry per system, the
 * organisation's counters and the job's status commit together or not at all. Rows are built a
 * slice at a time and their ledger entries go in with them, so neither the rows nor their
 * snapshots pile up in memory; between slices the thread's event loop gets its turn (on the
 * server's main thread other requests queue for the connection instead of timing out behind one
 * long write; in the import worker, progress reaches the server).
 */
export async function writeClassified(db: Db, w: ImportWrite, rows: readonly ClassifiedRow[], onProgress: (done: number) => void, syncAssessments?: (trx: Transaction<Database>, systemId: string, d: CounterDeltas) => Promise<void>): Promise<void> {
  const { who, job, report } = w;
  const total = rows.length;
  const slicer = timeSlicer();
  const customByKey = w.customFields?.length ? new Map(w.customFields.map((d) => [d.key, d])) : undefined;
  await audited(db, who, async (trx, record, flush) => {
    if (w.create) await createMissing(trx, w, record);
    const created = rows.filter((c) => !c.existing);
    const codes = await assignCodes(trx, who.orgId, created.map((c) => c.input.code));
    const now = nowIso();
    const d = new CounterDeltas();
    let done = 0;
    for (let i = 0; i < created.length; i += WRITE_STEP) {
      const chunk = created.slice(i, i + WRITE_STEP).map((c, j) => withCustomWords(newSystemRow(who.orgId, codes[i + j]!, c.input, c, w.asOf, w.libraryDigest, now), customByKey));
      await trx.insertInto("ai_systems").values(chunk).execute();
      if (customByKey) await insertIndexRows(trx, chunk.flatMap((r) => indexRows(who.orgId, r.id, readCustom(r.custom), customByKey)));
      // A vendor named as the register names it is linked to the record, as the system form would.
      await linkVendorsByName(trx, who.orgId, chunk.map((r) => ({ id: r.id, vendors: JSON.parse(r.vendors) as string[] })));
      for (const row of chunk) {
        countSystem(d, row, 1);
        record({ action: "system.imported", entityType: "system", entityId: row.id, after: { ...ledgerSnapshot(row), importId: job.id } });
      }
      await flush();
      onProgress((done += chunk.length));
      await slicer.pause();
    }
    const updated = rows.filter((c) => c.existing);
    for (let i = 0; i < updated.length; i += WRITE_STEP) {
      const chunk = updated.slice(i, i + WRITE_STEP);
      const next: AiSystem[] = [];
      for (const c of chunk) {
        const row = await updateRow(trx, who.orgId, c, w, now, customByKey);
        await syncAssessments?.(trx, row.id, d);
        next.push(row);
      }
      await linkVendorsByName(trx, who.orgId, next.map((r) => ({ id: r.id, vendors: JSON.parse(r.vendors) as string[] })));
      if (w.customFields?.length) await reindexCustom(trx, who.orgId, "system", next.map((r) => ({ id: r.id, custom: readCustom(r.custom) })), w.customFields);
      next.forEach((row, j) => {
        const before = chunk[j]!.existing!;
        countSystem(d, before, -1);
        countSystem(d, row, 1);
        record({ action: "system.updated", entityType: "system", entityId: row.id, before: ledgerSnapshot(before), after: { ...ledgerSnapshot(row), importId: job.id } });
      });
      await flush();
      onProgress((done += chunk.length));
      await slicer.pause();
    }
    await applyCounters(trx, who.orgId, d);
    await trx.updateTable("import_jobs").set({ status: "committed", imported: total, report: JSON.stringify(report), updated_at: nowIso(), version: job.version + 1 }).where("org_id", "=", who.orgId).where("id", "=", job.id).execute();
    record({ action: "import.committed", entityType: "import", entityId: job.id, after: { fileName: job.file_name, sha256: job.file_sha256, imported: created.length, updated: updated.length, skipped: report.invalid } });
  });
}

/**
 * The departments and owners rows name that the organisation did not have, each in the ledger
 * with the import that created it. A department code taken since the check fails the import
 * (`code_taken`) rather than merging two departments silently.
 */
async function createMissing(trx: Transaction<Database>, w: ImportWrite, record: (e: { action: AuditAction; entityType: string; entityId: string; after: unknown }) => void): Promise<void> {
  const { who, job, create } = w;
  const now = nowIso();
  for (const d of create!.departments) {
    const clash = await trx.selectFrom("departments").select("id").where("org_id", "=", who.orgId).where("code", "=", d.code).executeTakeFirst();
    if (clash) throw new AppError(409, "code_taken", { department: d.code });
    await trx.insertInto("departments").values({ id: d.id, org_id: who.orgId, code: d.code, name_ja: d.nameJa, name_en: d.nameEn, created_at: now, updated_at: now, version: 1 }).execute();
    record({ action: "department.created", entityType: "department", entityId: d.id, after: { code: d.code, nameJa: d.nameJa, nameEn: d.nameEn, importId: job.id } });
  }
  for (const o of create!.owners) {
    await trx
      .insertInto("users")
      .values({ id: o.id, org_id: who.orgId, email: o.email, display_name: o.displayName, role: "viewer", password_hash: w.unusablePassword!, status: "active", locale: "ja", department_id: null, created_at: now, updated_at: now, version: 1 })
      .execute();
    record({ action: "user.created", entityType: "user", entityId: o.id, after: { email: o.email, displayName: o.displayName, role: "viewer", importId: job.id } });
  }
}

/**
 * One system updated by an upsert: the new values over the row as it was when the import was
 * checked. Someone who changed the system since (another version) wins: the import fails with
 * `conflict` and writes nothing, rather than overwriting a change nobody saw.
 */
async function updateRow(trx: Transaction<Database>, orgId: string, c: ClassifiedRow, w: ImportWrite, now: string, customByKey: ReadonlyMap<string, FieldDef> | undefined): Promise<AiSystem> {
  const before = c.existing!;
  const fresh = withCustomWords(newSystemRow(orgId, before.code, c.input, c, w.asOf, w.libraryDigest, now), customByKey);
  const next: AiSystem = { ...fresh, id: before.id, created_at: before.created_at, version: before.version + 1 };
  const { id: _id, org_id: _org, created_at: _created, ...changes } = next;
  const res = await trx.updateTable("ai_systems").set(changes).where("org_id", "=", orgId).where("id", "=", before.id).where("version", "=", before.version).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError(409, "conflict", { code: before.code });
  return next;
}

/** A row's search text with its custom values' words, as a save through the API writes it. */
function withCustomWords(row: AiSystem, defs: ReadonlyMap<string, FieldDef> | undefined): AiSystem {
  return defs ? { ...row, search_text: row.search_text + customSearchText(readCustom(row.custom), defs) } : row;
}

/**
 * Codes for imported rows: their own where given, otherwise the next `AIS-000001` numbers of the
 * organisation's sequence that no existing or imported system uses. Two statements in all.
 */
async function assignCodes(trx: Transaction<Database>, orgId: string, given: (string | undefined)[]): Promise<string[]> {
  const missing = given.filter((c) => c === undefined).length;
  if (missing === 0) return given as string[];
  const seq = await trx.selectFrom("counters").select("n").where("org_id", "=", orgId).where("name", "=", "sequence").where("key", "=", "system_code").executeTakeFirst();
  const taken = new Set((await trx.selectFrom("ai_systems").select("code").where("org_id", "=", orgId).where("code", "like", "AIS-%").execute()).map((r) => r.code));
  for (const c of given) if (c) taken.add(c);
  let n = Number(seq?.n ?? 0);
  const out = given.map((c) => {
    if (c) return c;
    let code: string;
    do code = `AIS-${String(++n).padStart(6, "0")}`;
    while (taken.has(code));
    return code;
  });
  await trx
    .insertInto("counters")
    .values({ org_id: orgId, name: "sequence", key: "system_code", n })
    .onConflict((oc) => oc.columns(["org_id", "name", "key"]).doUpdateSet({ n }))
    .execute();
  return out;
}
