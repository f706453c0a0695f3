import type { Transaction } from "kysely";
import { audited, type ChangeContext, type RecordChange } from "../audit/audited.ts";
import type { Database } from "../db/schema.ts";
import type { Library } from "../library/library.model.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { fieldText } from "../platform/http/field-messages.ts";
import { newId } from "../platform/ids.ts";
import { nowIso } from "../platform/time.ts";
import { connectionByParty, connectionViewOf, findConnection, type ConnectionRow, type ConnectionView } from "./connections.store.ts";
import { ensureExchangeKey, exchangeJwks } from "./exchange.keys.ts";
import { messagesUrlOf, partyIdOf, wrapKeyOf, type ExchangeEnv } from "./exchange.party.ts";
import { queueOutgoing } from "./exchange.outgoing.ts";
import { fetchParty } from "./exchange.transport.ts";
import { DECISION_SCHEMA, REGISTRATION_SCHEMA, type DecisionPayload, type RegistrationPayload } from "./registration.schema.ts";

/** The sector values an organisation can declare: the profile question `sector` of the library. */
export function sectorValues(library: Library): string[] {
  return library.profile.questions.find((q) => q.id === "sector")?.options?.map((o) => o.value) ?? [];
}

export interface ConnectInput {
  /** The authority's instance (its base URL); null or this instance's own URL for an authority here. */
  url: string | null;
  authoritySlug: string;
  sector: string | null;
  note: string | null;
}

/** The organisation's public keys as its counterparts are given them, its current key made on first use. */
async function ownKeys(env: ExchangeEnv, orgId: string) {
  await ensureExchangeKey(env.db.kysely, wrapKeyOf(env), orgId);
  return exchangeJwks(env.db.kysely, orgId);
}

async function orgOf(env: ExchangeEnv, orgId: string) {
  return env.db.kysely.selectFrom("organizations").select(["id", "slug", "name_ja", "name_en", "kind"]).where("id", "=", orgId).executeTakeFirstOrThrow();
}

/**
 * Registers the organisation with an authority: reads the authority's descriptor (its party id,
 * name, keys and where it receives messages), keeps it as a pending connection, and sends the
 * authority a registration signed by the organisation's own key and carrying it. The authority's
 * people approve or refuse it; their answer comes back signed and settles the connection.
 */
export async function connectToAuthority(env: ExchangeEnv, who: ChangeContext, library: Library, input: ConnectInput): Promise<ConnectionView> {
  if (input.sector !== null && !sectorValues(library).includes(input.sector)) throw new AppError(400, "validation_failed", [{ field: "body.sector", message: fieldText("unknown_sector") }]);
  const org = await orgOf(env, who.orgId);
  const { descriptor, local } = await fetchParty(env, input.url, input.authoritySlug);
  const self = partyIdOf(env.base, org.slug);
  if (descriptor.party === self) throw new AppError(400, "exchange_self_connection");
  const existing = await connectionByParty(env.db.kysely, org.id, descriptor.party, "authority");
  if (existing && (existing.status === "pending" || existing.status === "approved")) throw new AppError(409, "exchange_already_connected", { status: existing.status });
  const keys = await ownKeys(env, org.id);
  const now = nowIso();
  const row: ConnectionRow = {
    id: existing?.id ?? newId("xcn"),
    org_id: org.id,
    direction: "authority",
    self_party: self,
    counterpart_party: descriptor.party,
    counterpart_url: local ? null : descriptor.messages,
    counterpart_slug: descriptor.slug,
    counterpart_name_ja: descriptor.name.ja,
    counterpart_name_en: descriptor.name.en,
    counterpart_keys: JSON.stringify(descriptor.keys),
    sector: input.sector,
    status: "pending",
    requested_at: now,
    decided_at: null,
    note: input.note,
    version: (existing?.version ?? 0) + 1,
  };
  const payload: RegistrationPayload = {
    format: REGISTRATION_SCHEMA,
    party: self,
    slug: org.slug,
    name: { ja: org.name_ja, en: org.name_en },
    messages: local ? null : messagesUrlOf(env.base, org.slug),
    sector: input.sector,
    keys: keys as RegistrationPayload["keys"],
    note: input.note,
  };
  await audited(env.db, who, async (trx, record) => {
    if (existing) await trx.updateTable("exchange_connections").set(row).where("id", "=", existing.id).where("org_id", "=", org.id).execute();
    else await trx.insertInto("exchange_connections").values(row).execute();
    const sent = await queueOutgoing(trx, { orgId: org.id, connection: row, kind: "registration", schema: REGISTRATION_SCHEMA, payload, subject: { type: "exchange_connection", id: row.id, label: descriptor.name.en }, createdBy: who.actor.label });
    record({ action: "exchange.connection_requested", entityType: "exchange_connection", entityId: row.id, after: { authority: descriptor.party, authorityName: descriptor.name, sector: input.sector, submission: sent.id } });
  });
  return connectionViewOf(row);
}

