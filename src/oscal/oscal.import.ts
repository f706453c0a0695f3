import { FrameworkFile, type FrameworkKind, type Text } from "../library/library.schema.ts";
import { AppError } from "../platform/errors.ts";
import { fromMarkup, type Lang, LANGS, MUSUBI_NS } from "./oscal.common.ts";
import { clean, musubi, NodeWalker, type ImportTally } from "./oscal.import.nodes.ts";
import type { OscalCatalog, OscalResource } from "./oscal.types.ts";
import { assertOscalCatalog } from "./oscal.validate.ts";

/** Choices the OSCAL catalog cannot make for Musubi's model; every default is stated in `silence`. */
export interface ImportOptions {
  /** The framework id (slug); default: from a Musubi export, else from the catalog's title. */
  framework?: string;
  /** Default: the catalog's `metadata.version`, made safe for a file name. */
  version?: string;
  /** Default: `standard` (OSCAL catalogs are control catalogs); stated in `silence`. */
  kind?: FrameworkKind;
  /** Default: `intl`; stated in `silence`. */
  jurisdiction?: string;
  /** The language of the catalog's text; default: Japanese when its title is in Japanese script, else English. */
  lang?: Lang;
  /** The file the catalog was read from, recorded as the framework's source file. */
  sourceFile?: { path: string; sha256?: string };
}

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

const both = (ja: string, en: string): Text => ({ ja, en });

/** A slug from a title: ASCII letters and digits, hyphenated, at most 48 characters. */
function slugOf(title: string, uuid: string): string {
  const full = title.normalize("NFKC").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  // Cut at a word boundary: "nist-special-publication-800-53-revision-5", not "…-revision-5-secur".
  const s = full.length <= 48 ? full : full.slice(0, 49).replace(/-[^-]*$/, "");
  return SLUG.test(s) ? s : `oscal-${uuid.slice(0, 8).toLowerCase()}`;
}

const dateOf = (dateTime: string | undefined) => (dateTime && /^\d{4}-\d{2}-\d{2}/.test(dateTime) ? dateTime.slice(0, 10) : null);

/**
 * An OSCAL catalog — or a resolved profile catalog, which is a catalog document — as a framework
 * file in the library's format (`musubi-framework/1`), ready to be stored as an organisation's own
 * framework. The document is validated against the official OSCAL 1.2.1 catalog schema first; a
 * refusal is a 400 `validation_failed` whose details give each problem in Japanese and English.
 *
 * Nothing is invented: what the catalog does not say (kind, jurisdiction, legal effect, licence,
 * whose words the text is) is either a stated default or left out, and listed in `silence`; parts
 * Musubi's model has no place for (assessment objectives and methods…) are counted there too.
 * Withdrawn controls are kept — their ids still resolve — as non-requirements tagged `withdrawn`,
 * with a note naming where the source says they went.
 */
