import type { Kysely } from "kysely";
import { z } from "zod";
import { audited, type ChangeContext } from "../audit/audited.ts";
import type { Db } from "../db/connect.ts";
import type { Database } from "../db/schema.ts";
import { evaluateFacts } from "../applicability/evaluate.ts";
import { checkProfile } from "../applicability/profile.ts";
import type { Library } from "../library/library.model.ts";
import type { FrameworkFile } from "../library/library.schema.ts";
import { checkFiles } from "../library/org/org-frameworks.check.ts";
import { addOrgFramework } from "../library/org/org-frameworks.service.ts";
import { extendLibrary, filesOfRow, orgLibraryNow, type OrgFiles } from "../library/org/org-library.ts";
import type { AdvisoryPayload } from "../oversight/advisories.schema.ts";
import { AppError, notFound } from "../platform/errors.ts";
import type { Locale } from "../platform/i18n.ts";
import { nowIso, todayIn } from "../platform/time.ts";
import { completeTaskFor, insertTask } from "../workflow/tasks.service.ts";

const words = z.object({ ja: z.string(), en: z.string() });
const node = z.object({ id: z.string(), ref: words, title: words.nullable(), requirement: z.boolean() });

export const libraryUpdatePreview = z.object({
  framework: z.string(),
  version: z.string(),
  name: words,
  /** Versions of this framework the organisation already has. */
  installedVersions: z.array(z.string()),
  /** The nodes of this version against the latest installed one (`against`; null: all new). */
  diff: z.object({ against: z.string().nullable(), added: z.array(node), removed: z.array(node), changed: z.array(node) }),
  /** Systems whose applicable requirements of this framework change, with how many apply before and after. */
  systems: z.array(z.object({ id: z.string(), code: z.string(), name: words, ownerId: z.string().nullable(), before: z.number().int(), after: z.number().int() })),
  /** Why it cannot be installed as it stands (e.g. this version is already installed), in the caller's language; empty when it can. */
  problems: z.array(z.string()),
});
export type LibraryUpdatePreview = z.infer<typeof libraryUpdatePreview>;

const both = (t: { ja?: string | undefined; en?: string | undefined } | undefined, fallback: string) => ({ ja: t?.ja ?? t?.en ?? fallback, en: t?.en ?? t?.ja ?? fallback });
const nodeOf = (n: FrameworkFile["nodes"][number]) => ({ id: n.id, ref: both(n.ref.label, n.id), title: n.title ? both(n.title, n.id) : null, requirement: n.requirement });

async function updateOf(k: Kysely<Database>, orgId: string, id: string, locale: Locale): Promise<{ files: OrgFiles; dealing: { version: number; taskId: string | null; reference: string; status: string } } | null> {
  const d = await k.selectFrom("dealings").select(["kind", "body", "version", "task_id", "reference", "status"]).where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
  if (!d) throw notFound();
  const p = d.kind === "advisory" ? (JSON.parse(d.body) as AdvisoryPayload) : undefined;
  if (!p?.libraryUpdate) return null;
  const files = checkFiles({ framework: p.libraryUpdate.framework, rules: p.libraryUpdate.rules ?? null, crosswalk: p.libraryUpdate.crosswalk ?? null }, locale);
  return { files, dealing: { version: d.version, taskId: d.task_id, reference: d.reference, status: d.status } };
}

/** How many requirements of `framework` apply to a profile under a library (now or later), 0 when the profile cannot be evaluated. */
function applying(library: Library, profile: Record<string, unknown>, framework: string, asOf: string): number {
  const checked = checkProfile(library, profile, "en");
  if (checked.issues.length) return 0;
  return evaluateFacts(library, checked.facts, asOf).requirements.filter((r) => r.timing !== "ended" && r.urn.split(":")[2] === framework).length;
}

/**
 * What installing an authority's library update would do: its diff against the version the
 * organisation has, and every system whose applicable requirements of that framework change —
 * evaluated under the organisation's library now and with the update, on today's date.
 */
