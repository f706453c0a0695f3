import type { ProfileQuestion } from "../../library/library.schema.ts";
import type { Locale } from "../../platform/i18n.ts";
import type { SystemView } from "../systems.schema.ts";
import {
  countryName, HEADERS, HOSTING_LABELS, inZone, joinList, LIFECYCLE_LABELS, postureHeader, postureText, textIn, withDetails, WORDS, zoneLongName,
  type HeaderKey, type LibraryText,
} from "./export.labels.ts";
import type { SystemPosture } from "./export.posture.ts";
import { answerText, profileColumns } from "./export.profile.ts";
import type { ColumnKind, ExportTable } from "./export.table.ts";
import { customPeopleColumns, type CustomExport } from "./export.custom.ts";

/** What the people's export shows of a system: a `SystemView` fits. */
export type PeopleRecord = Pick<
  SystemView,
  | "id" | "code" | "nameJa" | "nameEn" | "purpose" | "businessOwner" | "technicalOwner" | "department" | "lifecycle" | "profile" | "models" | "datasets"
  | "components" | "vendors" | "vendorLinks" | "countries" | "tags" | "lastReviewedAt" | "nextReviewAt" | "euClass" | "euClassFrom" | "frameworks" | "createdAt" | "updatedAt"
> & { custom?: SystemView["custom"] };

/** The library's words the sheet needs: profile questions, EU class names, framework names in the library's order. */
export interface LibraryWords {
  questions: readonly ProfileQuestion[];
  euClasses: ReadonlyMap<string, LibraryText>;
  frameworks: ReadonlyMap<string, LibraryText>;
}

/** Whom the sheet is for and what it needs besides the systems. */
export interface PeopleContext {
  locale: Locale;
  /** The organisation's IANA zone: instants are shown in it. */
  timeZone: string;
  words: LibraryWords;
  /** `systemId → framework → posture`, from `readPostures`. */
  postures: ReadonlyMap<string, ReadonlyMap<string, SystemPosture>>;
  /** The organisation's own fields, shown after the profile answers. */
  custom?: CustomExport;
}

interface Column {
  header: string;
  kind: ColumnKind;
  width: number;
  wrap?: boolean;
  cell: (r: PeopleRecord) => string;
}

/** The vendors a system names: the register's linked ones first, then free-text names not among them. */
function vendorNames(r: PeopleRecord): string[] {
  const linked = (r.vendorLinks ?? []).map((v) => v.name);
  const seen = new Set(linked.map((n) => n.normalize("NFKC").toLowerCase()));
  return [...linked, ...r.vendors.filter((n) => !seen.has(n.normalize("NFKC").toLowerCase()))];
}

/**
 * The inventory as a compliance lead reads it in Excel, in their language: labelled headers, names
 * instead of slugs and codes, the EU AI Act class with the date it applies from, the posture per
 * framework assessed, one column per profile question answered, and times in the organisation's
 * zone. Not meant for re-import: `machineTable` is.
 */
export function peopleTable(records: readonly PeopleRecord[], ctx: PeopleContext): ExportTable {
  const columns = peopleColumns(records, ctx);
  return {
    sheet: WORDS.sheet[ctx.locale],
    columns: columns.map(({ header, kind, width, wrap }) => ({ header, kind, width, ...(wrap ? { wrap } : {}) })),
    rows: records.map((r) => columns.map((c) => c.cell(r))),
    reader: { locale: ctx.locale, timeZone: ctx.timeZone, frozenColumns: 2 },
  };
}

