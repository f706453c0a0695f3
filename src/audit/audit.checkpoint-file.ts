import fs from "node:fs";
import path from "node:path";
import { checkpointInLine, type Checkpoint, type Found } from "./audit.checkpoint.ts";
import { readLines } from "./audit.lines.ts";

/**
 * `<data folder>/audit-checkpoints.jsonl`: every checkpoint the instance signed, one JSON object a
 * line, outside the database — deleting ledger rows leaves it alone, and it can be copied anywhere.
 */
export function checkpointFile(dataDir: string): string {
  return path.join(dataDir, "audit-checkpoints.jsonl");
}

/**
 * Appends checkpoints as JSON lines in one write and flushes them to disk before returning. A last
 * line left incomplete by a crash (no `\n`: it was never flushed whole) is cut off first, so the
 * file stays a sequence of whole lines.
 */
export function appendCheckpoints(dataDir: string, checkpoints: readonly Checkpoint[]): void {
  if (checkpoints.length === 0) return;
  fs.mkdirSync(dataDir, { recursive: true });
  const file = checkpointFile(dataDir);
  const fd = fs.openSync(file, "a+", 0o600);
  try {
    const size = fs.fstatSync(fd).size;
    if (size > 0) dropTornTail(fd, size);
    fs.writeSync(fd, checkpoints.map((c) => `${JSON.stringify(c)}\n`).join(""));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function dropTornTail(fd: number, size: number): void {
  const tail = Buffer.alloc(Math.min(size, 4096));
  fs.readSync(fd, tail, 0, tail.length, size - tail.length);
  if (tail.at(-1) === 10) return;
  const nl = tail.lastIndexOf(10);
  // A torn line longer than the tail read is not a line Musubi wrote (they are ~250 bytes): leave it.
  if (nl === -1 && size > tail.length) return;
  fs.ftruncateSync(fd, size - tail.length + nl + 1);
}

/**
 * The checkpoints in the instance's file (those of one organisation when `orgId` is given; other
 * lines are skipped without being parsed). A last line with no `\n` is a write cut short by a
 * crash and is left out; every other line that is not a valid checkpoint is reported.
 */
export function readCheckpointFile(file: string, orgId?: string): Found[] {
  if (!fs.existsSync(file)) return [];
  const needle = orgId === undefined ? undefined : Buffer.from(`"${orgId}"`);
  const out: Found[] = [];
  for (const line of readLines(file)) {
    if (!line.terminated) break;
    if (line.bytes.length === 0) continue;
    if (needle && line.bytes.indexOf(needle) === -1) continue;
    const f = checkpointInLine(line.bytes.toString("utf8"), line.number);
    if (orgId === undefined || ("checkpoint" in f ? f.checkpoint.org === orgId : f.org === undefined || f.org === orgId)) out.push(f);
  }
  return out;
}
