import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net from "node:net";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const CLI = fileURLToPath(new URL("../../bin/musubi.mjs", import.meta.url));

/** A port nobody listens on right now (the OS picks it; released before the server binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** GET that resolves to the status code, or 0 when nothing answers (connection refused). */
export function probe(url: string, timeoutMs = 1000): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(0));
  });
}

export interface Spawned {
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  stderr(): string;
  stop(): Promise<void>;
}

/** Runs `node <entry, default bin/musubi.mjs> …args` with `env` added; stdout is discarded, stderr kept for errors. */
export function spawnCli(args: readonly string[], env: Record<string, string>, entry = CLI): Spawned {
  const child = spawn(process.execPath, [entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, MUSUBI_LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    exited,
    stderr: () => err,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `url` every `everyMs` until it answers 200; returns ms since `since` (a performance.now()). */
export async function waitFor200(url: string, since: number, s: Spawned, everyMs = 10, limitMs = 30_000): Promise<number> {
  for (;;) {
    if (s.child.exitCode !== null) throw new Error(`server exited with ${s.child.exitCode}: ${s.stderr()}`);
    if ((await probe(url)) === 200) return performance.now() - since;
    if (performance.now() - since > limitMs) throw new Error(`no 200 from ${url} within ${limitMs} ms: ${s.stderr()}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Starts `musubi serve --no-demo` on a free port and waits until /api/health answers 200. */
export async function startServe(env: Record<string, string>, entry = CLI): Promise<{ url: string; ms: number; server: Spawned }> {
  const port = await freePort();
  const started = performance.now();
  const server = spawnCli(["serve", "--no-demo", "--port", String(port)], env, entry);
  const url = `http://127.0.0.1:${port}`;
  const ms = await waitFor200(`${url}/api/health`, started, server);
  return { url, ms, server };
}

/** Runs a command to completion; returns exit code, wall ms, and output. */
export function run(cmd: string, args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number | null; ms: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, ms: performance.now() - started, stdout, stderr }));
  });
}
