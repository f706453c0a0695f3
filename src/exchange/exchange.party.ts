import type { z } from "zod";
import type { Db } from "../db/connect.ts";
import type { Config } from "../platform/config.ts";
import type { OutboundPolicy } from "../platform/outbound.ts";
import { ensureWrapKey, type WrapKey } from "./exchange.seal.ts";
import { ensureExchangeKey, exchangeJwks } from "./exchange.keys.ts";
import { PARTY_FORMAT, type Jwks, type PartyDescriptor } from "./exchange.party.schema.ts";

export { Jwks, PARTY_FORMAT, PartyDescriptor } from "./exchange.party.schema.ts";

/** What the exchange needs besides the request: the database, the wrapping key, this instance's address and the outbound guard. */
export interface ExchangeEnv {
  db: Db;
  dataDir: string;
  /** This instance's base URL, no trailing slash: party ids and message endpoints start with it. */
  base: string;
  outbound: OutboundPolicy;
}

export function exchangeEnvOf(db: Db, config: Config, outbound: OutboundPolicy): ExchangeEnv {
  return { db, dataDir: config.dataDir, base: instanceBase(config), outbound };
}

/** `MUSUBI_PUBLIC_URL`, or where a local server listens when it is unset. */
export function instanceBase(config: Pick<Config, "publicUrl" | "port">): string {
  return config.publicUrl || `http://localhost:${config.port}`;
}

/** Musubi's party id for an organisation of this instance (docs/exchange.md, "Parties"). */
export function partyIdOf(base: string, slug: string): string {
  return `${base}/orgs/${slug}`;
}

/** Where an organisation of this instance receives messages. */
export function messagesUrlOf(base: string, slug: string): string {
  return `${base}/api/exchange/parties/${encodeURIComponent(slug)}/messages`;
}

const wrapKeys = new Map<string, WrapKey>();

/** The data folder's wrapping key, read once per process. */
export function wrapKeyOf(env: Pick<ExchangeEnv, "dataDir">): WrapKey {
  let wrap = wrapKeys.get(env.dataDir);
  if (!wrap) wrapKeys.set(env.dataDir, (wrap = ensureWrapKey(env.dataDir)));
  return wrap;
}

/**
 * The descriptor of an authority of this instance (its keys created on first use), or undefined
 * for an unknown slug or an ordinary organisation: only authorities are discoverable; an
 * organisation's key travels in its registration.
 */
export async function describeParty(env: ExchangeEnv, slug: string): Promise<PartyDescriptor | undefined> {
  const org = await env.db.kysely.selectFrom("organizations").select(["id", "slug", "name_ja", "name_en", "kind"]).where("slug", "=", slug).executeTakeFirst();
  if (!org || org.kind !== "authority") return undefined;
  await ensureExchangeKey(env.db.kysely, wrapKeyOf(env), org.id);
  return {
    format: PARTY_FORMAT,
    party: partyIdOf(env.base, org.slug),
    slug: org.slug,
    kind: "authority",
    name: { ja: org.name_ja, en: org.name_en },
    messages: messagesUrlOf(env.base, org.slug),
    keys: (await exchangeJwks(env.db.kysely, org.id)) as z.infer<typeof Jwks>,
  };
}
