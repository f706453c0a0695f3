import { ERROR_CODES } from "../../src/platform/errors.ts";

const KNOWN_CODES = new Set<string>(ERROR_CODES);

/** Signs of a stack trace or of the server's own files in an answer. */
const LEAKS: [RegExp, string][] = [
  [/\n\s*at \S.*:\d+:\d+/, "a stack frame"],
  [/\bat (?:async )?\S+ \((?:file:\/\/)?\/\S+:\d+:\d+\)/, "a stack frame"],
  [/node_modules/, "a node_modules path"],
  [/\/src\/[\w./-]+\.(?:ts|js|mjs)/, "a source file path"],
  [/\.(?:ts|mjs|cjs|js):\d+:\d+/, "a file:line:column"],
  [/\b(?:SqliteError|SQLITE_[A-Z_]+|TypeError|ReferenceError|RangeError|SyntaxError|ZodError)\b/, "an internal error name"],
];

/**
 * What is wrong with an answer, if anything: a 5xx, a leaked stack trace or file path, an error
 * answer not shaped `{ error: { code, message, details? } }` with a known code, or a validation
 * error that does not name its fields.
 */
export function problemsOf(status: number, text: string): string[] {
  const problems: string[] = [];
  if (status >= 500) problems.push(`answered ${status}`);
  for (const [re, what] of LEAKS) if (re.test(text)) problems.push(`the answer contains ${what}`);
  if (status < 400) return problems;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [...problems, "the error answer is not JSON"];
  }
  const error = (body as { error?: unknown } | null)?.error as { code?: unknown; message?: unknown; details?: unknown } | undefined;
  if (typeof body !== "object" || body === null || Array.isArray(body) || Object.keys(body).join() !== "error" || typeof error !== "object" || error === null) {
    return [...problems, "the error answer is not { error: { … } }"];
  }
  const extra = Object.keys(error).filter((k) => !["code", "message", "details"].includes(k));
  if (extra.length) problems.push(`the error has unexpected keys ${extra.join(", ")}`);
  if (typeof error.code !== "string" || !KNOWN_CODES.has(error.code)) problems.push(`the error code ${JSON.stringify(error.code)} is not one of ERROR_CODES`);
  if (typeof error.message !== "string" || error.message === "") problems.push("the error has no message");
  if (error.code === "validation_failed") {
    const details = error.details;
    const named = Array.isArray(details) && details.length > 0 && details.every((d) => typeof (d as { field?: unknown })?.field === "string" && typeof (d as { message?: unknown }).message === "string");
    if (!named) problems.push("validation_failed without details naming each field ({ field, message }[])");
  }
  return problems;
}

/** One request that failed, with what the server logged for it. */
export interface Failure {
  op: string;
  label: string;
  caller: string;
  request: string;
  status: number;
  problems: string[];
  answer: string;
  server?: string | undefined;
}

export function clip(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n)}…(${text.length} chars)` : text;
}

/** The failure report: the seed to rerun with, a count per operation and problem, then the first `show` requests in full. */
export function reportOf(failures: readonly Failure[], run: { sent: number; database: string; seed: number; show: number }): string {
  const classes = new Map<string, number>();
  for (const f of failures) {
    const key = `${f.op} → ${f.status} (${f.problems.join("; ")})`;
    classes.set(key, (classes.get(key) ?? 0) + 1);
  }
  return [
    `${failures.length} of ${run.sent} fuzz requests failed on ${run.database} (seed ${run.seed}; rerun with MUSUBI_FUZZ_SEED=${run.seed} MUSUBI_FUZZ_ONLY="<operation>")`,
    "By operation and problem:",
    ...[...classes.entries()].map(([k, n]) => `  ${n}× ${k}`),
    "First failures:",
    ...failures.slice(0, run.show).map((f) => `- ${f.op} [${f.label}] as ${f.caller}\n    ${f.request}\n    → ${f.status} ${f.answer}\n    problems: ${f.problems.join("; ")}${f.server ? `\n    server: ${f.server.replace(/\n/g, "\n      ")}` : ""}`),
  ].join("\n");
}