export function oscalCatalogToFramework(doc: unknown, options: ImportOptions = {}): FrameworkFile {
  assertOscalCatalog(doc);
  const catalog = doc.catalog as unknown as OscalCatalog;
  const meta = catalog.metadata;
  const title = clean(fromMarkup(meta.title)).trim();
  const fromMusubi = musubi(meta.props, "framework") !== undefined;
  const lang: Lang = options.lang ?? (musubi(meta.props, "lang") as Lang | undefined) ?? (JAPANESE.test(title) ? "ja" : "en");
  const framework = options.framework ?? musubi(meta.props, "framework") ?? slugOf(title, catalog.uuid);
  const version = options.version ?? (meta.version.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "1");
  if (!SLUG.test(framework)) {
    throw new AppError(400, "validation_failed", { problems: [{ at: "framework", message: both("フレームワーク ID は半角英小文字・数字・ハイフンで指定してください。", "Give the framework id as lower-case letters, digits and hyphens.") }] });
  }

  const walker = new NodeWalker(`urn:musubi:${framework}:${version}:`, lang, catalog);
  catalog.groups?.forEach((g, i) => walker.group(g, undefined, String(i + 1)));
  catalog.controls?.forEach((c) => walker.control(c, undefined));
  if (walker.nodes.length === 0) {
    throw new AppError(400, "validation_failed", { problems: [{ at: "/catalog", message: both("カタログにグループもコントロールもありません。", "The catalog has no groups and no controls.") }] });
  }

  const named = (t: Text) => t;
  const name: Text = fromMusubi ? bilingual(meta.props, "name") ?? { [lang]: title } : { [lang]: title };
  const shortName = fromMusubi ? bilingual(meta.props, "short-name") : undefined;
  const resources = catalog["back-matter"]?.resources ?? [];
  const issuers = issuersOf(catalog, lang);
  const roles = (meta.roles ?? []).filter((r) => musubi(r.props, "role-kind") === "actor");
  const silence = silenceOf(walker.tally, options, fromMusubi, issuers.length === 0);

  const file: FrameworkFile = {
    format: "musubi-framework/1",
    framework,
    version,
    name: named(name),
    ...(shortName ? { shortName } : {}),
    kind: options.kind ?? (musubi(meta.props, "kind") as FrameworkKind | undefined) ?? "standard",
    jurisdiction: options.jurisdiction ?? musubi(meta.props, "jurisdiction") ?? "intl",
    issuer: issuers.length ? issuers : [both("OSCAL カタログに記載なし", "Not stated in the OSCAL catalog")],
    legalEffect: both(
      "OSCAL カタログは法的効力を記載しない。取り込んだ組織が、この枠組みの位置付け（法令・標準・社内規程など）を確認すること。",
      "An OSCAL catalog does not state a legal effect; the organisation that imported it should state what this framework is to it (law, standard, internal policy…).",
    ),
    dates: { publishedOn: dateOf(meta.published), effectiveFrom: null },
    source: {
      title: { [lang]: title },
      ...(referenceOf(meta) ? { reference: { [lang]: referenceOf(meta)! } } : {}),
      ...(canonicalUrl(meta.links, resources) ? { url: canonicalUrl(meta.links, resources)! } : {}),
      files: [
        {
          path: options.sourceFile?.path ?? `oscal-catalog:${catalog.uuid}`,
          ...(options.sourceFile?.sha256 ? { sha256: options.sourceFile.sha256 } : {}),
          note: `OSCAL ${meta["oscal-version"]} catalog ${catalog.uuid}, version ${meta.version}, last modified ${meta["last-modified"]}`,
        },
      ],
    },
    licence: licencesOf(resources, title, issuers, lang),
    actorRoles: roles.map((r) => ({ id: r.id, name: bilingual(r.props, "name") ?? { [lang]: clean(fromMarkup(r.title)) }, ...(musubi(r.props, "defined-at") ? { definedAt: musubi(r.props, "defined-at")! } : {}) })),
    silence,
    nodes: walker.nodes,
  };
  const parsed = FrameworkFile.safeParse(file);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 20).map((i) => ({ at: `/${i.path.join("/")}`, message: both(`変換結果がライブラリの形式に合いません：${i.message}`, `The converted framework does not fit the library format: ${i.message}`) }));
    throw new AppError(400, "validation_failed", { problems });
  }
  return parsed.data;
}

type Props = { name: string; value: string; ns?: string; class?: string }[] | undefined;

function bilingual(props: Props, name: string): Text | undefined {
  const t: Text = {};
  for (const l of LANGS) {
    const v = props?.find((p) => p.ns === MUSUBI_NS && p.name === name && p.class === l)?.value;
    if (v) t[l] = clean(v);
  }
  return t.ja || t.en ? t : undefined;
}

/** The parties the catalog names as its issuer (a Musubi export) or creator / publisher / author. */
function issuersOf(catalog: OscalCatalog, lang: Lang): Text[] {
  const meta = catalog.metadata;
  const roles = ["issuer", "creator", "publisher", "author"];
  const uuids = new Set((meta["responsible-parties"] ?? []).filter((r) => roles.includes(r["role-id"])).flatMap((r) => r["party-uuids"]));
  return (meta.parties ?? [])
    .filter((p) => uuids.has(p.uuid) && p.name && p.name !== "Musubi")
    .map((p) => bilingual(p.props, "name") ?? { [lang]: clean(p.name!) });
}

