import { sql, type RawBuilder } from "kysely";
import { z } from "zod";

/** Page size bounds for every list endpoint. */
export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 50;

/**
 * The list conventions every collection endpoint follows:
 * `?limit=50&offset=0&sort=-createdAt&q=…&<filter>=…`. `sort` names one whitelisted field, `-` for
 * descending. Unknown parameters are refused (a misspelt filter must not silently match everything).
 * Answers are `{ items, total, limit, offset }`.
 */
export function listQuery<S extends string, F extends z.ZodRawShape>(opts: {
  sortable: readonly [S, ...S[]];
  defaultSort: `${"" | "-"}${S}`;
  filters: F;
}) {
  const sortValues = opts.sortable.flatMap((s) => [s, `-${s}`]) as [string, ...string[]];
  return z.strictObject({
    limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
    sort: z.enum(sortValues).default(opts.defaultSort),
    /** Free-text search over the list's main text fields, in Japanese or English. */
    q: z.string().trim().min(1).max(200).optional(),
    ...opts.filters,
  });
}

export interface Page<T> {
  items: T[];
  total: number;
  /** Set when `total` is a lower bound: at least that many match (lists that cap their counts). */
  totalCapped?: true;
  limit: number;
  offset: number;
}

/** Splits `-createdAt` into the field and a direction. */
export function parseSort<S extends string>(sort: string): { field: S; direction: "asc" | "desc" } {
  return sort.startsWith("-")
    ? { field: sort.slice(1) as S, direction: "desc" }
    : { field: sort as S, direction: "asc" };
}

/** OpenAPI/zod schema of a page of `item`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), totalCapped: z.literal(true).optional(), limit: z.number().int(), offset: z.number().int() });
}

/** Escapes `%`, `_` and `\` so user text is matched literally inside a LIKE pattern. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/**
 * `lower(column) LIKE '%text%' ESCAPE '\'`: a case-insensitive substring match that behaves the
 * same on SQLite (whose LIKE has no default escape) and PostgreSQL (whose LIKE is case-sensitive).
 */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  return sql<boolean>`lower(${sql.ref(column)}) like ${likePattern(text.toLowerCase())} escape '\\'`;
}
