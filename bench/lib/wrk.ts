import fs from "node:fs";
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

/** Runs wrk with a bearer token; one thread is enough for 50 connections and leaves a core to the server. */
export async function wrk(url: string, token: string, opts: { connections: number; seconds: number; threads?: number }): Promise<WrkResult> {
  const r = await run(WRK, [
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
