import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { defaultLibraryDir } from "../../library/library.load.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { nowIso } from "../../platform/time.ts";
import { wordIssue } from "../../platform/http/field-messages.ts";
import type { Locale } from "../../platform/i18n.ts";
import { QuestionnaireFile, type HaipPath, type HaipRole, type QuestionnaireQuestion } from "./questionnaire.schema.ts";

/** Musubi's own HAIP questionnaire, shipped in the library. */
export const SHIPPED_KEY = "musubi-haip";
export const SHIPPED_VERSION = "1";
/** A loaded questionnaire file may be at most this large. */
export const QUESTIONNAIRE_MAX_BYTES = 1024 * 1024;

let shipped: QuestionnaireFile | undefined;

/** The shipped questionnaire, read and checked once; a broken file fails loudly at first use. */
export function shippedQuestionnaire(): QuestionnaireFile {
  shipped ??= QuestionnaireFile.parse(JSON.parse(readFileSync(join(defaultLibraryDir(), "questionnaires", SHIPPED_KEY, `${SHIPPED_VERSION}.json`), "utf8")));
  return shipped;
}

/**
 * The questionnaire a report was written against: the shipped one, or one the organisation loaded.
 * A report keeps its key and version, so loading a newer file never changes a report under way.
 */
export async function questionnaireOf(db: Kysely<Database>, orgId: string, key: string, version: string): Promise<QuestionnaireFile> {
  const s = shippedQuestionnaire();
  if (key === s.key && version === s.version) return s;
  const row = await db.selectFrom("questionnaires").select("document").where("org_id", "=", orgId).where("key", "=", key).where("version", "=", version).executeTakeFirst();
  if (!row) throw new AppError(404, "not_found");
  return QuestionnaireFile.parse(JSON.parse(row.document));
}

/** Questionnaires the organisation can write a report against: the shipped one first. */
export async function listQuestionnaires(db: Kysely<Database>, orgId: string): Promise<QuestionnaireFile[]> {
  const rows = await db.selectFrom("questionnaires").select("document").where("org_id", "=", orgId).orderBy("created_at").execute();
  return [shippedQuestionnaire(), ...rows.map((r) => QuestionnaireFile.parse(JSON.parse(r.document)))];
}

/**
 * Checks a questionnaire file an organisation loads (bounded, JSON, the published schema, a
 * framework the library has) and keeps it. The shipped key cannot be replaced, and a key and
 * version once loaded stay as loaded: reports written against them must read the same questions.
 */
export async function loadQuestionnaire(db: Kysely<Database>, orgId: string, userId: string | null, bytes: Uint8Array, frameworkExists: (id: string, version: string) => boolean, locale: Locale = "en"): Promise<QuestionnaireFile> {
  const say = (ja: string, en: string) => (locale === "ja" ? ja : en);
  if (bytes.byteLength > QUESTIONNAIRE_MAX_BYTES) throw new AppError(413, "payload_too_large", { limitBytes: QUESTIONNAIRE_MAX_BYTES });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new AppError(400, "questionnaire_invalid", [{ field: "file", message: say("ファイルが UTF-8 の JSON ではありません。", "The file is not UTF-8 JSON.") }]);
  }
  const parsed = QuestionnaireFile.safeParse(json);
  if (!parsed.success) throw new AppError(400, "questionnaire_invalid", parsed.error.issues.slice(0, 50).map((i) => ({ field: i.path.join(".") || "file", message: wordIssue(i, json, locale) })));
  const q = parsed.data;
  if (q.key === SHIPPED_KEY) throw new AppError(400, "questionnaire_invalid", [{ field: "key", message: say(`キー ${SHIPPED_KEY} は Musubi の質問票のものです。別のキーを指定してください。`, `The key ${SHIPPED_KEY} is Musubi's own questionnaire; give the file another key.`) }]);
  if (!frameworkExists(q.framework.id, q.framework.version)) throw new AppError(400, "questionnaire_invalid", [{ field: "framework", message: say(`ライブラリにフレームワーク ${q.framework.id}（版 ${q.framework.version}）がありません。`, `The library has no framework ${q.framework.id} version ${q.framework.version}.`) }]);
  const existing = await db.selectFrom("questionnaires").select("id").where("org_id", "=", orgId).where("key", "=", q.key).where("version", "=", q.version).executeTakeFirst();
  if (existing) throw new AppError(409, "conflict", { reason: "questionnaire_version_exists", key: q.key, version: q.version });
  const document = JSON.stringify(q);
  await db
    .insertInto("questionnaires")
    .values({ id: newId("qnr"), org_id: orgId, key: q.key, version: q.version, document, sha256: createHash("sha256").update(document).digest("hex"), loaded_by: userId, created_at: nowIso() })
    .execute();
  return q;
}

/** The questions a report asks: those routed to any of its roles on its path, in file order. */
export function questionsFor(q: QuestionnaireFile, roles: readonly HaipRole[], path: HaipPath): QuestionnaireQuestion[] {
  return q.questions.filter((question) => question.paths.includes(path) && question.roles.some((r) => roles.includes(r)));
}
