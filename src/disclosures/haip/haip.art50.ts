import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { Words } from "../../incidents/report.labels.ts";
import type { Library } from "../../library/library.model.ts";
import { AppError } from "../../platform/errors.ts";
import { classifyProfile } from "../../systems/systems.classify.ts";

/** Profile facts without which no paragraph of Art. 50 can apply: systems answering none of them are not evaluated. */
const TRIGGERS = ["interactsWithPeople", "generative", "deepFake", "emotionRecognition", "biometricCategorisation", "publicInterestText"] as const;
const ART50 = /:art-50\.(\d)$/;

export interface Art50System {
  id: string;
  code: string;
  name: Words;
  /** Paragraphs (1–4) of Art. 50 that apply now or from a later date. */
  paragraphs: string[];
}

/**
 * The organisation's systems to which the applicability rules apply a paragraph of EU AI Act
 * Art. 50, now or later — the same evaluation the system page shows. Identical profiles are
 * evaluated once: inventories repeat the same facts across many systems.
 */
export async function art50Systems(db: Kysely<Database>, library: Library, orgId: string, today: string): Promise<Art50System[]> {
  const rows = await db.selectFrom("ai_systems").select(["id", "code", "name_ja", "name_en", "profile"]).where("org_id", "=", orgId).where("lifecycle", "<>", "retired").orderBy("code").execute();
  const byProfile = new Map<string, string[]>();
  const out: Art50System[] = [];
  for (const r of rows) {
    let paragraphs = byProfile.get(r.profile);
    if (!paragraphs) {
      paragraphs = paragraphsOf(library, JSON.parse(r.profile) as Record<string, unknown>, today);
      byProfile.set(r.profile, paragraphs);
    }
    if (paragraphs.length) out.push({ id: r.id, code: r.code, name: { ja: r.name_ja, en: r.name_en }, paragraphs });
  }
  return out;
}

function paragraphsOf(library: Library, profile: Record<string, unknown>, today: string): string[] {
  if (!TRIGGERS.some((t) => profile[t] === true)) return [];
  try {
    const c = classifyProfile(library, profile, today, "en");
    const found = new Set<string>();
    for (const r of c.evaluation.requirements) {
      const m = ART50.exec(r.urn);
      if (m && r.timing !== "ended" && r.urn.includes(":eu-ai-act:") && Number(m[1]) <= 4) found.add(m[1]!);
    }
    return [...found].sort();
  } catch (err) {
    // A profile the current library no longer accepts decides nothing; the system page names the answers to fix.
    if (err instanceof AppError) return [];
    throw err;
  }
}
