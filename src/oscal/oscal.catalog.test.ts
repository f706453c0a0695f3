import { describe, expect, it } from "vitest";
import type { LoadedFramework } from "../library/library.model.ts";
import { getLibrary } from "../library/library.runtime.ts";
import { frameworkToCatalog } from "./oscal.catalog.ts";
import { fromMarkup, MUSUBI_NS, toMarkup } from "./oscal.common.ts";
import { haveOscalCorpus, schemaErrors } from "./oscal.schemas.test-support.ts";
import type { OscalControl, OscalGroup, OscalPart } from "./oscal.types.ts";

const library = getLibrary();
const all: LoadedFramework[] = [...library.frameworks.values()].flatMap((v) => [...v.values()]);
const musubi = (props: { name: string; ns?: string; class?: string; value: string }[] | undefined, name: string, cls?: string) =>
  props?.find((p) => p.ns === MUSUBI_NS && p.name === name && (cls === undefined || p.class === cls))?.value;

/** Every object of a catalog that carries a Musubi URN, with what it is. */
function objects(doc: ReturnType<typeof frameworkToCatalog>) {
  const out: { kind: "group" | "control" | "provision"; urn: string; obj: OscalGroup | OscalControl | OscalPart }[] = [];
  const ids: string[] = [];
  const part = (p: OscalPart) => {
    if (p.id) ids.push(p.id);
    if (p.name === "provision") out.push({ kind: "provision", urn: musubi(p.props, "urn")!, obj: p });
    p.parts?.forEach(part);
  };
  const control = (c: OscalControl) => {
    ids.push(c.id);
    out.push({ kind: "control", urn: musubi(c.props, "urn")!, obj: c });
    c.parts?.forEach(part);
    c.controls?.forEach(control);
  };
  const group = (g: OscalGroup) => {
    if (g.id) ids.push(g.id);
    out.push({ kind: "group", urn: musubi(g.props, "urn")!, obj: g });
    g.parts?.forEach(part);
    g.groups?.forEach(group);
    g.controls?.forEach(control);
  };
  doc.catalog.groups?.forEach(group);
  doc.catalog.controls?.forEach(control);
  return { out, ids };
}

const controlOf = (fw: LoadedFramework, id: string) => objects(frameworkToCatalog(fw)).out.find((o) => o.urn.endsWith(`:${id}`))!.obj as OscalControl;

