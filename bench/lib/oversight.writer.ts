// Concurrent intake writes in a process of their own, while the benchmark measures the authority's
// reads (issue 16: "the cache hides slow queries until someone edits something"): `concurrency`
// callers each draw, sign and receive one submission after another until stdin closes, then print
// {accepted, other, seconds, latencies}. argv[2]: a JSON file written by oversight.bench.ts.
import { createPrivateKey } from "node:crypto";
import fs from "node:fs";
import { openPostgres, openSqlite } from "../../src/db/connect.ts";
import { receiveMessage } from "../../src/exchange/exchange.inbox.ts";
import { parseOutboundAllow } from "../../src/platform/outbound.ts";
import type { ReportTemplate } from "./oversight.documents.ts";
import type { Member } from "./oversight.history.ts";
import { draw } from "./oversight.intake.ts";

export interface WriterConfig {
  database: { url: string } | { file: string };
  dataDir: string;
  base: string;
  slug: string;
  audience: string;
  concurrency: number;
  template: ReportTemplate;
  members: (Omit<Member, "privateKey"> & { pkcs8: string })[];
}

const config = JSON.parse(fs.readFileSync(process.argv[2]!, "utf8")) as WriterConfig;
const db = "url" in config.database ? openPostgres(config.database.url) : openSqlite(config.database.file);
const members: Member[] = config.members.map((m) => ({ ...m, privateKey: createPrivateKey({ key: Buffer.from(m.pkcs8, "base64"), format: "der", type: "pkcs8" }) }));
const target = { env: { db, dataDir: config.dataDir, base: config.base, outbound: parseOutboundAllow("") }, slug: config.slug, audience: config.audience, members, template: config.template };

let stop = false;
process.stdin.on("data", () => undefined);
process.stdin.on("end", () => (stop = true));
let accepted = 0;
let other = 0;
let n = 0;
const latencies: number[] = [];
const t0 = performance.now();
process.stdout.write("ready\n");
await Promise.all(
  Array.from({ length: config.concurrency }, async () => {
    while (!stop) {
      // Back to the event loop once per submission: with SQLite every step can complete without
      // leaving the microtask queue, and stdin's end (the signal to stop) would never be read.
      await new Promise((resolve) => setImmediate(resolve));
      const s = await draw(target, `w${process.pid}`, n++);
      const a = performance.now();
      const answer = await receiveMessage(target.env, config.slug, s.jws, { address: "127.0.0.1", local: false });
      latencies.push(performance.now() - a);
      if (answer.status === 201) accepted++;
      else other++;
    }
  }),
);
process.stdout.write(`${JSON.stringify({ accepted, other, seconds: (performance.now() - t0) / 1000, latencies })}\n`);
await db.close();
