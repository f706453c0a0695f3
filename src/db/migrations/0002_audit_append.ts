import { sql, type Kysely } from "kysely";
import type { DialectName } from "../connect.ts";

/**
 * PostgreSQL only: chains ledger entries inside the database. `musubi_audit_append` takes the
 * organisation's advisory lock, reads the head and inserts the entries with the same SHA-256 as
 * `hashValues` in src/audit/audit.hash.ts. Sent in one message with COMMIT, the lock is then held
 * for server-side work and the commit alone — never across a round trip to a busy application —
 * which is what lets many writers share one organisation's chain (see docs/audit-ledger.md).
 * SQLite has a single writer and chains in the application.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect !== "postgres") return;
  await sql
    .raw(
      `CREATE FUNCTION musubi_audit_field(v text) RETURNS text LANGUAGE sql IMMUTABLE AS
       $$ SELECT CASE WHEN v IS NULL THEN '|-' ELSE '|' || octet_length(v) || ':' || v END $$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE FUNCTION musubi_audit_append(p_org text, p_ts text, p_events json) RETURNS bigint
       LANGUAGE plpgsql AS $$
       DECLARE
         v_seq bigint;
         v_prev text;
         v_hash text;
         e json;
       BEGIN
         PERFORM pg_advisory_xact_lock(hashtextextended(p_org, 7001));
         SELECT seq, hash INTO v_seq, v_prev FROM audit_log WHERE org_id = p_org ORDER BY seq DESC LIMIT 1;
         IF NOT FOUND THEN
           v_seq := 0;
           v_prev := repeat('0', 64);
         END IF;
         FOR e IN SELECT value FROM json_array_elements(p_events) LOOP
           v_seq := v_seq + 1;
           v_hash := encode(sha256(convert_to(
             'musubi-audit-v1' || musubi_audit_field(p_org) || musubi_audit_field(v_seq::text) ||
             musubi_audit_field(p_ts) || musubi_audit_field(e->>0) || musubi_audit_field(e->>1) ||
             musubi_audit_field(e->>2) || musubi_audit_field(e->>3) || musubi_audit_field(e->>4) ||
             musubi_audit_field(e->>5) || musubi_audit_field(e->>6) || musubi_audit_field(e->>7) ||
             musubi_audit_field(e->>8) || musubi_audit_field(v_prev), 'UTF8')), 'hex');
           INSERT INTO audit_log (org_id, seq, ts, actor_type, actor_id, actor_label, action, entity_type,
                                  entity_id, before_json, after_json, request_id, prev_hash, hash)
           VALUES (p_org, v_seq, p_ts, e->>0, e->>1, e->>2, e->>3, e->>4, e->>5, e->>6, e->>7, e->>8, v_prev, v_hash);
           v_prev := v_hash;
         END LOOP;
         RETURN v_seq;
       END $$`,
    )
    .execute(db);
}