describe("oscal.catalog", () => {
  it.skipIf(!haveOscalCorpus())("exports every shipped framework version as a catalog the official OSCAL 1.2.1 schema accepts", () => {
    expect(all.length).toBeGreaterThanOrEqual(11);
    for (const fw of all) expect(schemaErrors("catalog", frameworkToCatalog(fw)), `${fw.file.framework} ${fw.file.version}`).toEqual([]);
  });

  it("keeps every node exactly once, every requirement as a control, and ids unique in the document", () => {
    for (const fw of all) {
      const { out, ids } = objects(frameworkToCatalog(fw));
      expect(out.map((o) => o.urn).sort(), fw.path).toEqual(fw.file.nodes.map((n) => n.urn).sort());
      for (const n of fw.file.nodes.filter((n) => n.requirement)) expect(out.find((o) => o.urn === n.urn)!.kind, n.urn).toBe("control");
      expect(new Set(ids).size, fw.path).toBe(ids.length);
    }
  });

  it("never puts groups and controls side by side in a group", () => {
    for (const fw of all) {
      for (const o of objects(frameworkToCatalog(fw)).out) {
        if (o.kind === "group") expect((o.obj as OscalGroup).groups && (o.obj as OscalGroup).controls, o.urn).toBeFalsy();
      }
    }
  });

  it("exports the same data to the same document, byte for byte", () => {
    const eu = library.current.get("eu-ai-act")!;
    const a = JSON.stringify(frameworkToCatalog(eu));
    const b = JSON.stringify(frameworkToCatalog(eu));
    expect(a).toBe(b);
    expect(frameworkToCatalog(eu).catalog.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(frameworkToCatalog(eu).catalog.uuid).not.toBe(frameworkToCatalog(library.current.get("jp-appi")!).catalog.uuid);
  });

  it("writes the authoritative Japanese text as the statement and the government's English as an alt-language part", () => {
    const act = library.current.get("jp-ai-promotion-act")!;
    const node = act.file.nodes.find((n) => n.requirement && n.text?.ja && n.text.en)!;
    const control = controlOf(act, node.id);
    const statement = control.parts!.find((p) => p.name === "statement")!;
    expect(statement.ns).toBeUndefined();
    expect(fromMarkup(statement.prose!)).toBe(node.text!.ja);
    expect(musubi(statement.props, "lang")).toBe("ja");
    expect(musubi(statement.props, "text-origin")).toBe("official");
    const alt = control.parts!.find((p) => p.name === "alt-language")!;
    expect(alt).toMatchObject({ ns: MUSUBI_NS, class: "en" });
    expect(fromMarkup(alt.prose!)).toBe(node.text!.en);
    expect(musubi(alt.props, "text-origin")).toBe("government-reference");
    expect(musubi(control.props, "label", "ja")).toBe(node.ref.label.ja);
    expect(musubi(control.props, "label", "en")).toBe(node.ref.label.en);
    expect(control.props!.find((p) => p.name === "label" && !p.ns)!.value).toBe(node.ref.label.ja);
  });

  it("writes English-only frameworks in English, with no alt-language part", () => {
    const rmf = library.current.get("nist-ai-rmf")!;
    const control = controlOf(rmf, "GOVERN-1.1");
    expect(control.title).toBe(toMarkup(rmf.nodesById.get("GOVERN-1.1")!.title?.en ?? "GOVERN 1.1"));
    expect(control.parts!.some((p) => p.name === "alt-language")).toBe(false);
    expect(musubi(control.props, "lang")).toBe("en");
  });

  it("keeps the marks of Musubi's own wording: text origins, obligation readings and names", () => {
    const da = library.current.get("jp-da-genai-guideline")!;
    const doc = frameworkToCatalog(da);
    const origins = JSON.stringify(doc).match(/"name":"text-origin","ns":"[^"]+","value":"musubi-editorial"/g) ?? [];
    expect(origins.length).toBe(da.file.nodes.filter((n) => n.text?.ja && n.textOrigin?.ja === "musubi-editorial").length);
    const act = library.current.get("jp-ai-promotion-act")!;
    const actDoc = frameworkToCatalog(act);
    expect(musubi(actDoc.catalog.metadata.props, "short-name-origin", "ja")).toBe("musubi-editorial");
    expect(actDoc.catalog.metadata.props!.find((p) => p.name === "penalties")).toMatchObject({ value: "false", class: "musubi-editorial" });
    const withObligation = act.file.nodes.find((n) => n.obligation && n.requirement)!;
    const props = controlOf(act, withObligation.id).props!;
    expect(props.filter((p) => p.name === "obligation").map((p) => [p.value, p.class])).toEqual(withObligation.obligation!.kinds.map((k) => [k, "musubi-editorial"]));
  });

  it("keeps the statements a framework makes about itself and what its sources do not say", () => {
    const iso = library.current.get("iso-42001")!;
    const meta = frameworkToCatalog(iso).catalog.metadata;
    for (const s of iso.file.silence) expect(meta.remarks).toContain(toMarkup(s.en!));
    expect(meta["oscal-version"]).toBe("1.2.1");
    expect(meta.version).toBe("2023");
  });

  it("cites the source with its reference, files with their SHA-256, and each licence in back-matter", () => {
    const appi = library.current.get("jp-appi")!;
    const doc = frameworkToCatalog(appi);
    const resources = doc.catalog["back-matter"]!.resources!;
    const source = resources.find((r) => musubi(r.props, "resource-kind") === "source")!;
    expect(source.citation!.text).toBe(toMarkup(appi.file.source.reference!.ja!));
    expect(source.rlinks![0]!.href).toBe(appi.file.source.url);
    expect(doc.catalog.metadata.links![0]!.href).toBe(`#${source.uuid}`);
    const files = resources.filter((r) => musubi(r.props, "resource-kind") === "source-file");
    expect(files.map((f) => f.rlinks![0]!.hashes![0]!.value)).toEqual(appi.file.source.files.map((f) => f.sha256));
    const licences = resources.filter((r) => musubi(r.props, "resource-kind") === "licence");
    expect(licences.map((l) => fromMarkup(l.remarks!))).toEqual(appi.file.licence.map((l) => l.attribution));
  });

  it("escapes Markdown so every text reads back exactly as the library holds it", () => {
    let escaped = 0;
    for (const fw of all) {
      for (const n of fw.file.nodes) {
        for (const text of [n.text?.ja, n.text?.en]) {
          if (text === undefined) continue;
          expect(fromMarkup(toMarkup(text))).toBe(text);
          if (toMarkup(text) !== text) escaped++;
        }
      }
    }
    expect(escaped).toBeGreaterThan(0);
    expect(toMarkup("*not emphasis* [not a link] 1. not a list")).toBe("\\*not emphasis\\* \\[not a link\\] 1. not a list");
  });
});
