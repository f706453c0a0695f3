import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { ConnectionRow } from "../exchange/connections.store.ts";
import { AppError } from "../platform/errors.ts";
import { fieldText } from "../platform/http/field-messages.ts";
import type { AUDIENCES } from "./requests.schema.ts";

export interface Audience {
  audience: (typeof AUDIENCES)[number];
  connectionId?: string | undefined;
  sector?: string | undefined;
}

/** Who a request or an advisory goes to: approved registered organisations — one, a sector's, or all. Refused when none match. */
export async function recipientsOf(k: Kysely<Database>, orgId: string, a: Audience): Promise<ConnectionRow[]> {
  let q = k.selectFrom("exchange_connections").selectAll().where("org_id", "=", orgId).where("direction", "=", "member").where("status", "=", "approved");
  if (a.audience === "one") q = q.where("id", "=", a.connectionId ?? "");
  if (a.audience === "sector") q = q.where("sector", "=", a.sector ?? "");
  const rows = await q.orderBy("id").execute();
  if (!rows.length) throw new AppError(400, "validation_failed", [{ field: a.audience === "one" ? "body.connectionId" : a.audience === "sector" ? "body.sector" : "body.audience", message: fieldText("no_recipients") }]);
  return rows;
}

/** The audience as stored with the request or advisory (JSON). */
export function audienceJson(a: Audience): string {
  return JSON.stringify({ type: a.audience, ...(a.audience === "one" && { connectionId: a.connectionId }), ...(a.audience === "sector" && { sector: a.sector }) });
}
