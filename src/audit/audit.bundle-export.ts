import { createHash } from "node:crypto";
import fs from "node:fs";
import type { Db } from "../db/connect.ts";
import { nowIso } from "../platform/time.ts";
import { BUNDLE_FORMAT, signSeal, type BundleHeader } from "./audit.bundle.ts";
import { checkpointFile, readCheckpointFile } from "./audit.checkpoint-file.ts";
import { checkpointInLine, signatureProblem, type Checkpoint } from "./audit.checkpoint.ts";
import { checkpointEntries } from "./audit.checkpoint.service.ts";
import { GENESIS_HASH, HASH_FORMAT } from "./audit.hash.ts";
import { ensureSigningKey, listPublicKeys, trustedKeys } from "./audit.keys.ts";

export interface ExportRequest {
  orgId: string;
  /** Entries with `from` ≤ ts < `to` (ISO); either end open when absent. */
  from?: string | undefined;
  to?: string | undefined;
  out: string;
  dataDir: string;
}

export interface ExportResult {
  firstSeq: number;
  lastSeq: number;
  through: number;
  entries: number;
  checkpoints: number;
  bytes: number;
}

const PAGE = 5_000;

/**
 * Writes an organisation's ledger, or the stretch of it between two times, as a bundle an auditor
 * verifies with `musubi audit verify-bundle` and nothing else (see audit.bundle.ts). The entries
 * are the contiguous positions from the first entry at or after `from` to the last one before
 * `to` (on PostgreSQL concurrent writers can commit timestamps slightly out of order; the chain's
 * order is what counts). Entries are read a page at a time, so a million-entry export stays small
 * in memory. Only checkpoints whose signatures verify are included.
 */
export async function exportBundle(db: Db, req: ExportRequest): Promise<ExportResult> {
  const k = db.kysely;
  const org = await k.selectFrom("organizations").select(["id", "slug"]).where("id", "=", req.orgId).executeTakeFirstOrThrow();
  const ofOrg = k.selectFrom("audit_log").where("org_id", "=", req.orgId);
  const [first, last, head] = await Promise.all([
    (req.from ? ofOrg.where("ts", ">=", req.from) : ofOrg).select((eb) => eb.fn.min("seq").as("s")).executeTakeFirst(),
    (req.to ? ofOrg.where("ts", "<", req.to) : ofOrg).select((eb) => eb.fn.max("seq").as("s")).executeTakeFirst(),
    ofOrg.select((eb) => eb.fn.max("seq").as("s")).executeTakeFirst(),
  ]);
  const firstSeq = Number(first?.s ?? 0);
  const lastSeq = Number(last?.s ?? 0);
  const headSeq = Number(head?.s ?? 0);
  if (firstSeq < 1 || lastSeq < firstSeq) throw new Error(`no ledger entries of ${org.slug} in that range`);

  const anchorSeq = firstSeq - 1;
  const checkpoints = await validCheckpoints(db, req.dataDir, req.orgId);
  const through = checkpoints.find((c) => c.seq >= lastSeq && c.seq <= headSeq)?.seq ?? lastSeq;
  const anchorHash =
    anchorSeq === 0 ? GENESIS_HASH : (await ofOrg.select("hash").where("seq", "=", anchorSeq).executeTakeFirstOrThrow()).hash;

  const key = ensureSigningKey(req.dataDir);
  const writer = new BundleWriter(req.out);
  try {
    const header: BundleHeader = {
      kind: BUNDLE_FORMAT,
      org: { id: org.id, slug: org.slug },
      range: { from: req.from ?? null, to: req.to ?? null, firstSeq, lastSeq },
      anchor: { seq: anchorSeq, hash: anchorHash },
      through,
      hashFormat: HASH_FORMAT,
      exportedAt: nowIso(),
      publicKeys: listPublicKeys(req.dataDir),
    };
    writer.line(header);
    const included = checkpoints.filter((c) => c.seq >= anchorSeq && c.seq <= through);
    for (const c of included) writer.line({ kind: "checkpoint", ...c });
    let end = { seq: anchorSeq, hash: anchorHash };
    let entries = 0;
    for (let from = firstSeq; from <= through; from += PAGE) {
      const rows = await ofOrg.selectAll().where("seq", ">=", from).where("seq", "<=", Math.min(through, from + PAGE - 1)).orderBy("seq").execute();
      for (const r of rows) {
        writer.line({ kind: "entry", ...r, seq: Number(r.seq) });
        end = { seq: Number(r.seq), hash: r.hash };
        entries++;
      }
    }
    const seal = signSeal(key, {
      org: org.id,
      anchor: { seq: anchorSeq, hash: anchorHash },
      end,
      digest: writer.digest(),
      time: nowIso(),
    });
    writer.line(seal, false);
    return { firstSeq, lastSeq, through, entries, checkpoints: included.length, bytes: writer.close() };
  } catch (err) {
    writer.abandon();
    throw err;
  }
}

/** The organisation's checkpoints from the file and the ledger whose signatures verify, by position. */
async function validCheckpoints(db: Db, dataDir: string, orgId: string): Promise<Checkpoint[]> {
  const keys = new Map(trustedKeys(listPublicKeys(dataDir)).map((t) => [t.keyId, t]));
  const rows = await checkpointEntries(db.kysely, [orgId]).execute();
  const found = [...readCheckpointFile(checkpointFile(dataDir), orgId), ...rows.map((r) => checkpointInLine(r.after_json ?? "null", Number(r.seq)))];
  const unique = new Map<string, Checkpoint>();
  for (const f of found) {
    if (!("checkpoint" in f) || f.checkpoint.org !== orgId || unique.has(f.checkpoint.signature)) continue;
    if (signatureProblem(f.checkpoint, keys) === null) unique.set(f.checkpoint.signature, f.checkpoint);
  }
  return [...unique.values()].sort((a, b) => a.seq - b.seq || (a.time < b.time ? -1 : 1));
}

/** Buffered JSON-lines output that hashes what it writes; removed again if the export fails. */
class BundleWriter {
  readonly #fd: number;
  readonly #hash = createHash("sha256");
  #buffer: string[] = [];
  #pending = 0;
  #bytes = 0;

  constructor(private readonly file: string) {
    this.#fd = fs.openSync(file, "w");
  }

  line(value: unknown, hashed = true): void {
    const text = `${JSON.stringify(value)}\n`;
    if (hashed) this.#hash.update(text);
    this.#buffer.push(text);
    this.#pending += text.length;
    if (this.#pending > 1 << 20) this.#flush();
  }

  digest(): string {
    return this.#hash.copy().digest("hex");
  }

  #flush(): void {
    const bytes = Buffer.from(this.#buffer.join(""));
    fs.writeSync(this.#fd, bytes);
    this.#bytes += bytes.length;
    this.#buffer = [];
    this.#pending = 0;
  }

  close(): number {
    this.#flush();
    fs.fsyncSync(this.#fd);
    fs.closeSync(this.#fd);
    return this.#bytes;
  }

  abandon(): void {
    fs.closeSync(this.#fd);
    fs.rmSync(this.file, { force: true });
  }
}
