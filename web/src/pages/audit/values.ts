import { partWords } from "../oversight/confidential-parts.ts";
import { idText, isInternalId, listSeparator, type LedgerWords } from "./words.ts";

/** Dictionaries that already name a field's values, so the ledger says what the forms say. */
const VALUE_PREFIX: Record<string, string> = {
  role: "role.",
  effectiveRole: "role.",
  lifecycle: "systems.lifecycle.",
  euClass: "systems.euClass.",
  severity: "incidents.severity.",
  harmLevel: "incidents.harmLevel.",
  harmTypes: "incidents.harmType.",
  rights: "incidents.right.",
  personalData: "incidents.tristate.",
  sensitiveData: "incidents.tristate.",
  source: "incidents.source.",
  treatment: "risks.treatment.",
  answer: "compliance.status.",
  effective: "compliance.status.",
  cycle: "schedules.cycle.",
  subjectType: "tasks.subjectType.",
  rating: "vendors.rating.",
  suggestedRating: "vendors.rating.",
  locale: "language.",
  defaultLocale: "language.",
  format: "imports.format.",
  reason: "audit.value.reason.",
  via: "audit.value.via.",
  type: "audit.value.linkType.",
  // A task completed by a review names the review's action (`risk.reviewed`); webhooks name events.
  roles: "disclosures.role.",
  path: "disclosures.path.",
  wording: "disclosures.wording.",
  sourceFormat: "libraryOwn.format.",
  by: "audit.action.",
  event: "audit.action.",
  events: "audit.action.",
};

/** `status` and `kind` mean different things on different records. */
const BY_TYPE: Record<string, Record<string, string>> = {
  status: {
    haip_report: "audit.value.reportStatus.",
    risk: "risks.status.",
    incident: "incidents.status.",
    task: "tasks.status.",
    vendor: "vendors.status.",
    control: "compliance.status.",
    user: "status.",
    import: "imports.status.",
    approval: "approvals.status.",
    oversight_intake: "oversight.status.",
    oversight_case: "oversight.caseStatus.",
    exchange_connection: "oversight.connectionStatus.",
    exchange_submission: "dealings.status.",
    oversight_publication: "oversight.publicationStatus.",
    oversight_advisory: "oversight.advisoryStatus.",
    dealing: "dealings.status.",
  },
  kind: { task: "tasks.kind.", vendor: "vendors.kind.", evidence: "evidence.kind.", publication: "audit.value.publicationKind.", exchange_submission: "dealings.kind.", exchange_message: "dealings.kind.", dealing: "dealings.dealingKind." },
  // What a publication is about (a case, an advisory, statistics); elsewhere the type of a task's subject.
  subjectType: { oversight_publication: "oversight.publicationKind." },
  // A publication notice's stage (notice, published, withdrawn); an approval's stage is a number.
  stage: { dealing: "dealings.noticeStage." },
  // Who a request or an advisory goes to (`audience.type`: all, a sector, one organisation).
  type: { oversight_request: "oversight.audience.", oversight_advisory: "oversight.audience." },
};

/** A signed message's format (`musubi-submission/1`…) by its name. */
const SCHEMA_PREFIX = "dealings.schema.";

/**
 * The idempotency keys Musubi makes itself for what an authority or an organisation sends
 * automatically (`rfi-<request>-<registration>`, `publication-<publication>-<stage>`…), by the
 * kind of message: their ids mean nothing to a reader.
 */
const DERIVED_KEY = /^(rfi|advisory|publication|response|decision|checkpoint)-/;
const DERIVED_KIND: Record<string, string> = { rfi: "rfi", advisory: "advisory", publication: "publication-notice", response: "publication-response", decision: "registration-decision", checkpoint: "ledger-checkpoint" };

