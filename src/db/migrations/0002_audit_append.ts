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
  // Hashes are chained one by one (each needs the previous), then all rows go in with one INSERT.
  await sql
    .raw(
      `CREATE FUNCTION musubi_audit_append(p_org text, p_ts text, p_events json) RETURNS bigint
       LANGUAGE plpgsql AS $$
       DECLARE
         v_seq bigint;
         v_first bigint;
         v_prev text;
         v_prevs text[] := '{}';
         v_hashes text[] := '{}';
         e json;
       BEGIN
         PERFORM pg_advisory_xact_lock(hashtextextended(p_org, 7001));
         SELECT seq, hash INTO v_seq, v_prev FROM audit_log WHERE org_id = p_org ORDER BY seq DESC LIMIT 1;
         IF NOT FOUND THEN
           v_seq := 0;
           v_prev := repeat('0', 64);
         END IF;
         v_first := v_seq + 1;
         FOR e IN SELECT value FROM json_array_elements(p_events) LOOP
           v_seq := v_seq + 1;
           v_prevs := v_prevs || v_prev;
           v_prev := encode(sha256(convert_to(
             'musubi-audit-v1' || musubi_audit_field(p_org) || musubi_audit_field(v_seq::text) ||
             musubi_audit_field(p_ts) || musubi_audit_field(e->>0) || musubi_audit_field(e->>1) ||
             musubi_audit_field(e->>2) || musubi_audit_field(e->>3) || musubi_audit_field(e->>4) ||
             musubi_audit_field(e->>5) || musubi_audit_field(e->>6) || musubi_audit_field(e->>7) ||
             musubi_audit_field(e->>8) || musubi_audit_field(v_prev), 'UTF8')), 'hex');
           v_hashes := v_hashes || v_prev;
         END LOOP;
         INSERT INTO audit_log (org_id, seq, ts, actor_type, actor_id, actor_label, action, entity_type,
                                entity_id, before_json, after_json, request_id, prev_hash, hash)
         SELECT p_org, v_first + x.n - 1, p_ts, x.e->>0, x.e->>1, x.e->>2, x.e->>3, x.e->>4, x.e->>5,
                x.e->>6, x.e->>7, x.e->>8, v_prevs[x.n], v_hashes[x.n]
           FROM json_array_elements(p_events) WITH ORDINALITY AS x(e, n)
          ORDER BY x.n;
         RETURN v_seq;
       END $$`,
    )
    .execute(db);
}
