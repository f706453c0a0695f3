/**
 * Names of the parties to a public AI Incident Database case, for people to read.
 *
 * AIID's incident records name deployers, developers and harmed parties by entity id — slugs such as
 * `female-applicants` or `keolis-north-america`. The entities' display names live in a separate AIID
 * collection that is not in the snapshot Musubi ships (`library/reference/aiid-2025-03`), so the
 * name shown is the id transcribed: hyphens become spaces and words are capitalised, nothing else.
 * It is not a translation (proper names are never translated), and the UI says so.
 *
 * No imports: the web UI uses this module too.
 */

/** English function words kept lower-case inside a name ("University of Texas at Austin"). */
const SMALL_WORDS = new Set(["a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"]);

/** One word capitalised; a handle (`@name`) or a word starting with a digit is left as it is. */
function capitalise(word: string, first: boolean): string {
  if (!first && SMALL_WORDS.has(word)) return word;
  return word.replace(/^[a-z]/, (c) => c.toUpperCase());
}

/**
 * An AIID entity id as words: `female-applicants` → "Female Applicants",
 * `university-of-texas-at-austin` → "University of Texas at Austin", `qure.ai` → "Qure.ai".
 */
export function aiidEntityName(id: string): string {
  const words = id.trim().split("-").filter((w) => w.length > 0);
  return words.map((w, i) => capitalise(w, i === 0)).join(" ");
}

/** Each id of a list as words, duplicates (after transcription) dropped, order kept. */
export function aiidEntityNames(ids: readonly string[]): string[] {
  return [...new Set(ids.map(aiidEntityName).filter((n) => n.length > 0))];
}