export async function previewLibraryUpdate(db: Db, base: Library, orgId: string, timeZone: string, id: string, locale: Locale): Promise<LibraryUpdatePreview | null> {
  const k = db.kysely;
  const update = await updateOf(k, orgId, id, locale);
  if (!update) return null;
  const { files } = update;
  const fw = files.framework;
  const rows = await k.selectFrom("org_frameworks").select(["framework", "version", "document", "rules", "crosswalk", "created_at"]).where("org_id", "=", orgId).orderBy("created_at").execute();
  const same = rows.filter((r) => r.framework === fw.framework);
  const latest = same.at(-1);
  const old = latest ? (JSON.parse(latest.document) as FrameworkFile) : undefined;
  const oldNodes = new Map((old?.nodes ?? []).map((n) => [n.id, n]));
  const newNodes = new Map(fw.nodes.map((n) => [n.id, n]));
  const diff = {
    against: old?.version ?? null,
    added: fw.nodes.filter((n) => !oldNodes.has(n.id)).map(nodeOf),
    removed: (old?.nodes ?? []).filter((n) => !newNodes.has(n.id)).map(nodeOf),
    changed: fw.nodes.filter((n) => oldNodes.has(n.id) && JSON.stringify({ ...oldNodes.get(n.id), urn: undefined }) !== JSON.stringify({ ...n, urn: undefined })).map(nodeOf),
  };
  const problems: string[] = [];
  if (same.some((r) => r.version === fw.version)) problems.push(locale === "ja" ? `この版（${fw.version}）は導入済みです。` : `This version (${fw.version}) is already installed.`);
  const extended = extendLibrary(base, [...rows.filter((r) => !(r.framework === fw.framework && r.version === fw.version)).map(filesOfRow), files]);
  problems.push(...extended.problems.slice(0, 20).map((p) => p.message));
  const systems: LibraryUpdatePreview["systems"] = [];
  if (extended.library) {
    const now = await orgLibraryNow(base, k, orgId);
    const asOf = todayIn(timeZone);
    const list = await k.selectFrom("ai_systems").select(["id", "code", "name_ja", "name_en", "profile", "business_owner_id", "technical_owner_id"]).where("org_id", "=", orgId).orderBy("code").execute();
    for (const s of list) {
      const profile = JSON.parse(s.profile) as Record<string, unknown>;
      if (Object.keys(profile).length === 0) continue;
      const before = applying(now, profile, fw.framework, asOf);
      const after = applying(extended.library, profile, fw.framework, asOf);
      if (before !== after) systems.push({ id: s.id, code: s.code, name: { ja: s.name_ja, en: s.name_en }, ownerId: s.business_owner_id ?? s.technical_owner_id, before, after });
    }
  }
  return { framework: fw.framework, version: fw.version, name: both(fw.name, fw.framework), installedVersions: same.map((r) => r.version), diff, systems, problems };
}

/**
 * Installs the update as one of the organisation's frameworks (checked as any of its own), gives
 * each affected system's owner a review task, closes the review task of the entry, and records it.
 */
export async function acceptLibraryUpdate(db: Db, base: Library, who: ChangeContext, userId: string | null, timeZone: string, id: string, version: number, locale: Locale): Promise<LibraryUpdatePreview> {
  const k = db.kysely;
  const update = await updateOf(k, who.orgId, id, locale);
  if (!update) throw new AppError(409, "no_library_update");
  const { files, dealing } = update;
  if (dealing.version !== version) throw new AppError(409, "conflict", { version: dealing.version });
  if (dealing.status === "accepted") throw new AppError(409, "conflict", { reason: "already_accepted" });
  const preview = (await previewLibraryUpdate(db, base, who.orgId, timeZone, id, locale))!;
  const bundle = { format: "musubi-framework-bundle/1", framework: files.framework, ...(files.rules && { rules: files.rules }), ...(files.crosswalk && { crosswalk: files.crosswalk }) };
  await addOrgFramework(db, base, who, userId, new TextEncoder().encode(JSON.stringify(bundle)), `${files.framework.framework}-${files.framework.version}.json`, locale);
  await audited(db, who, async (trx, record) => {
    const leads = await trx.selectFrom("users").select("id").where("org_id", "=", who.orgId).where("status", "=", "active").where("role", "=", "governance_lead").orderBy("created_at").limit(1).execute();
    const people = await trx.selectFrom("users").select(["id", "locale"]).where("org_id", "=", who.orgId).where("id", "in", [...preview.systems.map((x) => x.ownerId ?? ""), leads[0]?.id ?? ""]).execute();
    const fw = files.framework;
    for (const s of preview.systems) {
      const assignee = s.ownerId ?? leads[0]?.id ?? null;
      const en = people.find((p) => p.id === assignee)?.locale === "en";
      await insertTask(trx, record, who.orgId, {
        kind: "review",
        title: en ? `Review applicable requirements after a library update: ${fw.name.en ?? fw.framework} ${fw.version} — ${s.code}` : `ライブラリ更新による適用要件の見直し: ${fw.name.ja ?? fw.framework} ${fw.version} — ${s.code}`,
        description: en ? `${dealing.reference}: ${s.before} → ${s.after} requirements apply` : `${dealing.reference}: 適用される要求事項 ${s.before} → ${s.after}件`,
        subjectType: "system",
        subjectId: s.id,
        assigneeId: assignee,
        dueOn: null,
        createdBy: userId,
      });
    }
    const now = nowIso();
    await trx.updateTable("dealings").set({ status: "accepted", answered_at: now, updated_at: now, version: version + 1 }).where("org_id", "=", who.orgId).where("id", "=", id).execute();
    if (dealing.taskId) await completeTaskFor(trx, record, who.orgId, dealing.taskId, userId, "dealing.accepted");
    record({ action: "dealing.accepted", entityType: "dealing", entityId: id, after: { reference: dealing.reference, framework: files.framework.framework, version: files.framework.version, systems: preview.systems.map((s) => s.code) } });
  });
  return preview;
}
