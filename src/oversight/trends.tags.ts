import type { Kysely, Selectable } from "kysely";
import type { Statement } from "../db/engine.ts";
import type { Database, OversightIntakeTable } from "../db/schema.ts";
import { pointerTokens } from "./submission.schema.ts";

/** What the trends count submissions by. */
export const TREND_DIMENSIONS = ["sector", "harmType", "right", "generative", "modelProvider", "actorRole", "severity", "kind"] as const;
export type TrendDimension = (typeof TREND_DIMENSIONS)[number];

/** What the trends count: reports of harm — organisations' incident reports and the public's reports. */
export const TRENDED_KINDS: ReadonlySet<string> = new Set(["incident-report", "harm-report"]);

/** Counted: every report of harm except an earlier version of a resubmitted one and one marked a duplicate. */
export function isCounted(r: { status: string; kind: string }): boolean {
  return TRENDED_KINDS.has(r.kind) && r.status !== "superseded" && r.status !== "duplicate";
}

/** The `counters` families: every count, and the counts open data may carry (nothing taken from a confidential part). */
export const TREND_FAMILY = "trend";
export const OPEN_FAMILY = "trend-open";
/** The sector of an organisation that declared none. */
export const UNSPECIFIED = "unspecified";
/** The month of a submission whose month is unknown (or confidential, in open data). */
export const NO_MONTH = "unknown";

/**
 * Where in an incident report each dimension's value comes from: a value is left out of open data
 * when the sender marked any of these parts (or a part inside them, or a whole that holds them)
 * confidential. Sector comes from the registration, kind from the message: never confidential.
 */
const SOURCES: Partial<Record<TrendDimension | "month", string[]>> = {
  severity: ["/incident/severity"],
  harmType: ["/harm/types"],
  right: ["/harm/rightsAffected"],
  modelProvider: ["/aiSystems"],
  generative: ["/aiSystems"],
  actorRole: ["/aiSystems"],
  month: ["/incident/occurredAt", "/incident/detectedAt"],
};

function overlaps(mark: string, source: string): boolean {
  const a = pointerTokens(mark);
  const b = pointerTokens(source);
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i] && !(/^\d+$/.test(a[i]!) && /^\d+$/.test(b[i] ?? ""))) return false;
  return true;
}

function hidden(dimension: TrendDimension | "month", marks: readonly { pointer: string }[]): boolean {
  const sources = SOURCES[dimension];
  return sources !== undefined && marks.some((m) => sources.some((s) => overlaps(m.pointer, s)));
}

type TagRow = Pick<Selectable<OversightIntakeTable>, "id" | "received_at" | "occurred_month" | "kind" | "sector" | "severity" | "harm_types" | "rights" | "generative" | "model_provider" | "actor_role" | "confidential">;

export interface Tag {
  dimension: TrendDimension;
  value: string;
  /** May be counted in open data. */
  open: boolean;
}

/** A submission's values along every trend dimension (several for harm types and rights). */
export function tagsOf(r: TagRow): Tag[] {
  const marks = JSON.parse(r.confidential) as { pointer: string }[];
  const out: Tag[] = [];
  const add = (dimension: TrendDimension, value: string | null) => {
    if (value !== null && value !== "") out.push({ dimension, value: value.slice(0, 200), open: !hidden(dimension, marks) });
  };
  add("kind", r.kind);
  add("sector", r.sector ?? UNSPECIFIED);
  add("severity", r.severity);
  for (const t of JSON.parse(r.harm_types) as string[]) add("harmType", t);
  for (const t of JSON.parse(r.rights) as string[]) add("right", t);
  add("generative", r.generative === null ? null : r.generative ? "yes" : "no");
  add("modelProvider", r.model_provider);
  add("actorRole", r.actor_role);
  return out;
}

/** The month a submission is counted under, in all counts and in open data. */
function monthsOf(r: TagRow): { all: string; open: string } {
  const all = r.occurred_month ?? NO_MONTH;
  return { all, open: hidden("month", JSON.parse(r.confidential) as { pointer: string }[]) ? NO_MONTH : all };
}

/**
 * Moves the trends from a counted submission's old state to its new one, in the caller's
 * transaction: `before` (taken out; undefined for a new submission or one not counted before)
 * and `after` (put in; undefined when it stops being counted). Its drill-down tags, and the
 * `counters` rows `<dimension>|<month>|<value>` of both families.
 */
export async function applyTrend(trx: Kysely<Database>, orgId: string, before: TagRow | undefined, after: TagRow | undefined): Promise<void> {
  for (const statement of trendWrites(trx, orgId, before ? [before] : [], after ? [after] : [])) await statement.execute();
}

/**
 * The statements {@link applyTrend} runs, for submissions taken out (`before`) and put in
 * (`after`) at once, for a caller that runs them together with its own (`writeTogether`, when no
 * submission is in both). The counters move by
 * their net change in one statement, in key order: two transactions then lock shared counters in
 * the same order, and none waits for the other while holding what the other needs.
 */
export function trendWrites(trx: Kysely<Database>, orgId: string, before: readonly TagRow[], after: readonly TagRow[]): Statement[] {
  const out: Statement[] = [];
  const net = new Map<string, number>();
  const count = (r: TagRow, delta: number) => {
    const tags = tagsOf(r);
    const months = monthsOf(r);
    const add = (name: string, key: string) => net.set(`${name}\u0000${key}`, (net.get(`${name}\u0000${key}`) ?? 0) + delta);
    for (const t of tags) add(TREND_FAMILY, `${t.dimension}|${months.all}|${t.value}`);
    for (const t of tags) if (t.open) add(OPEN_FAMILY, `${t.dimension}|${months.open}|${t.value}`);
    return tags;
  };
  for (const r of before) count(r, -1);
  if (before.length) out.push(trx.deleteFrom("oversight_intake_tags").where("org_id", "=", orgId).where("intake_id", "in", before.map((r) => r.id)));
  const tagRows = after.flatMap((r) => count(r, 1).map((t) => ({ org_id: orgId, dimension: t.dimension, value: t.value, received_at: r.received_at, intake_id: r.id })));
  if (tagRows.length) out.push(trx.insertInto("oversight_intake_tags").values(tagRows).onConflict((oc) => oc.doNothing()));
  const rows = [...net].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (rows.length) {
    out.push(
      trx
        .insertInto("counters")
        .values(rows.map(([k, n]) => ({ org_id: orgId, name: k.slice(0, k.indexOf("\u0000")), key: k.slice(k.indexOf("\u0000") + 1), n })))
        .onConflict((oc) => oc.columns(["org_id", "name", "key"]).doUpdateSet((eb) => ({ n: eb("counters.n", "+", eb.ref("excluded.n")) }))),
    );
  }
  return out;
}
