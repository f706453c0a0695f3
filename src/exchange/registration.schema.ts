import { z } from "zod";
import { Jwks } from "./exchange.party.schema.ts";

/** An organisation's request to register with an authority, signed by the key it carries (docs/exchange.md). */
export const REGISTRATION_SCHEMA = "musubi-exchange-registration/1";
/** An authority's answer to a registration, signed by the key the organisation read from its descriptor. */
export const DECISION_SCHEMA = "musubi-exchange-registration-decision/1";

const Names = z.strictObject({ ja: z.string().min(1).max(200), en: z.string().min(1).max(200) });
const Note = z.string().max(2000).nullable();

export const RegistrationPayload = z.strictObject({
  format: z.literal(REGISTRATION_SCHEMA),
  /** The organisation's party id: the message's `iss`. */
  party: z.string().regex(/^[\x21-\x7e]{1,512}$/),
  slug: z.string().min(1).max(100),
  name: Names,
  /** Where the organisation receives the authority's messages; null only between organisations of one instance. */
  messages: z.string().url().max(2000).refine((u) => /^https?:\/\//.test(u)).nullable(),
  /** A value of the profile question `sector` (library/profile/questions.json), or null. */
  sector: z.string().max(100).nullable(),
  /** Its public keys, current and retired: the current one signs this message. */
  keys: Jwks,
  note: Note,
});
export type RegistrationPayload = z.infer<typeof RegistrationPayload>;

export const DecisionPayload = z.strictObject({
  format: z.literal(DECISION_SCHEMA),
  decision: z.enum(["approved", "refused"]),
  name: Names,
  keys: Jwks,
  note: Note,
});
export type DecisionPayload = z.infer<typeof DecisionPayload>;
