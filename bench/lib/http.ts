import http from "node:http";

export interface Answer {
  status: number;
  body: string;
  ms: number;
}

/** A keep-alive agent sized for `connections` concurrent requests, as a load generator needs. */
export function keepAliveAgent(connections: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
}

/** One request; resolves with status 0 and the error text when the connection fails. */
export function request(
  agent: http.Agent,
  url: string,
  opts: { method?: string; token?: string; json?: unknown } = {},
): Promise<Answer> {
  const started = performance.now();
  const body = opts.json === undefined ? undefined : JSON.stringify(opts.json);
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (body !== undefined) {
    headers["content-type"] = "application/json";
    headers["content-length"] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve) => {
    const req = http.request(url, { method: opts.method ?? "GET", agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), ms: performance.now() - started }),
      );
    });
    req.on("error", (err) => resolve({ status: 0, body: err.message, ms: performance.now() - started }));
    req.end(body);
  });
}

export interface LoadResult {
  answers: number;
  errors: number;
  seconds: number;
  latencies: number[];
  /** A few error answers, for the report. */
  errorSamples: string[];
}

/**
 * Closed-loop load: `connections` loops, each sending `next(loop, i)` back-to-back until
 * `seconds` have passed. `onAnswer` sees every answer (e.g. to collect created ids).
 */
export async function closedLoop(
  connections: number,
  seconds: number,
  send: (loop: number, i: number) => Promise<Answer>,
  onAnswer: (a: Answer) => void = () => undefined,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, loop) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const a = await send(loop, i);
        latencies.push(a.ms);
        if (a.status < 200 || a.status >= 300) {
          errors += 1;
          if (errorSamples.length < 5) errorSamples.push(`${a.status} ${a.body.slice(0, 200)}`);
        }
        onAnswer(a);
      }
    }),
  );
  return { answers: latencies.length, errors, seconds: (performance.now() - started) / 1000, latencies, errorSamples };
}