function peopleColumns(records: readonly PeopleRecord[], ctx: PeopleContext): Column[] {
  const { locale } = ctx;
  const h = (key: HeaderKey) => HEADERS[key][locale];
  const zone = zoneLongName(ctx.timeZone, locale);
  const names: Column[] = [
    { header: h("nameJa"), kind: "text", width: 32, cell: (r) => r.nameJa },
    { header: h("nameEn"), kind: "text", width: 32, cell: (r) => r.nameEn },
  ];
  return [
    { header: h("code"), kind: "text", width: 14, cell: (r) => r.code },
    ...(locale === "ja" ? names : names.reverse()),
    { header: h("purpose"), kind: "text", width: 50, wrap: true, cell: (r) => r.purpose },
    { header: h("lifecycle"), kind: "text", width: 12, cell: (r) => LIFECYCLE_LABELS[r.lifecycle][locale] },
    { header: h("euClass"), kind: "text", width: 20, cell: (r) => (r.euClass === null ? WORDS.unclassified[locale] : textIn(ctx.words.euClasses.get(r.euClass), locale, r.euClass)) },
    { header: h("euClassFrom"), kind: "date", width: 16, cell: (r) => r.euClassFrom ?? "" },
    ...postureColumns(records, ctx),
    { header: h("businessOwner"), kind: "text", width: 30, cell: (r) => person(r.businessOwner, locale) },
    { header: h("technicalOwner"), kind: "text", width: 30, cell: (r) => person(r.technicalOwner, locale) },
    { header: h("department"), kind: "text", width: 18, cell: (r) => (r.department ? (locale === "ja" ? r.department.nameJa : r.department.nameEn) || r.department.code : "") },
    { header: h("lastReviewedAt"), kind: "date", width: 14, cell: (r) => r.lastReviewedAt ?? "" },
    { header: h("nextReviewAt"), kind: "date", width: 14, cell: (r) => r.nextReviewAt ?? "" },
    { header: h("vendors"), kind: "text", width: 24, wrap: true, cell: (r) => joinList(vendorNames(r), locale, true) },
    { header: h("countries"), kind: "text", width: 20, wrap: true, cell: (r) => joinList(r.countries.map((c) => countryName(c, locale)), locale) },
    { header: h("tags"), kind: "text", width: 20, wrap: true, cell: (r) => joinList(r.tags, locale, true) },
    { header: h("models"), kind: "text", width: 36, wrap: true, cell: (r) => lines(r.models.map((m) => withDetails(m.name, [m.provider, m.version, m.hosting && HOSTING_LABELS[m.hosting]?.[locale], m.licence], locale))) },
    {
      header: h("datasets"), kind: "text", width: 36, wrap: true,
      cell: (r) => lines(r.datasets.map((d) => withDetails(d.name, [d.source, d.licence, d.personalData ? WORDS.personalData[locale] : null, d.sensitiveData ? WORDS.sensitiveData[locale] : null], locale))),
    },
    { header: h("components"), kind: "text", width: 36, wrap: true, cell: (r) => lines(r.components.map((c) => withDetails(c.version ? `${c.name} ${c.version}` : c.name, [c.supplier, c.licence], locale))) },
    ...profileColumns(ctx.words.questions, records, locale).map(
      (p): Column => ({ header: p.header, kind: p.kind, width: 28, wrap: true, cell: (r) => answerText(p.question, r.profile[p.question.id], locale) }),
    ),
    ...customPeopleColumns(ctx.custom, locale).map((c): Column => ({ header: c.header, kind: c.kind, width: 24, wrap: c.kind === "text", cell: (r) => c.cell(r.custom) })),
    { header: inZone(h("createdAt"), zone, locale), kind: "instant", width: 20, cell: (r) => r.createdAt },
    { header: inZone(h("updatedAt"), zone, locale), kind: "instant", width: 20, cell: (r) => r.updatedAt },
  ];
}

/**
 * A column per framework that an exported system is in scope of or assessed against, in the
 * library's order: "n of total done" where assessed, "not assessed yet" where only in scope.
 */
function postureColumns(records: readonly PeopleRecord[], ctx: PeopleContext): Column[] {
  const used = new Set<string>();
  for (const r of records) {
    for (const f of r.frameworks) used.add(f);
    for (const f of ctx.postures.get(r.id)?.keys() ?? []) used.add(f);
  }
  return [...ctx.words.frameworks]
    .filter(([id]) => used.has(id))
    .map(([id, name]) => ({
      header: postureHeader(textIn(name, ctx.locale, id), ctx.locale),
      kind: "text",
      width: 22,
      cell: (r) => {
        const p = ctx.postures.get(r.id)?.get(id);
        if (p) return postureText(p, ctx.locale);
        return r.frameworks.includes(id) ? WORDS.notAssessed[ctx.locale] : "";
      },
    }));
}

function person(p: PeopleRecord["businessOwner"], locale: Locale): string {
  if (!p) return "";
  return p.displayName && p.displayName !== p.email ? withDetails(p.displayName, [p.email], locale) : p.email;
}

const lines = (items: string[]) => items.join("\n");
