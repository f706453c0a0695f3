import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { run } from "./proc.ts";

export const WRK = "/usr/bin/wrk";

export function hasWrk(): boolean {
  return fs.existsSync(WRK);
}

export interface WrkResult {
  rps: number;
  requests: number;
  non2xx: number;
  socketErrors: number;
  p50: number;
  p75: number;
  p90: number;
  p99: number;
  maxMs: number;
}

function ms(text: string | undefined): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text ?? "");
  if (!m) return Number.NaN;
  const v = Number(m[1]);
  return m[2] === "us" ? v / 1000 : m[2] === "ms" ? v : m[2] === "s" ? v * 1000 : v * 60_000;
}

/** Parses `wrk --latency` output; latencies in ms. */
export function parseWrk(out: string): WrkResult {
  const pct = (p: string) => ms(new RegExp(`^\\s+${p}%\\s+(\\S+)`, "m").exec(out)?.[1]);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN),
    requests: Number(/(\d+) requests in/.exec(out)?.[1] ?? Number.NaN),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
    socketErrors: socket ? socket.slice(1).reduce((n, x) => n + Number(x), 0) : 0,
    p50: pct("50"),
    p75: pct("75"),
    p90: pct("90"),
    p99: pct("99"),
    maxMs: ms(/Latency\s+\S+\s+\S+\s+(\S+)/.exec(out)?.[1]),
  };
}

/**
 * A wrk script that sends each request to a path drawn at random from `paths` (fixed seed), so a
 * load covers many pages, filters and sorts instead of one URL.
 */
export function pathsScript(paths: readonly string[]): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "musubi-wrk-")), "paths.lua");
  const list = paths.map((p) => `  ${JSON.stringify(p)},`).join("\n");
  fs.writeFileSync(file, `local paths = {\n${list}\n}\nmath.randomseed(2026)\nrequest = function()\n  return wrk.format(nil, paths[math.random(#paths)])\nend\n`);
  return file;
}

/** Runs wrk with a bearer token; one thread is enough for 50 connections and leaves a core to the server. */
export async function wrk(url: string, token: string, opts: { connections: number; seconds: number; threads?: number; script?: string }): Promise<WrkResult> {
  const r = await run(WRK, [
    ...(opts.script ? ["-s", opts.script] : []),
    `-t${opts.threads ?? 1}`,
    `-c${opts.connections}`,
    `-d${opts.seconds}s`,
    "--latency",
    "-H",
    `Authorization: Bearer ${token}`,
    url,
  ]);
  if (r.code !== 0) throw new Error(`wrk failed (${r.code}): ${r.stderr}`);
  return parseWrk(r.stdout);
}
