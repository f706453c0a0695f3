import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.ts";
import { notFound } from "../platform/errors.ts";
import { readSegregation } from "../orgs/orgs.service.ts";
import type { SignOffCheck } from "./assessments.schema.ts";
import { OPEN_STATUSES } from "./statuses.ts";

type Q = Kysely<Database> | Transaction<Database>;

/**
 * The e-mail address in a row's `answered_by`: the ledger's "who" of the answer, which is the
 * user's address, or `address (token name)` when an API token answered for them.
 */
export function answererEmail(label: string): string {
  const cut = label.indexOf(" (token ");
  return cut < 0 ? label : label.slice(0, cut);
}

/**
 * The people recorded as the last to answer an applicable row of the assessment, by hand or by
 * accepting an inferred answer (directly or through one of their API tokens). Rows nobody answered
 * — whose status comes from their controls — name nobody. Two statements:
 *
 * `select distinct answered_by from assessment_items where org_id = ? and assessment_id = ? and applicable = 1 and answer is not null`,
 * then the users with those addresses.
 */
export async function lastAnswerers(db: Q, orgId: string, assessmentId: string): Promise<{ id: string; displayName: string }[]> {
  const labels = await db
    .selectFrom("assessment_items")
    .select("answered_by")
    .distinct()
    .where("org_id", "=", orgId)
    .where("assessment_id", "=", assessmentId)
    .where("applicable", "=", 1)
    .where("answer", "is not", null)
    .where("answered_by", "is not", null)
    .execute();
  const emails = [...new Set(labels.map((l) => answererEmail(l.answered_by!).toLowerCase()))];
  if (emails.length === 0) return [];
  const users = await db.selectFrom("users").select(["id", "display_name"]).where("org_id", "=", orgId).where("email", "in", emails).orderBy("display_name").orderBy("id").execute();
  return users.map((u) => ({ id: u.id, displayName: u.display_name }));
}

/**
 * What a sign-off of the assessment waits for: its open rows and, when the organisation's
 * `segregationOfDuties.assessmentSignOff` is on, the people who may not sign it off — anyone
 * recorded as the last to answer one of its applicable rows. The same reading decides the sign-off
 * itself, so the UI and the server cannot disagree.
 */
export async function readSignOffCheck(db: Q, orgId: string, assessmentId: string): Promise<SignOffCheck> {
  const a = await db.selectFrom("assessments").select("id").where("org_id", "=", orgId).where("id", "=", assessmentId).executeTakeFirst();
  if (!a) throw notFound();
  // One after the other: inside a transaction the statements share one connection.
  const open = await db
    .selectFrom("assessment_items")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("org_id", "=", orgId)
    .where("assessment_id", "=", assessmentId)
    .where("applicable", "=", 1)
    .where("effective", "in", [...OPEN_STATUSES])
    .executeTakeFirstOrThrow();
  const on = (await readSegregation(db, orgId)).assessmentSignOff;
  return { open: Number(open.n), segregationOfDuties: on, barred: on ? await lastAnswerers(db, orgId, assessmentId) : [] };
}
