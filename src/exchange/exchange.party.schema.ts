import { z } from "zod";

/** The party descriptor's format name: what an instance publishes about one of its authorities. */
export const PARTY_FORMAT = "musubi-exchange-party/1";

const Jwk = z.object({ kty: z.string(), crv: z.string(), x: z.string(), kid: z.string().optional(), alg: z.string().optional(), use: z.string().optional(), retiredAt: z.string().optional() }).passthrough();
export const Jwks = z.object({ keys: z.array(Jwk).min(1).max(50) });
const Names = z.object({ ja: z.string().min(1).max(200), en: z.string().min(1).max(200) });

/** What an instance publishes about an authority, so an organisation elsewhere can register with it. */
export const PartyDescriptor = z.object({
  format: z.literal(PARTY_FORMAT),
  party: z.string().regex(/^[\x21-\x7e]{1,512}$/),
  slug: z.string().min(1).max(100),
  kind: z.literal("authority"),
  name: Names,
  messages: z.string().url().max(2000),
  keys: Jwks,
});
export type PartyDescriptor = z.infer<typeof PartyDescriptor>;

