import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "../../test/support/databases.ts";
import { appendCheckpoints, checkpointFile, readCheckpointFile } from "./audit.checkpoint-file.ts";
import { checkpointPayload, checkpointsInText, parseCheckpoint, signCheckpoint, type Checkpoint } from "./audit.checkpoint.ts";
import { ensureSigningKey } from "./audit.keys.ts";

describe("checkpoint format", () => {
  let dir: string;
  let cp: Checkpoint;
  beforeEach(() => {
    dir = tempDir();
    cp = signCheckpoint(ensureSigningKey(dir), { org: "org_a", seq: 12, hash: "0f".repeat(32) }, "2026-12-05T01:00:00.000Z");
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("signs fixed lines of text", () => {
    expect(checkpointPayload(cp)).toBe(`musubi-checkpoint-v1\norg org_a\nseq 12\nhash ${"0f".repeat(32)}\ntime 2026-12-05T01:00:00.000Z\nkey ${cp.keyId}\n`);
  });

  it("refuses values that could make the signed text ambiguous", () => {
    expect(parseCheckpoint(JSON.parse(JSON.stringify(cp)))).toEqual(cp);
    expect(() => parseCheckpoint({ ...cp, org: "org_a\nseq 99" })).toThrow(/org/);
    expect(() => parseCheckpoint({ ...cp, seq: "12" })).toThrow(/seq/);
    expect(() => parseCheckpoint({ ...cp, hash: "0F".repeat(32) })).toThrow(/hash/);
    expect(() => parseCheckpoint({ ...cp, time: "2026-12-05 01:00" })).toThrow(/time/);
    expect(() => parseCheckpoint({ ...cp, format: "v2" })).toThrow(/format/);
  });

  it("reads a checkpoint kept as JSON, a JSON array, JSON lines or a webhook delivery body", () => {
    const delivery = { deliveryId: "dlv_1", event: "audit.checkpoint", data: { checkpoint: cp, publicKey: "…" } };
    const ok = (text: string) => checkpointsInText(text).map((f) => ("checkpoint" in f ? f.checkpoint : f.error));
    expect(ok(JSON.stringify(cp))).toEqual([cp]);
    expect(ok(JSON.stringify([cp, delivery]))).toEqual([cp, cp]);
    expect(ok(`${JSON.stringify(cp)}\n\n${JSON.stringify(delivery)}\n`)).toEqual([cp, cp]);
    expect(ok(`${JSON.stringify(cp)}\n{"format":"musubi-checkpoint-v1"}\n`)[1]).toMatch(/org/);
  });

  it("appends whole lines: a line cut short by a crash is dropped, not glued to the next", () => {
    appendCheckpoints(dir, [cp]);
    fs.appendFileSync(checkpointFile(dir), JSON.stringify(cp).slice(0, 40));
    expect(readCheckpointFile(checkpointFile(dir))).toHaveLength(1);
    const other = { ...cp, org: "org_b" };
    appendCheckpoints(dir, [other]);
    const lines = fs.readFileSync(checkpointFile(dir), "utf8").split("\n");
    expect(lines).toEqual([JSON.stringify(cp), JSON.stringify(other), ""]);
    expect(readCheckpointFile(checkpointFile(dir), "org_b").map((f) => "checkpoint" in f && f.checkpoint.org)).toEqual(["org_b"]);
    if (process.platform !== "win32") expect(fs.statSync(path.join(dir, "audit-checkpoints.jsonl")).mode & 0o777).toBe(0o600);
  });
});
