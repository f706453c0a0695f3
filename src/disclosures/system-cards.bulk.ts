import { createGzip } from "node:zlib";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Library } from "../library/library.model.ts";
import { readOrgCalendar } from "./haip/haip.period.ts";
import { buildSystemCard } from "./system-card.ts";

/** How many cards are built between two progress reports. */
const PROGRESS_EVERY = 100;

/**
 * Every system card of the organisation as one file: JSON Lines (one `musubi-system-card/1`
 * document per line, in code order), gzip-compressed as it is written — 10,000 cards are a few
 * hundred megabytes of JSON but a small fraction of that compressed, and never held whole as text.
 * `onProgress` hears how many cards are done of how many.
 */
export async function exportSystemCards(db: Kysely<Database>, library: Library, orgId: string, onProgress: (done: number, total: number) => void | Promise<void> = () => undefined, now = new Date()): Promise<{ bytes: Uint8Array; fileName: string; cards: number }> {
  const ids = (await db.selectFrom("ai_systems").select("id").where("org_id", "=", orgId).orderBy("code").execute()).map((r) => r.id);
  const gzip = createGzip();
  const chunks: Buffer[] = [];
  gzip.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    gzip.on("end", resolve);
    gzip.on("error", reject);
  });
  await onProgress(0, ids.length);
  for (let i = 0; i < ids.length; i++) {
    const card = await buildSystemCard(db, library, orgId, ids[i]!, now);
    if (!gzip.write(`${JSON.stringify(card)}\n`)) await new Promise((resolve) => gzip.once("drain", resolve));
    if ((i + 1) % PROGRESS_EVERY === 0) await onProgress(i + 1, ids.length);
  }
  gzip.end();
  await ended;
  const { today } = await readOrgCalendar(db, orgId, now);
  await onProgress(ids.length, ids.length);
  return { bytes: new Uint8Array(Buffer.concat(chunks)), fileName: `system-cards-${today}.jsonl.gz`, cards: ids.length };
}
