import type { Library, LoadedFramework } from "../library/library.model.ts";
import type { Relationship, Text } from "../library/library.schema.ts";
import { lastModifiedOf } from "./oscal.catalog.meta.ts";
import { frameworkToCatalog } from "./oscal.catalog.ts";
import { bilingualProps, compact, dateTimeOf, LANGS, MUSUBI_NS, musubiProp, oneLine, stableUuid, contentDigest, toMarkup } from "./oscal.common.ts";
import type { CatalogDocument, OscalControl, OscalGroup, OscalPart, OscalResource } from "./oscal.types.ts";

/**
 * Musubi's crosswalk relationships (NIST OLIR, read "from is <relationship> of to") in OSCAL's
 * vocabulary. This is Musubi's interpretation, stated in every map: `equal` becomes
 * `equivalent-to`, not `equal-to`, because Musubi uses it where two texts of different
 * frameworks "say essentially the same thing" in different words, while OSCAL's `equal-to` means
 * the same requirements differing only in spelling or grammar.
 */
export const RELATIONSHIP_TO_OSCAL: Record<Relationship, string> = {
  equal: "equivalent-to",
  subset: "subset-of",
  superset: "superset-of",
  intersect: "intersects-with",
};

interface MappingItem {
  type: "control" | "statement";
  "id-ref": string;
  props?: ReturnType<typeof musubiProp>;
  remarks?: string;
}

/** Where each library node sits in the exported catalog: a control, a statement (text part) or a group of controls. */
interface CatalogIndex {
  doc: CatalogDocument;
  at: Map<string, { kind: "control" | "statement"; id: string } | { kind: "group"; controls: string[] }>;
}

function indexCatalog(fw: LoadedFramework): CatalogIndex {
  const doc = frameworkToCatalog(fw);
  const at: CatalogIndex["at"] = new Map();
  const urnOf = (props: { name: string; ns?: string; value: string }[] | undefined) => props?.find((p) => p.name === "urn" && p.ns === MUSUBI_NS)?.value;
  const walkPart = (p: OscalPart) => {
    const urn = urnOf(p.props);
    if (urn && p.id) at.set(urn, { kind: "statement", id: p.id });
    p.parts?.forEach(walkPart);
  };

  const walkControl = (c: OscalControl): string[] => {
    const urn = urnOf(c.props);
    if (urn) at.set(urn, { kind: "control", id: c.id });
    c.parts?.forEach(walkPart);
    return [c.id, ...(c.controls ?? []).flatMap(walkControl)];
  };
  const walkGroup = (g: OscalGroup): string[] => {
    // A provision part of a group (e.g. an article stating a purpose) is named as a statement too.
    g.parts?.forEach(walkPart);
    const controls = [...(g.groups ?? []).flatMap(walkGroup), ...(g.controls ?? []).flatMap(walkControl)];
    const urn = urnOf(g.props);
    if (urn) at.set(urn, { kind: "group", controls });
    return controls;
  };
  doc.catalog.groups?.forEach(walkGroup);
  doc.catalog.controls?.forEach(walkControl);
  return { doc, at };
}

const DESCRIPTION: Text = {
  ja: "Musubi のフレームワーク間クロスウォーク。各対応は Musubi メンテナーの編集上の判断（provenance=editorial）又は発行者が公表した対応（official）である。関係（NIST OLIR の読み方で「from は to の〈関係〉」）を OSCAL の語に置き換えたのは Musubi の解釈であり、各 map の relationship-origin prop がそれを示す：equal→equivalent-to、subset→subset-of、superset→superset-of、intersect→intersects-with。Musubi はクロスウォークがいずれの枠組みも網羅するとは主張しないため、status は not-complete とする。カタログのグループ（章・機能など）への対応は、そのグループに含まれる全コントロールの集合として表す。",
  en: "Musubi's crosswalks between frameworks. Each mapping is either an editorial judgement by Musubi's maintainers (provenance=editorial) or one published by an issuer (official). Rendering the relationships (read, as in NIST OLIR, \"from is <relationship> of to\") in OSCAL's vocabulary is Musubi's interpretation, marked on every map by the relationship-origin prop: equal→equivalent-to, subset→subset-of, superset→superset-of, intersect→intersects-with. Musubi does not claim its crosswalks cover either framework completely, hence status not-complete. A mapping to a catalog group (a chapter, a function) is given as the set of every control in that group.",
};

const bilingualRemarks = (text: Text) => LANGS.filter((l) => text[l] !== undefined).map((l) => toMarkup(text[l]!)).join("\n\n");

/**
 * Every crosswalk in the library as one OSCAL 1.2 mapping collection: a `mapping` per crosswalk and
 * pair of framework versions, a `map` per edge with its relationship, provenance and rationale.
 * Sources and targets name controls of the catalogs `GET /api/oscal/catalogs/:framework` serves.
 */
