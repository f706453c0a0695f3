import { AppError, errorBody } from "../platform/errors.ts";
import { OutboundRefused, requestOutbound } from "../platform/outbound.ts";
import { MAX_RECEIPT_BYTES } from "./exchange.receipt.ts";
import { describeParty, PartyDescriptor, type ExchangeEnv } from "./exchange.party.ts";

const TIMEOUT_MS = 15_000;
/** An answer to a message is a receipt or an error: never more than this. */
const MAX_ANSWER_BYTES = MAX_RECEIPT_BYTES + 16 * 1024;
const MAX_DESCRIPTOR_BYTES = 256 * 1024;

/** What the recipient answered a message: its HTTP status and JSON body. */
export interface Delivered {
  status: number;
  body: unknown;
}

/**
 * Sends a signed message to its recipient: in-process when the recipient is an organisation of
 * this instance (`url` null, its slug given), else an HTTPS POST of the compact JWS as
 * `application/jose` through the outbound guard. Network failures throw; any HTTP answer is returned.
 */
let inbox: Promise<typeof import("./exchange.inbox.ts")> | undefined;

export async function sendMessage(env: ExchangeEnv, to: { url: string | null; slug: string }, jws: string): Promise<Delivered> {
  if (to.url === null) {
    // Loaded here, not at the top: the inbox's handlers send messages too. Once: an import() per
    // message costs a module resolution each time (measured in the fan-out benchmark).
    const { receiveMessage } = await (inbox ??= import("./exchange.inbox.ts"));
    return receiveMessage(env, to.slug, jws, { address: "local", local: true });
  }
  const answer = await requestOutbound(
    to.url,
    { method: "POST", headers: { "content-type": "application/jose", accept: "application/json", "user-agent": "Musubi-Exchange/1" }, body: jws, timeoutMs: TIMEOUT_MS, maxResponseBytes: MAX_ANSWER_BYTES },
    env.outbound,
  );
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    body = undefined;
  }
  return { status: answer.status, body };
}

/** An in-process answer in the same shape as an HTTP one. */
export function answerOf(err: unknown): Delivered {
  if (err instanceof AppError) return { status: err.status, body: errorBody(err.code, "en", err.details) };
  throw err;
}

/**
 * The descriptor of an authority: read from this instance when `url` is null or this instance's
 * own, else fetched from `<url>/api/exchange/parties/<slug>`. Refused as
 * `exchange_party_unreachable` when the other instance cannot be reached or answers nonsense, and
 * `exchange_party_not_found` when it has no such authority.
 */
export async function fetchParty(env: ExchangeEnv, url: string | null, slug: string): Promise<{ descriptor: PartyDescriptor; local: boolean }> {
  const base = url?.replace(/\/+$/, "") ?? null;
  if (base === null || base === env.base) {
    const descriptor = await describeParty(env, slug);
    if (!descriptor) throw new AppError(404, "exchange_party_not_found");
    return { descriptor, local: true };
  }
  let answer;
  try {
    answer = await requestOutbound(
      `${base}/api/exchange/parties/${encodeURIComponent(slug)}`,
      { method: "GET", headers: { accept: "application/json", "user-agent": "Musubi-Exchange/1" }, timeoutMs: TIMEOUT_MS, maxResponseBytes: MAX_DESCRIPTOR_BYTES },
      env.outbound,
    );
  } catch (err) {
    throw new AppError(502, "exchange_party_unreachable", { reason: err instanceof OutboundRefused ? "refused" : "network", message: err instanceof Error ? err.message.slice(0, 300) : String(err) });
  }
  if (answer.status === 404) throw new AppError(404, "exchange_party_not_found");
  if (answer.status !== 200) throw new AppError(502, "exchange_party_unreachable", { reason: "status", status: answer.status });
  let parsed;
  try {
    parsed = PartyDescriptor.safeParse(JSON.parse(answer.body));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) throw new AppError(502, "exchange_party_unreachable", { reason: "descriptor" });
  return { descriptor: parsed.data, local: false };
}
