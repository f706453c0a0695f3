import { ApiError } from "../../api/client.ts";
import type { FactValue, Facts, ProfileQuestionView } from "../../api/types.ts";
import { todayIso } from "../../components/dates.ts";

/** The profile being edited: the answers and the date results are computed for. */
export interface ProfileDraft {
  facts: Facts;
  /** YYYY-MM-DD; empty means today (the server's default, in Japan). */
  asOf: string;
}

const STORAGE_KEY = "musubi.applicability.profile";


function isFactValue(v: unknown): v is FactValue {
  return typeof v === "boolean" || typeof v === "string" || (Array.isArray(v) && v.every((x) => typeof x === "string"));
}

function asFacts(raw: unknown): Facts {
  const out: Facts = {};
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return out;
  for (const [k, v] of Object.entries(raw)) if (isFactValue(v)) out[k] = v;
  return out;
}

/** The profile kept in this tab, so a reload does not lose the answers. */
export function loadStoredProfile(): ProfileDraft | undefined {
  try {
    const text = sessionStorage.getItem(STORAGE_KEY);
    if (!text) return undefined;
    const data = JSON.parse(text) as { facts?: unknown; asOf?: unknown };
    return { facts: asFacts(data.facts), asOf: typeof data.asOf === "string" && data.asOf ? data.asOf : todayIso() };
  } catch {
    return undefined;
  }
}

export function storeProfile(draft: ProfileDraft): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
  } catch {
    // Storage disabled: the profile lasts as long as the page.
  }
}

/** The answers with one changed; `undefined` removes the answer (back to "not answered"). */
export function withAnswer(facts: Facts, id: string, value: FactValue | undefined): Facts {
  const next = { ...facts };
  if (value === undefined) delete next[id];
  else next[id] = value;
  return next;
}

/**
 * A saved profile as a file: `{"facts": {...}, "asOf": …}`, the shape `musubi applicability --profile`
 * reads too.
 */
export function profileFileText(draft: ProfileDraft, libraryVersion: string | undefined): string {
  const body: Record<string, unknown> = { facts: draft.facts };
  if (draft.asOf) body.asOf = draft.asOf;
  if (libraryVersion) body.libraryVersion = libraryVersion;
  return `${JSON.stringify(body, null, 2)}\n`;
}

export interface LoadedProfile {
  facts: Facts;
  asOf?: string;
  /** Keys that are not questions of this library (or whose values are not answers): left out. */
  dropped: string[];
}

/** Reads a profile file (`{"facts": {...}}` or the facts object itself); throws SyntaxError on bad JSON. */
export function parseProfileFile(text: string, questions: ProfileQuestionView[]): LoadedProfile {
  const raw = JSON.parse(text) as unknown;
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new SyntaxError("not a JSON object");
  const record = raw as Record<string, unknown>;
  const source = record.facts && typeof record.facts === "object" ? (record.facts as Record<string, unknown>) : record;
  const known = new Set(questions.map((q) => q.id));
  const facts: Facts = {};
  const dropped: string[] = [];
  for (const [k, v] of Object.entries(source)) {
    if (source === record && (k === "asOf" || k === "libraryVersion")) continue;
    if (known.has(k) && isFactValue(v)) facts[k] = v;
    else dropped.push(k);
  }
  const asOf = typeof record.asOf === "string" && /^\d{4}-\d{2}-\d{2}$/.test(record.asOf) ? record.asOf : undefined;
  return { facts, ...(asOf ? { asOf } : {}), dropped };
}

/** A refused profile's messages: by question id (`facts.<id>`), and the rest. */
export function profileIssues(error: unknown): { byFact: Record<string, string[]>; other: string[] } {
  const byFact: Record<string, string[]> = {};
  const other: string[] = [];
  if (!(error instanceof ApiError)) return { byFact, other };
  for (const issue of error.fieldIssues) {
    const id = /^facts\.(.+)$/.exec(issue.field)?.[1];
    if (id) (byFact[id] ??= []).push(issue.message);
    else other.push(issue.message);
  }
  return { byFact, other };
}

/**
 * Keeps the answers in step with the questions the last report asked: answers to questions no
 * longer asked are set aside (and so stop counting), and set-aside answers come back when their
 * question is asked again. Undefined when nothing changes.
 */
export function reconcile(facts: Facts, asked: readonly string[], stash: Facts): { facts: Facts; stash: Facts } | undefined {
  const shown = new Set(asked);
  const hidden = Object.keys(facts).filter((id) => !shown.has(id));
  const restore = asked.filter((id) => !(id in facts) && id in stash);
  if (hidden.length === 0 && restore.length === 0) return undefined;
  const nextFacts: Facts = {};
  const nextStash: Facts = { ...stash };
  for (const [id, v] of Object.entries(facts)) {
    if (shown.has(id)) nextFacts[id] = v;
    else nextStash[id] = v;
  }
  for (const id of restore) {
    nextFacts[id] = stash[id]!;
    delete nextStash[id];
  }
  return { facts: nextFacts, stash: nextStash };
}
