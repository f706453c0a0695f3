import { SYSTEM_ACTOR, audited } from "../audit/audited.ts";
import { syncSystemAssessments } from "../compliance/assessments.sync.ts";
import { applyCounters, CounterDeltas } from "../compliance/counters.ts";
import type { Db } from "../db/connect.ts";
import type { AiSystem } from "../db/schema.ts";
import type { Library } from "../library/library.model.ts";
import { AppError } from "../platform/errors.ts";
import type { Logger } from "../platform/logger.ts";
import { orgToday } from "../orgs/orgs.store.ts";
import { timeSlicer } from "../platform/time-slice.ts";
import { classifyProfile, type Classification } from "./systems.classify.ts";
import { orgLibrary } from "../library/org/org-library.ts";
import { countSystem } from "./systems.service.ts";

/** Systems classified per transaction. */
const BATCH = 200;

export interface ReclassifyRun {
  /** Systems classified again. */
  systems: number;
  /** Of them, those whose class, its date or the frameworks in scope changed (one ledger entry each). */
  changed: number;
}

/**
 * Classifies again, under the library now loaded, every system that was classified with another
 * one (or whose classification a migration cleared): a library update — a new rule, an amended
 * article, a corrected date — reaches the inventory, the dashboard and the assessments without
 * anyone saving each system. Each change of class, class date or frameworks in scope is in the
 * ledger as `system.reclassified` by Musubi itself, with the before and after. A profile the
 * library no longer accepts leaves the system unclassified (its page names the answers to fix).
 * The row's `version` is kept: nobody edited the system, and an edit under way must not conflict.
 * Each organisation's systems are classified as of its own day (`opts.asOf` pins one for all), and
 * with its own library: the shipped one plus the frameworks and rules it wrote itself (`orgLibrary`).
 * `opts.orgId` limits the run to one organisation (after it changed its own frameworks).
 */
export async function reclassifyStale(db: Db, base: Library, opts: { asOf?: string; logger?: Logger; orgId?: string } = {}): Promise<ReclassifyRun> {
  const run: ReclassifyRun = { systems: 0, changed: 0 };
  const slicer = timeSlicer();
  const now = new Date();
  // Keyed by library, date and profile: organisations may have frameworks of their own, and be on different days.
  const byProfile = new Map<string, Classification | null>();
  const classify = (library: Library, profile: string, asOf: string) => {
    const key = `${library.digest}\n${asOf}\n${profile}`;
    if (!byProfile.has(key)) {
      try {
        byProfile.set(key, classifyProfile(library, JSON.parse(profile), asOf, "en"));
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        byProfile.set(key, null);
      }
    }
    return byProfile.get(key)!;
  };
  // Organisations with a system classified under another library than the shipped one: those with
  // stale systems, and those with frameworks of their own (whose systems carry their library's digest).
  let orgs = db.kysely
    .selectFrom("organizations")
    .select(["id", "frameworks_stamp"])
    .where((eb) =>
      eb.or([
        eb("frameworks_stamp", "is not", null),
        eb.exists(eb.selectFrom("ai_systems as s").select("s.id").whereRef("s.org_id", "=", "organizations.id").where((w) => w.or([w("s.library_digest", "is", null), w("s.library_digest", "!=", base.digest)]))),
      ]),
    )
    .orderBy("id");
  if (opts.orgId) orgs = orgs.where("id", "=", opts.orgId);
  for (const org of await orgs.execute()) {
    // Each organisation's systems are classified with its own library: the shipped one plus its frameworks.
    const library = await orgLibrary(base, db.kysely, org.id, org.frameworks_stamp);
    const orgId = org.id;
    let asOf: string | undefined;
    for (;;) {
      const rows = await db.kysely
        .selectFrom("ai_systems")
        .selectAll()
        .where("org_id", "=", orgId)
        .where((eb) => eb.or([eb("library_digest", "is", null), eb("library_digest", "!=", library.digest)]))
        .orderBy("id")
        .limit(BATCH)
        .execute();
      if (rows.length === 0) break;
      asOf ??= opts.asOf ?? (await orgToday(db.kysely, orgId, now));
      const day = asOf;
      await audited(db, { actor: SYSTEM_ACTOR, orgId }, async (trx, record) => {
        const d = new CounterDeltas();
        for (const row of rows) {
          const c = row.profile === "{}" ? null : classify(library, row.profile, day);
          const next: AiSystem = {
            ...row,
            eu_class: c?.euClass ?? null,
            eu_class_from: c?.euClassFrom ?? null,
            frameworks: JSON.stringify(c?.frameworks ?? []),
            classified_on: c ? day : row.classified_on,
            library_digest: library.digest,
          };
          const updated = await trx
            .updateTable("ai_systems")
            .set({ eu_class: next.eu_class, eu_class_from: next.eu_class_from, frameworks: next.frameworks, classified_on: next.classified_on, library_digest: next.library_digest })
            .where("org_id", "=", orgId)
            .where("id", "=", row.id)
            .where("version", "=", row.version)
            .where((eb) => eb.or([eb("library_digest", "is", null), eb("library_digest", "!=", library.digest)]))
            .executeTakeFirst();
          // Another server, or an edit, got there first: it counted and classified the system itself.
          if (Number(updated.numUpdatedRows) !== 1) continue;
          countSystem(d, row, -1);
          countSystem(d, next, 1);
          if (c) await syncSystemAssessments(trx, orgId, row.id, library, c.evaluation, d);
          run.systems++;
          if (row.eu_class !== next.eu_class || row.eu_class_from !== next.eu_class_from || row.frameworks !== next.frameworks) {
            run.changed++;
            record({
              action: "system.reclassified",
              entityType: "system",
              entityId: row.id,
              before: { euClass: row.eu_class, euClassFrom: row.eu_class_from, frameworks: JSON.parse(row.frameworks) },
              after: { euClass: next.eu_class, euClassFrom: next.eu_class_from, frameworks: JSON.parse(next.frameworks), libraryDigest: library.digest, profileAccepted: c !== null || row.profile === "{}" },
            });
          }
        }
        await applyCounters(trx, orgId, d);
      });
      await slicer.pause();
    }
  }
  if (run.systems) opts.logger?.info({ ...run, libraryDigest: base.digest }, "systems classified again under the current library");
  return run;
}