/**
 * The authority's decision on a pending registration: the connection is approved (its messages are
 * accepted from now on) or refused, and the organisation is told, signed, through the outbox.
 */
export async function decideRegistration(env: ExchangeEnv, who: ChangeContext, id: string, decision: "approved" | "refused", note: string | null): Promise<ConnectionView> {
  const org = await orgOf(env, who.orgId);
  const conn = await findConnection(env.db.kysely, org.id, id);
  if (!conn || conn.direction !== "member") throw notFound();
  if (conn.status !== "pending") throw new AppError(409, "exchange_not_pending", { status: conn.status });
  const keys = await ownKeys(env, org.id);
  const now = nowIso();
  const payload: DecisionPayload = { format: DECISION_SCHEMA, decision, name: { ja: org.name_ja, en: org.name_en }, keys: keys as DecisionPayload["keys"], note };
  const updated = await audited(env.db, who, async (trx, record) => {
    const row = await trx
      .updateTable("exchange_connections")
      .set({ status: decision, decided_at: now, note, version: conn.version + 1 })
      .where("id", "=", conn.id)
      .where("org_id", "=", org.id)
      .where("version", "=", conn.version)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError(409, "conflict");
    await queueOutgoing(trx, { orgId: org.id, connection: row, kind: "registration", schema: DECISION_SCHEMA, payload, subject: { type: "exchange_connection", id: row.id, label: row.counterpart_name_en }, createdBy: who.actor.label, idempotencyKey: `decision-${row.id}-${row.version}` });
    record({ action: decision === "approved" ? "exchange.connection_approved" : "exchange.connection_refused", entityType: "exchange_connection", entityId: row.id, before: { status: conn.status }, after: { status: decision, organisation: row.counterpart_party, note } });
    return row;
  });
  return connectionViewOf(updated);
}

/** Where a registration arrived from: another instance over HTTPS, or this one. */
export interface Arrival {
  local: boolean;
}

/**
 * A registration received by an authority: a new organisation becomes a pending connection; one
 * that was refused or revoked applies again; an approved one updates its keys, name and sector
 * (that is how its key rotations reach the authority — the message was signed by a key it had).
 */
export async function storeRegistration(trx: Transaction<Database>, orgId: string, selfParty: string, p: RegistrationPayload, iss: string, arrival: Arrival, record: RecordChange): Promise<void> {
  if (p.party !== iss) throw new AppError(400, "exchange_malformed", { reason: "payload.party" });
  if (p.messages === null && !arrival.local) throw new AppError(400, "exchange_malformed", { reason: "payload.messages" });
  const existing = await connectionByParty(trx, orgId, iss, "member");
  const now = nowIso();
  const fields = {
    counterpart_url: arrival.local ? null : p.messages,
    counterpart_slug: p.slug,
    counterpart_name_ja: p.name.ja,
    counterpart_name_en: p.name.en,
    counterpart_keys: JSON.stringify(p.keys),
    sector: p.sector,
  };
  if (!existing) {
    const id = newId("xcn");
    await trx.insertInto("exchange_connections").values({ id, org_id: orgId, direction: "member", self_party: selfParty, counterpart_party: iss, ...fields, status: "pending", requested_at: now, decided_at: null, note: p.note, version: 1 }).execute();
    record({ action: "exchange.registration_received", entityType: "exchange_connection", entityId: id, after: { organisation: iss, name: p.name, sector: p.sector, keys: p.keys.keys.map((k) => k.kid) } });
    return;
  }
  const reapplies = existing.status === "refused" || existing.status === "revoked";
  await trx
    .updateTable("exchange_connections")
    .set({ ...fields, ...(reapplies && { status: "pending", requested_at: now, decided_at: null, note: p.note }), version: existing.version + 1 })
    .where("id", "=", existing.id)
    .where("org_id", "=", orgId)
    .execute();
  record({ action: "exchange.registration_received", entityType: "exchange_connection", entityId: existing.id, before: { status: existing.status }, after: { organisation: iss, name: p.name, sector: p.sector, keys: p.keys.keys.map((k) => k.kid), status: reapplies ? "pending" : existing.status } });
}

/** The authority's decision, received by the organisation that asked: settles its pending connection. */
export async function storeDecision(trx: Transaction<Database>, conn: ConnectionRow, p: DecisionPayload, record: RecordChange): Promise<void> {
  if (conn.direction !== "authority") throw new AppError(403, "exchange_unregistered_sender");
  await trx
    .updateTable("exchange_connections")
    .set({ status: p.decision, decided_at: nowIso(), counterpart_keys: JSON.stringify(p.keys), counterpart_name_ja: p.name.ja, counterpart_name_en: p.name.en, version: conn.version + 1 })
    .where("id", "=", conn.id)
    .where("org_id", "=", conn.org_id)
    .execute();
  record({ action: "exchange.decision_received", entityType: "exchange_connection", entityId: conn.id, before: { status: conn.status }, after: { status: p.decision, authority: conn.counterpart_party, note: p.note } });
}

