// Fallback load generator when wrk is missing: run as a child process (so it has its own core)
// with `node --import tsx bench/lib/node-load.ts <url> <token> <connections> <seconds>`; prints JSON.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { prng } from "../../src/applicability/profile.random.ts";
import { closedLoop, keepAliveAgent, request } from "./http.ts";
import { run } from "./proc.ts";
import { percentile } from "./stats.ts";
import type { WrkResult } from "./wrk.ts";

export const NODE_LOAD = fileURLToPath(import.meta.url);

/** `urls` is one URL, or several to draw from at random (passed to the child as `@file`). */
export async function nodeLoad(urls: string | readonly string[], token: string, connections: number, seconds: number): Promise<WrkResult> {
  let target = typeof urls === "string" ? urls : "";
  if (typeof urls !== "string") {
    target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "musubi-load-")), "urls.txt");
    fs.writeFileSync(target, urls.join("\n"));
    target = `@${target}`;
  }
  const r = await run(process.execPath, ["--import", "tsx", NODE_LOAD, target, token, String(connections), String(seconds)]);
  if (r.code !== 0) throw new Error(`node load generator failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as WrkResult;
}

if (process.argv[1] === NODE_LOAD) {
  const [url = "", token = "", connections = "50", seconds = "10"] = process.argv.slice(2);
  const agent = keepAliveAgent(Number(connections));
  const urls = url.startsWith("@") ? fs.readFileSync(url.slice(1), "utf8").split("\n") : [url];
  const rnd = prng(2026);
  const res = await closedLoop(Number(connections), Number(seconds), () => request(agent, urls[Math.floor(rnd() * urls.length)]!, { token }));
  agent.destroy();
  const out: WrkResult = {
    rps: res.answers / res.seconds,
    requests: res.answers,
    non2xx: res.errors,
    socketErrors: 0,
    p50: percentile(res.latencies, 50),
    p75: percentile(res.latencies, 75),
    p90: percentile(res.latencies, 90),
    p99: percentile(res.latencies, 99),
    maxMs: percentile(res.latencies, 100),
  };
  process.stdout.write(JSON.stringify(out));
}
