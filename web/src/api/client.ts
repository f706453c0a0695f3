import type { ErrorCode, FieldIssue, Locale } from "./types.ts";

/** An error answer from the API (or `network` when none arrived), with the server's localized message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | (string & {}),
    message: string,
    readonly details: unknown,
    /** The language the message was requested in; the UI re-translates when the user switches. */
    readonly locale: Locale,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The per-field issues of a `validation_failed` answer (empty for any other error). */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldIssue => typeof d === "object" && d !== null && typeof (d as FieldIssue).field === "string",
    );
  }

  /** `details.current` of a 409 `conflict`: the record as the server holds it now. */
  currentRecord<T>(): T | undefined {
    const details = this.details as { current?: T } | null | undefined;
    return details && typeof details === "object" ? details.current : undefined;
  }
}

export type QueryValue = string | number | boolean | null | undefined;
type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

interface ClientState {
  language: Locale;
  csrfToken: string | undefined;
  onUnauthenticated: ((error: ApiError) => void) | undefined;
}

const state: ClientState = { language: "ja", csrfToken: undefined, onUnauthenticated: undefined };

/** Sets the language sent as Accept-Language, the CSRF token for writes, or the 401 handler. */
export function configureClient(patch: Partial<ClientState>): void {
  Object.assign(state, patch);
}

/** `?a=1&b=x`, leaving out empty values (the API refuses `q=` and unknown parameters). */
export function queryString(query: Record<string, QueryValue> | object | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** A call's options with `signal` when there is one (a request may be made without a way to cancel it). */
export const withSignal = (signal: AbortSignal | undefined) => (signal ? { signal } : {});

/** Public paths whose 401 means "wrong password", not "your session is gone". */
const NO_REDIRECT = new Set(["/api/auth/login", "/api/auth/session"]);

/**
 * Calls the API: JSON in and out, Accept-Language from the UI, the CSRF token on writes.
 * Error answers are thrown as ApiError; a 401 also tells the app to show the sign-in page.
 */
export async function request<T>(
  method: Method,
  path: string,
  opts: { query?: object; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", "accept-language": state.language };
  if (method !== "GET") {
    if (state.csrfToken) headers["x-csrf-token"] = state.csrfToken;
    headers["content-type"] = "application/json";
  }
  const init: RequestInit = { method, headers, credentials: "same-origin" };
  if (opts.body !== undefined) init.body = JSON.stringify(opts.body);
  if (opts.signal) init.signal = opts.signal;

  let response: Response;
  try {
    response = await fetch(path + queryString(opts.query), init);
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(0, "network", String(err), undefined, state.language);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = undefined;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const body = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    const error = new ApiError(
      response.status,
      body?.code ?? (response.status >= 500 ? "internal" : "bad_request"),
      body?.message ?? response.statusText,
      body?.details,
      state.language,
    );
    if (response.status === 401 && !NO_REDIRECT.has(path)) state.onUnauthenticated?.(error);
    throw error;
  }
  return data as T;
}

/** Who is sending raw bytes: the CSRF token of the session and the language answers should be in. */
export interface UploadAuth {
  csrfToken: string | undefined;
  lang: Locale;
}

/**
 * POSTs a file's raw bytes (not JSON) with its name in `x-file-name`, as `/api/files` and
 * `/api/imports` take it (PUT for a file that replaces one, such as an advisory's library update);
 * error answers are thrown as ApiError like every other call.
 */
export async function postBytes<T>(path: string, file: File, auth: UploadAuth, method: "POST" | "PUT" = "POST"): Promise<T> {
  const headers: Record<string, string> = {
    accept: "application/json",
    "accept-language": auth.lang,
    "content-type": file.type || "application/octet-stream",
    "x-file-name": encodeURIComponent(file.name),
  };
  if (auth.csrfToken) headers["x-csrf-token"] = auth.csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: file, credentials: "same-origin" });
  } catch (err) {
    throw new ApiError(0, "network", String(err), undefined, auth.lang);
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const body = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    const code = body?.code ?? (response.status === 413 ? "payload_too_large" : response.status >= 500 ? "internal" : "bad_request");
    throw new ApiError(response.status, code, body?.message ?? response.statusText, body?.details, auth.lang);
  }
  return data as T;
}
