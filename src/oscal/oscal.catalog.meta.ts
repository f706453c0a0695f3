import type { LoadedFramework } from "../library/library.model.ts";
import type { FrameworkFile, Text } from "../library/library.schema.ts";
import {
  bilingualProps,
  compact,
  dateTimeOf,
  LANGS,
  type Lang,
  musubiProp,
  oneLine,
  oscalProp,
  pick,
  stableUuid,
  toMarkup,
  toToken,
} from "./oscal.common.ts";
import type { OscalMetadata, OscalResource } from "./oscal.types.ts";

/** The language a framework is exported in by default: Japanese for Japan's own instruments, English otherwise. */
export function defaultLangOf(file: FrameworkFile): Lang {
  return file.jurisdiction === "jp" ? "ja" : "en";
}

/**
 * The date the document's `last-modified` states: the latest "as of" date the framework file gives,
 * so an unchanged library exports an identical document. `placeholder` is true when the file gives
 * no date at all (the J-AISI data): then the Unix epoch stands in, and the remarks say so.
 */
export function lastModifiedOf(file: FrameworkFile): { date: string; placeholder: boolean } {
  const d = file.dates;
  const date = d.statusAsOf ?? d.textAsOf ?? d.lastAmendedOn ?? d.publishedOn ?? d.effectiveFrom;
  return date ? { date, placeholder: false } : { date: "1970-01-01", placeholder: true };
}

const RESOURCE_TYPE: Partial<Record<FrameworkFile["kind"], string>> = { law: "law", standard: "standard" };

/** Back-matter: the source document, each file the framework was derived from, and each licence. */
export function sourceResources(file: FrameworkFile, lang: Lang): { source: OscalResource; all: OscalResource[] } {
  const key = [file.framework, file.version];
  const { source } = file;
  const sourceResource: OscalResource = compact({
    uuid: stableUuid("source", ...key),
    title: toMarkup(oneLine(pick(source.title, lang)!)),
    props: [
      ...oscalProp("type", RESOURCE_TYPE[file.kind] ?? "external-guidance"),
      ...musubiProp("resource-kind", "source"),
      ...bilingualProps("title", source.title),
      ...bilingualProps("reference", source.reference),
      ...(source.publisher ?? []).flatMap((p) => bilingualProps("publisher", p)),
    ],
    citation: source.reference ? { text: toMarkup(oneLine(pick(source.reference, lang)!)) } : undefined,
    rlinks: source.url ? [{ href: source.url }] : undefined,
  });
  const files: OscalResource[] = source.files.map((f) =>
    compact({
      uuid: stableUuid("source-file", ...key, f.path),
      title: toMarkup(oneLine(f.path)),
      description: f.note ? toMarkup(f.note) : undefined,
      props: musubiProp("resource-kind", "source-file"),
      rlinks: [compact({ href: encodeURI(f.path), hashes: f.sha256 ? [{ algorithm: "SHA-256", value: f.sha256 }] : undefined })],
      remarks: f.upstream ? toMarkup(f.upstream) : undefined,
    }),
  );
  const licences: OscalResource[] = file.licence.map((l, i) =>
    compact({
      uuid: stableUuid("licence", ...key, String(i)),
      title: toMarkup(oneLine(l.name)),
      props: [...musubiProp("resource-kind", "licence"), ...musubiProp("licence-applies-to", l.appliesTo)],
      rlinks: l.url ? [{ href: l.url }] : undefined,
      remarks: toMarkup(l.attribution),
    }),
  );
  return { source: sourceResource, all: [sourceResource, ...files, ...licences] };
}

/** "ja: … / en: …" paragraphs for remarks, which OSCAL keeps in one language. */
function paragraph(label: Text, text: Text | undefined): string | undefined {
  if (!text) return undefined;
  const lines = LANGS.filter((l) => text[l] !== undefined).map((l) => `${label[l]}: ${toMarkup(text[l]!)}`);
  return lines.join("\n\n");
}

