import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir } from "../../test/support/databases.ts";
import { loadLibrary, defaultLibraryDir } from "../library/library.load.ts";
import { getLibrary } from "../library/library.runtime.ts";
import { FrameworkFile } from "../library/library.schema.ts";
import { AppError } from "../platform/errors.ts";
import { frameworkToCatalog } from "./oscal.catalog.ts";
import { oscalCatalogToFramework } from "./oscal.import.ts";
import { haveOscalCorpus, OSCAL_CONTENT } from "./oscal.schemas.test-support.ts";

const corpus = haveOscalCorpus();
const REV5 = path.join(OSCAL_CONTENT, "sp800-53-rev5-2021-oscal-1.0.0", "NIST_SP-800-53_rev5_catalog.json");
const LOW = path.join(OSCAL_CONTENT, "sp800-53-rev5", "NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json");
const read = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as unknown;

type Json = { id?: string; props?: { name: string; value: string }[]; controls?: Json[]; groups?: Json[] };

/** Controls and enhancements of a catalog, counted by walking its JSON (not through the importer). */
function countControls(doc: unknown): { all: number; withdrawn: number; ids: string[] } {
  const ids: string[] = [];
  let withdrawn = 0;
  const walk = (node: Json) => {
    for (const c of node.controls ?? []) {
      ids.push(c.id!);
      if (c.props?.some((p) => p.name === "status" && p.value === "withdrawn")) withdrawn++;
      walk(c);
    }
    for (const g of node.groups ?? []) walk(g);
  };
  walk((doc as { catalog: Json }).catalog);
  return { all: ids.length, withdrawn, ids };
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** The shipped library plus one more framework file, loaded and cross-checked as `musubi library validate` does. */
function validateWithLibrary(file: FrameworkFile) {
  const shipped = defaultLibraryDir();
  const dir = tempDir("musubi-oscal-lib-");
  dirs.push(dir);
  for (const entry of fs.readdirSync(shipped)) {
    if (entry !== "frameworks") fs.symlinkSync(path.join(shipped, entry), path.join(dir, entry));
  }
  fs.mkdirSync(path.join(dir, "frameworks"));
  // The loader walks real folders (it does not follow a symlinked one), so folders are made and files linked.
  for (const fw of fs.readdirSync(path.join(shipped, "frameworks"))) {
    fs.mkdirSync(path.join(dir, "frameworks", fw));
    for (const v of fs.readdirSync(path.join(shipped, "frameworks", fw))) fs.symlinkSync(path.join(shipped, "frameworks", fw, v), path.join(dir, "frameworks", fw, v));
  }
  fs.mkdirSync(path.join(dir, "frameworks", file.framework));
  fs.writeFileSync(path.join(dir, "frameworks", file.framework, `${file.version}.json`), JSON.stringify(file));
  return loadLibrary(dir);
}

describe("oscal.import", () => {
  it.skipIf(!corpus)("imports NIST SP 800-53 rev5 with exactly its controls and enhancements, withdrawn ones kept and marked", () => {
    const doc = read(REV5);
    const counted = countControls(doc);
    expect(counted.all).toBeGreaterThan(1000);
    const fw = oscalCatalogToFramework(doc);
    const controls = fw.nodes.filter((n) => n.type === "control");
    expect(controls.length).toBe(counted.all);
    expect(controls.map((n) => n.id).sort()).toEqual([...counted.ids].sort());
    const withdrawn = controls.filter((n) => n.tags?.includes("withdrawn"));
    expect(withdrawn.length).toBe(counted.withdrawn);
    expect(withdrawn.every((n) => !n.requirement && n.textNote?.en?.startsWith("Withdrawn"))).toBe(true);
    expect(fw.nodes.filter((n) => n.requirement).length).toBe(counted.all - counted.withdrawn);
    const ac210 = fw.nodes.find((n) => n.id === "ac-2.10")!;
    expect(ac210).toMatchObject({ parent: "ac-2", ref: { label: { en: "AC-2(10)" } }, textNote: { en: expect.stringContaining("Incorporated into: AC-2 k.") } });
    const ac1 = fw.nodes.find((n) => n.id === "ac-1")!;
    expect(ac1.text!.en).toContain("a. Develop, document, and disseminate to [Assignment: organization-defined personnel or roles]:");
    expect(ac1.text!.en).toContain("[Selection (one or more): Organization-level; Mission/business process-level; System-level]");
    expect(ac1.notes![0]!.en).toMatch(/^Access control policy and procedures/);
    expect(fw).toMatchObject({ framework: "nist-special-publication-800-53-revision-5", version: "5.0.1", name: { en: expect.stringMatching(/^NIST Special Publication 800-53 Revision 5/) } });
    expect(fw.source.url).toBe("https://doi.org/10.6028/NIST.SP.800-53r5");
  });

  it.skipIf(!corpus)("produces a framework file the library validator accepts, beside the shipped library", () => {
    const fw = oscalCatalogToFramework(read(REV5), { framework: "nist-sp-800-53", version: "5.0.1", jurisdiction: "us" });
    expect(FrameworkFile.safeParse(fw).success).toBe(true);
    const { library, problems } = validateWithLibrary(fw);
    expect(problems).toEqual([]);
    expect(library!.frameworks.get("nist-sp-800-53")!.get("5.0.1")!.file.nodes.length).toBe(fw.nodes.length);
  }, 60_000);

  it.skipIf(!corpus)("imports a resolved profile catalog (the LOW baseline) with exactly the controls it selects", () => {
    const doc = read(LOW);
    const fw = oscalCatalogToFramework(doc);
    expect(fw.nodes.filter((n) => n.type === "control").length).toBe(countControls(doc).all);
    expect(fw.silence.some((s) => s.en?.includes("not imported"))).toBe(true);
  });

  it("reads Musubi's own export back: ids, types, requirements, both languages and whose words they are", () => {
    const act = getLibrary().current.get("jp-ai-promotion-act")!;
    const back = oscalCatalogToFramework(frameworkToCatalog(act));
    expect(back).toMatchObject({ framework: "jp-ai-promotion-act", version: "2025", name: act.file.name, kind: "law", jurisdiction: "jp", licence: act.file.licence });
    const byId = new Map(back.nodes.map((n) => [n.id, n]));
    expect([...byId.keys()].sort()).toEqual(act.file.nodes.map((n) => n.id).sort());
    for (const n of act.file.nodes) {
      const m = byId.get(n.id)!;
      expect({ parent: m.parent, type: m.type, requirement: m.requirement, label: m.ref.label, title: m.title, text: m.text, textOrigin: m.textOrigin, actors: m.actors }, n.id).toEqual({
        parent: n.parent,
        type: n.type,
        requirement: n.requirement,
        label: n.ref.label,
        title: n.title,
        text: n.text,
        textOrigin: n.text ? n.textOrigin : undefined,
        actors: n.actors,
      });
    }
    expect(back.actorRoles.map((r) => [r.id, r.name, r.definedAt])).toEqual(act.file.actorRoles.map((r) => [r.id, r.name, r.definedAt]));
    expect(FrameworkFile.safeParse(back).success).toBe(true);
  });

  it("refuses a profile, naming it, in Japanese and English", () => {
    const profile = { profile: { uuid: "8c1b3e7b-2c76-4f0d-9d55-1d1f5c0c7a11", metadata: {}, imports: [] } };
    const err = catchError(() => oscalCatalogToFramework(profile));
    expect(err).toMatchObject({ status: 400, code: "validation_failed" });
    const [problem] = (err.details as { problems: { at: string; message: { ja: string; en: string } }[] }).problems;
    expect(problem!.message.en).toMatch(/OSCAL profile, not a catalog/);
    expect(problem!.message.ja).toMatch(/プロファイル/);
  });

  it("refuses a catalog the official schema rejects, saying where and what in both languages", () => {
    const bad = { catalog: { uuid: "not-a-uuid", metadata: { title: "x", version: "1", "oscal-version": "1.2.1" }, controls: [{ id: "1-bad", title: "t", colour: "red" }] } };
    const err = catchError(() => oscalCatalogToFramework(bad));
    const problems = (err.details as { problems: { at: string; message: { ja: string; en: string } }[] }).problems;
    expect(problems.map((p) => p.at)).toEqual(expect.arrayContaining(["/catalog/uuid", "/catalog/metadata", "/catalog/controls/0/id", "/catalog/controls/0"]));
    expect(problems.find((p) => p.at === "/catalog/metadata")!.message).toEqual({ ja: "必須の項目「last-modified」がありません。", en: 'The required field "last-modified" is missing.' });
    expect(problems.find((p) => p.at === "/catalog/controls/0")!.message.en).toBe('The field "colour" is not allowed here in OSCAL.');
    for (const value of [null, [], "catalog", 42]) expect(catchError(() => oscalCatalogToFramework(value)).code).toBe("validation_failed");
  });
});

function catchError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected an AppError");
}