function referenceOf(meta: OscalCatalog["metadata"]): string | undefined {
  const id = meta["document-ids"]?.[0]?.identifier;
  return id ? clean(id) : undefined;
}

/** The web address of the catalog's canonical source, where its metadata links one through back-matter. */
function canonicalUrl(links: OscalCatalog["metadata"]["links"], resources: OscalResource[]): string | undefined {
  for (const link of links ?? []) {
    if (link.rel !== "canonical" && !(link.rel === "reference" && link.text === "source")) continue;
    const target = link.href.startsWith("#") ? resources.find((r) => r.uuid === link.href.slice(1))?.rlinks?.[0]?.href : link.href;
    if (target && /^https?:\/\//.test(target)) return target;
  }
  return undefined;
}

function licencesOf(resources: OscalResource[], title: string, issuers: Text[], lang: Lang): FrameworkFile["licence"] {
  const declared = resources
    .filter((r) => musubi(r.props, "resource-kind") === "licence" && r.title && r.remarks)
    .map((r) => ({
      appliesTo: (musubi(r.props, "licence-applies-to") ?? "all") as FrameworkFile["licence"][number]["appliesTo"],
      name: clean(fromMarkup(r.title!)),
      ...(r.rlinks?.[0] && /^https?:\/\//.test(r.rlinks[0].href) ? { url: r.rlinks[0].href } : {}),
      attribution: clean(fromMarkup(r.remarks!)),
    }));
  if (declared.length) return declared;
  const by = issuers.map((i) => i[lang] ?? i.en ?? i.ja).join(", ");
  return [{ appliesTo: "all", name: "Not stated in the OSCAL catalog / OSCAL カタログに記載なし", attribution: by ? `${title} — ${by}` : title }];
}

/** What the import could not take from the catalog, and the defaults it chose, in Musubi's words. */
function silenceOf(tally: ImportTally, options: ImportOptions, fromMusubi: boolean, noIssuer: boolean): Text[] {
  const out: Text[] = [
    both(
      `OSCAL カタログから Musubi が取り込んだ（コントロール ${tally.controls} 件、うち取り下げ ${tally.withdrawn} 件、グループ ${tally.groups} 件）。取り下げられたコントロールは要求事項としない。`,
      `Imported by Musubi from an OSCAL catalog (${tally.controls} controls, ${tally.withdrawn} of them withdrawn; ${tally.groups} groups). Withdrawn controls are kept but are not requirements.`,
    ),
  ];
  if (!fromMusubi) {
    out.push(both("本文が誰の言葉か（発行者の正文か等）はカタログに記載がないため、textOrigin を設定していない。", "The catalog does not say whose words its text is (the issuer's authoritative text or not), so no textOrigin is set."));
    if (!options.kind) out.push(both("枠組みの種類はカタログに記載がないため、既定値 standard とした。", "The catalog does not state what kind of framework it is; the default, standard, was used."));
    if (!options.jurisdiction) out.push(both("法域はカタログに記載がないため、既定値 intl とした。", "The catalog does not state a jurisdiction; the default, intl, was used."));
  }
  if (noIssuer) out.push(both("発行者はカタログに記載がない。", "The catalog names no issuer."));
  out.push(both("ライセンスはカタログに記載がない（Musubi の書き出しを除く）。共有する前に確認すること。", "An OSCAL catalog states no licence (unless Musubi exported it); check it before sharing."));
  if (tally.droppedParts.size) {
    const list = [...tally.droppedParts].map(([n, c]) => `${n} ×${c}`).join(", ");
    out.push(both(`Musubi の形式に対応する項目がないため取り込まなかった part：${list}。`, `Parts Musubi's format has no place for, not imported: ${list}.`));
  }
  if (tally.unresolvedParams) out.push(both(`解決できなかったパラメータ参照 ${tally.unresolvedParams} 件は、原文の {{ insert: param, … }} のまま残した。`, `${tally.unresolvedParams} parameter references could not be resolved and are left as written ({{ insert: param, … }}).`));
  out.push(both("パラメータは SP 800-53 の表記に従い [Assignment: …] / [Selection: …] として本文に展開した。", "Parameters are written into the text as SP 800-53 prints them: [Assignment: …] / [Selection: …]."));
  return out;
}