/** A compact JWS (a signed message or receipt of the exchange): three base64url parts. */
const COMPACT_JWS = /^eyJ[\w-]*\.[\w-]*\.[\w-]+$/;
/** An exchange submission's idempotency key: `<kind>-<uuid>`. */
const IDEMPOTENCY_KEY = /^([a-z]+(?:-[a-z]+)*)-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function regionName(code: string, words: LedgerWords): string {
  try {
    return new Intl.DisplayNames([words.lang], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A slug through its dictionary; `webhook:datadog` as the label of `webhook` and the tool's name. */
function slugText(prefix: string, value: string, words: LedgerWords): string {
  const own = words.maybe(prefix + value);
  if (own) return own;
  const [head, ...rest] = value.split(":");
  const headText = rest.length > 0 ? words.maybe(prefix + head) : undefined;
  return headText ? `${headText} (${rest.join(":")})` : value;
}

function objectText(value: Record<string, unknown>, field: string, words: LedgerWords): string {
  // A part of a document marked confidential (`{ pointer, reason }`): the part and the reason in words.
  if (typeof value.pointer === "string" && typeof value.reason === "string") {
    const part = partWords(value.pointer);
    return `${words.t(part.key, part.params)} (${slugText("oversight.confidential.reason.", value.reason, words)})`;
  }
  // A label in both languages (risk-matrix levels and bands).
  if (typeof value.ja === "string" || typeof value.en === "string") return String(value[words.lang] ?? value.ja ?? value.en);
  // A link to a record (`{ type: "control", id: "ctl_…" }`).
  if (isInternalId(value.id)) return idText(value.id, words);
  // A model, dataset or component: its name says which.
  for (const key of ["name", "title", "label"]) if (typeof value[key] === "string") return value[key] as string;
  return Object.values(value)
    .map((v) => valueText(field, v, words))
    .join(" / ");
}

/** One value of `field` in the UI language: a name for an id, a label for a slug, a date for a timestamp. */
export function valueText(field: string, value: unknown, words: LedgerWords, type = ""): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return words.t(value ? "audit.value.yes" : "audit.value.no");
  if (typeof value === "number") {
    if (field === "fiscalYearStartMonth") return words.month(value);
    if (field === "size") return words.t("audit.value.bytes", { size: words.number(value) });
    return words.number(value);
  }
  if (Array.isArray(value)) return listText(field, value, words, type);
  if (typeof value === "object") return objectText(value as Record<string, unknown>, field, words);
  const text = String(value);
  if (isInternalId(text)) return idText(text, words);
  if (field === "framework" || field === "frameworks") return words.framework(text) ?? text;
  if (field === "countries" || field === "dataCountries") return regionName(text, words);
  // A signed message or receipt is proof to verify, not text to read: named, with its length (the
  // dealings page and the submission's page show it whole).
  if (COMPACT_JWS.test(text)) return words.t("dealings.value.signed", { length: words.number(String(value).length) });
  // The kind in words, and the key itself (its UUID), which the sender and the authority both hold.
  const key = field === "idempotencyKey" ? IDEMPOTENCY_KEY.exec(text) : null;
  if (key) return `${slugText("dealings.kind.", key[1]!, words)} ${key[2]}`;
  const derived = field === "idempotencyKey" ? DERIVED_KEY.exec(text) : null;
  if (derived) return words.t("dealings.value.derivedKey", { kind: slugText("dealings.kind.", DERIVED_KIND[derived[1]!]!, words) });
  if (field === "schema") return slugText(SCHEMA_PREFIX, text, words);
  if (field === "decision") return slugText("oversight.connectionStatus.", text, words);
  const prefix = BY_TYPE[field]?.[type] ?? VALUE_PREFIX[field];
  if (prefix) return slugText(prefix, text, words);
  if (TIMESTAMP.test(text)) return words.dateTime(text);
  if (DAY.test(text)) return words.day(text);
  return text;
}

function listText(field: string, list: unknown[], words: LedgerWords, type: string): string {
  if (list.length === 0) return "—";
  const sep = listSeparator(words.lang);
  // A rating is [likelihood, impact].
  if ((field === "inherent" || field === "residual") && list.length === 2 && list.every((n) => typeof n === "number")) {
    return words.t("audit.value.score", { likelihood: words.number(list[0] as number), impact: words.number(list[1] as number) });
  }
  // An approval plan: approvers per stage.
  if (list.every(Array.isArray)) {
    if (field === "approvalPlan" || field === "plan") {
      return list.map((stage, i) => words.t("audit.value.stage", { stage: i + 1, people: listText(field, stage as unknown[], words, type) })).join(" / ");
    }
    return list.map((row) => listText(field, row as unknown[], words, type)).join(" / ");
  }
  return list.map((v) => valueText(field, v, words, type)).join(sep);
}

/** A `profile.<question>` answer with the question's own option labels. */
export function profileValueText(question: string, value: unknown, words: LedgerWords): string {
  const q = words.question(question);
  const one = (v: unknown) => (typeof v === "string" && q?.option(v)) || valueText(question, v, words);
  return Array.isArray(value) ? (value.length === 0 ? "—" : value.map(one).join(listSeparator(words.lang))) : one(value);
}
