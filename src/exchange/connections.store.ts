import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database, ExchangeConnectionsTable } from "../db/schema.ts";
import type { Selectable } from "kysely";
import { publicKeyFromJwk } from "./exchange.keys.ts";
import type { KeyResolution } from "./exchange.jws.ts";
import { Jwks } from "./exchange.party.schema.ts";

export type ConnectionRow = Selectable<ExchangeConnectionsTable>;

export const CONNECTION_DIRECTIONS = ["authority", "member"] as const;
export const CONNECTION_STATUSES = ["pending", "approved", "refused", "revoked"] as const;

/** A connection as the API shows it: never the keys' private parts (there are none here), never another organisation's ids. */
export const connectionView = z.object({
  id: z.string(),
  /** `authority`: an authority this organisation reports to; `member`: an organisation registered with this authority. */
  direction: z.enum(CONNECTION_DIRECTIONS),
  status: z.enum(CONNECTION_STATUSES),
  counterpart: z.object({ party: z.string(), name: z.object({ ja: z.string(), en: z.string() }), sameInstance: z.boolean() }),
  /** The party id this organisation is known by on this connection. */
  selfParty: z.string(),
  sector: z.string().nullable(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
  /** Key ids (RFC 7638 thumbprints) of the counterpart's keys this side holds, to compare by telephone or letter. */
  counterpartKeys: z.array(z.object({ kid: z.string(), retiredAt: z.string().nullable() })),
  version: z.number().int(),
});
export type ConnectionView = z.infer<typeof connectionView>;

export function connectionViewOf(r: ConnectionRow): ConnectionView {
  const keys = Jwks.safeParse(JSON.parse(r.counterpart_keys));
  return {
    id: r.id,
    direction: r.direction as ConnectionView["direction"],
    status: r.status as ConnectionView["status"],
    counterpart: { party: r.counterpart_party, name: { ja: r.counterpart_name_ja, en: r.counterpart_name_en }, sameInstance: r.counterpart_url === null },
    selfParty: r.self_party,
    sector: r.sector,
    requestedAt: r.requested_at,
    decidedAt: r.decided_at,
    note: r.note,
    counterpartKeys: keys.success ? keys.data.keys.map((k) => ({ kid: k.kid ?? "", retiredAt: k.retiredAt ?? null })) : [],
    version: r.version,
  };
}

export async function listConnections(db: Kysely<Database>, orgId: string, direction?: ConnectionView["direction"]): Promise<ConnectionRow[]> {
  let q = db.selectFrom("exchange_connections").selectAll().where("org_id", "=", orgId);
  if (direction) q = q.where("direction", "=", direction);
  return q.orderBy("requested_at", "desc").orderBy("id").execute();
}

export async function findConnection(db: Kysely<Database>, orgId: string, id: string): Promise<ConnectionRow | undefined> {
  return db.selectFrom("exchange_connections").selectAll().where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
}

/** The connection with a counterpart in one direction: `authority` (we report to it) or `member` (it reports to us). */
export async function connectionByParty(db: Kysely<Database>, orgId: string, party: string, direction: ConnectionView["direction"]): Promise<ConnectionRow | undefined> {
  return db.selectFrom("exchange_connections").selectAll().where("org_id", "=", orgId).where("counterpart_party", "=", party).where("direction", "=", direction).executeTakeFirst();
}

/**
 * Resolves a kid among a JWK set a counterpart gave us: the key and its retirement time, or
 * undefined for a kid the set does not hold. Keys that do not parse are skipped.
 */
export function keyFromSet(jwksText: string, kid: string): KeyResolution {
  const parsed = Jwks.safeParse(JSON.parse(jwksText));
  if (!parsed.success) return undefined;
  for (const jwk of parsed.data.keys) {
    if (jwk.kid !== kid) continue;
    try {
      const { key } = publicKeyFromJwk({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, kid: jwk.kid });
      return { key, retiredAt: jwk.retiredAt ?? null };
    } catch {
      return undefined;
    }
  }
  return undefined;
}