export function crosswalksToMapping(library: Library) {
  const catalogs = new Map<string, CatalogIndex>();
  const catalogOf = (framework: string, version: string) => {
    const key = `${framework}:${version}`;
    let c = catalogs.get(key);
    if (!c) {
      c = indexCatalog(library.frameworks.get(framework)!.get(version)!);
      catalogs.set(key, c);
    }
    return c;
  };
  const resources = new Map<string, OscalResource>();
  const resourceOf = (fw: LoadedFramework): string => {
    const { framework, version } = fw.file;
    const uuid = stableUuid("catalog-ref", framework, version);
    if (!resources.has(uuid)) {
      resources.set(uuid, {
        uuid,
        title: toMarkup(oneLine(`${fw.file.name.en ?? fw.file.name.ja} (${version})`)),
        props: [...musubiProp("resource-kind", "catalog"), ...musubiProp("framework", framework), ...musubiProp("version", version), ...bilingualProps("name", fw.file.name)],
        rlinks: [{ href: `/api/oscal/catalogs/${encodeURIComponent(framework)}?version=${encodeURIComponent(version)}`, "media-type": "application/json" }],
        "document-ids": [{ scheme: `${MUSUBI_NS}/catalog-uuid`, identifier: catalogOf(framework, version).doc.catalog.uuid }],
      });
    }
    return uuid;
  };
  const itemsFor = (urn: string): MappingItem[] => {
    const entry = library.nodes.get(urn)!;
    const place = catalogOf(entry.framework.file.framework, entry.framework.file.version).at.get(urn);
    const origin = musubiProp("urn", urn);
    if (!place) return [];
    if (place.kind === "group") {
      return place.controls.map((id) => ({ type: "control", "id-ref": id, props: [...origin, ...musubiProp("expanded-from", "group")] }));
    }
    return [{ type: place.kind, "id-ref": place.id, props: origin }];
  };

  const mappings = [];
  let latest = "1970-01-01";
  for (const cw of library.crosswalks) {
    const byPair = new Map<string, typeof cw.edges>();
    for (const edge of cw.edges) {
      const key = `${library.nodes.get(edge.from)!.framework.path}|${library.nodes.get(edge.to)!.framework.path}`;
      byPair.set(key, [...(byPair.get(key) ?? []), edge]);
    }
    for (const edges of byPair.values()) {
      const from = library.nodes.get(edges[0]!.from)!.framework;
      const to = library.nodes.get(edges[0]!.to)!.framework;
      for (const fw of [from, to]) if (lastModifiedOf(fw.file).date > latest) latest = lastModifiedOf(fw.file).date;
      const maps = edges.flatMap((edge) => {
        const sources = itemsFor(edge.from);
        const targets = itemsFor(edge.to);
        if (!sources.length || !targets.length) return [];
        return [
          compact({
            uuid: stableUuid("map", cw.id, edge.from, edge.to),
            "matching-rationale": "semantic",
            relationship: RELATIONSHIP_TO_OSCAL[edge.relationship],
            sources,
            targets,
            props: [
              ...musubiProp("relationship", edge.relationship),
              ...musubiProp("relationship-origin", "musubi-interpretation"),
              ...musubiProp("provenance", edge.provenance),
              ...musubiProp("source", edge.source),
              ...bilingualProps("rationale", edge.rationale),
            ],
            remarks: bilingualRemarks(edge.rationale),
          }),
        ];
      });
      mappings.push(
        compact({
          uuid: stableUuid("mapping", cw.id, from.path, to.path),
          method: "human",
          "matching-rationale": "semantic",
          status: "not-complete",
          "source-resource": { type: "catalog", href: `#${resourceOf(from)}` },
          "target-resource": { type: "catalog", href: `#${resourceOf(to)}` },
          maps,
          props: [...musubiProp("crosswalk", cw.id), ...bilingualProps("name", cw.name)],
          remarks: bilingualRemarks(cw.description),
        }),
      );
    }
  }
  return {
    "mapping-collection": {
      uuid: stableUuid("mapping-collection", contentDigest(library.crosswalks)),
      metadata: {
        title: "Musubi crosswalks / Musubi フレームワーク間クロスウォーク",
        "last-modified": dateTimeOf(latest),
        version: library.digest,
        "oscal-version": "1.2.1",
        props: musubiProp("library-digest", library.digest),
        remarks: bilingualRemarks({
          ja: "last-modified は、対応付けた枠組みのうち最も新しい日付（ライブラリの「時点」）である。クロスウォークのファイル自体は日付を持たない。",
          en: "last-modified is the latest date of the frameworks mapped (their \"as of\" dates); the crosswalk files themselves carry no date.",
        }),
      },
      provenance: {
        method: "human",
        "matching-rationale": "semantic",
        status: "not-complete",
        "mapping-description": bilingualRemarks(DESCRIPTION),
      },
      mappings,
      "back-matter": { resources: [...resources.values()] },
    },
  };
}
