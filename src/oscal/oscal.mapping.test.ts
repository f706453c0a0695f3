import { describe, expect, it } from "vitest";
import { getLibrary } from "../library/library.runtime.ts";
import { frameworkToCatalog } from "./oscal.catalog.ts";
import { MUSUBI_NS } from "./oscal.common.ts";
import { crosswalksToMapping, RELATIONSHIP_TO_OSCAL } from "./oscal.mapping.ts";
import { haveOscalCorpus, schemaErrors } from "./oscal.schemas.test-support.ts";
import type { OscalControl, OscalGroup, OscalPart } from "./oscal.types.ts";

const library = getLibrary();
const doc = crosswalksToMapping(library);
const collection = doc["mapping-collection"];
const prop = (props: { name: string; ns?: string; value: string; class?: string }[] | undefined, name: string, cls?: string) =>
  props?.filter((p) => p.ns === MUSUBI_NS && p.name === name && (cls === undefined || p.class === cls)).map((p) => p.value) ?? [];

/** Control ids and part ids of a catalog, found by walking it independently of the exporter. */
function catalogIds(framework: string, version: string) {
  const fw = library.frameworks.get(framework)!.get(version)!;
  const controls = new Set<string>();
  const parts = new Set<string>();
  const part = (p: OscalPart) => {
    if (p.id) parts.add(p.id);
    p.parts?.forEach(part);
  };
  const control = (c: OscalControl) => {
    controls.add(c.id);
    c.parts?.forEach(part);
    c.controls?.forEach(control);
  };
  const group = (g: OscalGroup) => {
    g.parts?.forEach(part);
    g.groups?.forEach(group);
    g.controls?.forEach(control);
  };
  const cat = frameworkToCatalog(fw).catalog;
  cat.groups?.forEach(group);
  cat.controls?.forEach(control);
  return { controls, parts, uuid: cat.uuid };
}

describe("oscal.mapping", () => {
  it.skipIf(!haveOscalCorpus())("exports the crosswalks as a mapping collection the official OSCAL 1.2.1 schema accepts", () => {
    expect(schemaErrors("mapping", doc)).toEqual([]);
  });

  it("has one map per crosswalk edge, with its relationship in OSCAL's words, Musubi's own kind, provenance and rationale", () => {
    const edges = library.crosswalks.flatMap((cw) => cw.edges.map((e) => ({ cw: cw.id, e })));
    const maps = collection.mappings.flatMap((m) => m.maps);
    expect(maps.length).toBe(edges.length);
    for (const { e } of edges) {
      const map = maps.find((m) => prop(m.sources[0]!.props, "urn")[0] === e.from && prop(m.targets[0]!.props, "urn")[0] === e.to)!;
      expect(map, `${e.from} → ${e.to}`).toBeDefined();
      expect(map.relationship).toBe(RELATIONSHIP_TO_OSCAL[e.relationship]);
      expect(prop(map.props, "relationship")).toEqual([e.relationship]);
      expect(prop(map.props, "relationship-origin")).toEqual(["musubi-interpretation"]);
      expect(prop(map.props, "provenance")).toEqual([e.provenance]);
      expect(prop(map.props, "rationale", "en")).toEqual(e.rationale.en ? [e.rationale.en] : []);
      expect(map.remarks).toContain(e.rationale.ja ?? e.rationale.en);
    }
  });

  it("maps Musubi's relationships to OSCAL's set-theory terms, equal as equivalent-to", () => {
    expect(RELATIONSHIP_TO_OSCAL).toEqual({ equal: "equivalent-to", subset: "subset-of", superset: "superset-of", intersect: "intersects-with" });
  });

  it("names only controls and statements that exist in the catalogs it points to", () => {
    const resources = collection["back-matter"].resources;
    for (const mapping of collection.mappings) {
      for (const side of ["source-resource", "target-resource"] as const) {
        const res = resources.find((r) => `#${r.uuid}` === mapping[side].href)!;
        expect(res, mapping[side].href).toBeDefined();
        const [framework] = prop(res.props, "framework");
        const [version] = prop(res.props, "version");
        const ids = catalogIds(framework!, version!);
        expect(res["document-ids"]![0]!.identifier).toBe(ids.uuid);
        for (const map of mapping.maps) {
          for (const item of side === "source-resource" ? map.sources : map.targets) {
            expect(item.type === "control" ? ids.controls.has(item["id-ref"]) : ids.parts.has(item["id-ref"]), `${framework} ${item.type} ${item["id-ref"]}`).toBe(true);
          }
        }
      }
    }
  });

  it("gives a mapping to a group (a NIST AI RMF category) as the set of the group's controls", () => {
    const maps = collection.mappings.flatMap((m) => m.maps);
    const expanded = maps.flatMap((m) => [...m.sources, ...m.targets]).filter((i) => prop(i.props, "expanded-from").length);
    expect(expanded.length).toBeGreaterThan(0);
    const category = expanded.find((i) => prop(i.props, "urn")[0]!.startsWith("urn:musubi:nist-ai-rmf:1.0:"))!;
    const urn = prop(category.props, "urn")[0]!;
    const fw = library.current.get("nist-ai-rmf")!;
    const id = urn.split(":").slice(4).join(":");
    const subcategories = fw.children.get(id)!.filter((c) => fw.nodesById.get(c)!.requirement);
    const mapsOfUrn = maps.filter((m) => [...m.sources, ...m.targets].some((i) => prop(i.props, "urn")[0] === urn));
    const side = mapsOfUrn[0]!.sources.some((i) => prop(i.props, "urn")[0] === urn) ? mapsOfUrn[0]!.sources : mapsOfUrn[0]!.targets;
    expect(side.map((i) => i["id-ref"]).sort()).toEqual(subcategories.sort());
  });

  it("states the provenance of the whole collection and is identical when exported twice", () => {
    expect(collection.provenance).toMatchObject({ method: "human", "matching-rationale": "semantic", status: "not-complete" });
    expect(collection.provenance["mapping-description"]).toContain("Musubi's interpretation");
    expect(JSON.stringify(crosswalksToMapping(library))).toBe(JSON.stringify(doc));
  });
});