/** Musubi's own words about the export, stated in the document so nobody mistakes them for the source's. */
const EXPORT_NOTE: Text = {
  ja: "Musubi がフレームワークライブラリから書き出した OSCAL カタログ。名前空間 https://musubi.example/ns/oscal の prop と part は Musubi のもの（docs/oscal.md 参照）。本文はライブラリのとおりで、Musubi が補ったものはない。",
  en: "OSCAL catalog exported by Musubi from its framework library. Props and parts in the namespace https://musubi.example/ns/oscal are Musubi's (see docs/oscal.md). The text is the library's; Musubi has added none.",
};

const PLACEHOLDER_NOTE: Text = {
  ja: "フレームワークのファイルに日付がないため、last-modified は仮の値（1970-01-01）である。",
  en: "The framework file states no date, so last-modified is a placeholder (1970-01-01).",
};

/** The catalog's metadata: title, version, dates, issuer and creator, and the framework's facts as Musubi props. */
export function catalogMetadata(fw: LoadedFramework, lang: Lang, sourceUuid: string): OscalMetadata {
  const file = fw.file;
  const modified = lastModifiedOf(file);
  const issuers = file.issuer.map((issuer, i) => ({
    uuid: stableUuid("party", file.framework, file.version, "issuer", String(i)),
    type: "organization" as const,
    name: oneLine(pick(issuer, lang)!),
    props: bilingualProps("name", issuer),
  }));
  const musubi = { uuid: stableUuid("party", "musubi"), type: "organization" as const, name: "Musubi" };
  const d = file.dates;
  const remarks = [
    EXPORT_NOTE[lang]!,
    paragraph({ ja: "法的効力", en: "Legal effect" }, file.legalEffect),
    paragraph({ ja: "現況", en: "Status" }, file.status),
    file.penalties ? paragraph({ ja: `罰則（${file.penalties.origin}）`, en: `Penalties (${file.penalties.origin})` }, file.penalties.text) : undefined,
    ...file.silence.map((s) => paragraph({ ja: "出典にないこと", en: "What the sources do not say" }, s)),
    modified.placeholder ? PLACEHOLDER_NOTE[lang] : undefined,
  ].filter((r): r is string => r !== undefined);
  return compact({
    title: toMarkup(oneLine(pick(file.name, lang)!)),
    "last-modified": dateTimeOf(modified.date),
    version: file.version,
    "oscal-version": "1.2.1",
    props: [
      ...musubiProp("lang", lang),
      ...musubiProp("framework", file.framework),
      ...musubiProp("kind", file.kind),
      ...musubiProp("jurisdiction", file.jurisdiction),
      ...bilingualProps("name", file.name),
      ...bilingualProps("short-name", file.shortName),
      ...LANGS.flatMap((l) => musubiProp("name-origin", file.nameOrigin?.[l], l)),
      ...LANGS.flatMap((l) => musubiProp("short-name-origin", file.shortNameOrigin?.[l], l)),
      ...musubiProp("published-on", d.publishedOn ?? undefined),
      ...musubiProp("effective-from", d.effectiveFrom ?? undefined),
      ...musubiProp("general-application-from", d.generalApplicationFrom ?? undefined),
      ...musubiProp("last-amended-on", d.lastAmendedOn ?? undefined),
      ...musubiProp("text-as-of", d.textAsOf),
      ...musubiProp("status-as-of", d.statusAsOf),
      ...musubiProp("previous-version", file.previousVersion),
      ...(file.penalties ? musubiProp("penalties", String(file.penalties.any), file.penalties.origin) : []),
    ],
    links: [{ href: `#${sourceUuid}`, rel: "reference", text: "source" }],
    roles: [
      { id: "creator", title: "Document creator" },
      { id: "issuer", title: "Issuer of the framework" },
      ...file.actorRoles.map((r) =>
        compact({
          id: toToken(r.id),
          title: toMarkup(oneLine(pick(r.name, lang)!)),
          description: r.note ? paragraph({ ja: "注", en: "Note" }, r.note) : undefined,
          props: [...musubiProp("role-kind", "actor"), ...bilingualProps("name", r.name), ...musubiProp("defined-at", r.definedAt)],
        }),
      ),
    ],
    parties: [musubi, ...issuers],
    "responsible-parties": [
      { "role-id": "creator", "party-uuids": [musubi.uuid] },
      { "role-id": "issuer", "party-uuids": issuers.map((p) => p.uuid) },
    ],
    remarks: remarks.join("\n\n"),
  });
}
