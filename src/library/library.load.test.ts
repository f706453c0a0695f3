import { describe, expect, it } from "vitest";
import { diffFrameworks } from "./library.diff.ts";
import { fixtureFiles, writeLibrary } from "./library.fixture.ts";
import { loadLibrary } from "./library.load.ts";

type Json = Record<string, any>;
const fixture = () => structuredClone(fixtureFiles()) as Record<string, Json>;

function problemsWith(patch: Record<string, unknown>) {
  const { library, problems } = loadLibrary(writeLibrary(patch));
  expect(library).toBeNull();
  return problems;
}

describe("library.load", () => {
  it("loads a valid library and picks the newest version as current", () => {
    const { library, problems } = loadLibrary(writeLibrary());
    expect(problems).toEqual([]);
    expect(library!.current.get("alpha")!.file.version).toBe("2");
    expect(library!.nodes.size).toBe(6);
    expect(library!.digest).toMatch(/^[0-9a-f]{12}$/);
  });

  it("refuses a file that is not UTF-8", () => {
    const problems = problemsWith({ "frameworks/beta/1.json": Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) });
    expect(problems).toContainEqual(expect.objectContaining({ file: "frameworks/beta/1.json", code: "encoding" }));
  });

  it("refuses a byte-order mark", () => {
    const text = `\uFEFF${JSON.stringify(fixture()["frameworks/beta/1.json"])}`;
    expect(problemsWith({ "frameworks/beta/1.json": text })).toContainEqual(expect.objectContaining({ code: "encoding" }));
  });

  it("refuses control characters such as the vertical tabs in the aisev sources", () => {
    const files = fixture();
    files["frameworks/beta/1.json"]!.nodes[0].text.ja = "本文\u000bの途中";
    expect(problemsWith(files)).toContainEqual(expect.objectContaining({ code: "encoding", at: "/nodes/0/text/ja" }));
  });

  it("reports JSON syntax errors with the file name", () => {
    expect(problemsWith({ "crosswalks/alpha--beta.json": "{ not json" })).toContainEqual(
      expect.objectContaining({ file: "crosswalks/alpha--beta.json", code: "json" }),
    );
  });

  it("reports schema violations with their path", () => {
    const files = fixture();
    files["frameworks/beta/1.json"]!.kind = "regulation";
    expect(problemsWith(files)).toContainEqual(expect.objectContaining({ code: "schema", at: "/kind" }));
  });

  it("refuses a URN that does not match its file, and duplicate ids", () => {
    const files = fixture();
    files["frameworks/beta/1.json"]!.nodes[1].urn = "urn:musubi:beta:9:b-2";
    files["frameworks/beta/1.json"]!.nodes.push(files["frameworks/beta/1.json"]!.nodes[0]);
    const problems = problemsWith(files);
    expect(problems).toContainEqual(expect.objectContaining({ code: "mismatch", at: "b-2" }));
    expect(problems).toContainEqual(expect.objectContaining({ code: "duplicate", at: "b-1" }));
  });

  it("refuses dangling parents, actors, crosswalk ends and citations", () => {
    const files = fixture();
    files["frameworks/beta/1.json"]!.nodes[0].parent = "nowhere";
    files["frameworks/beta/1.json"]!.nodes[1].actors = ["ghost"];
    files["crosswalks/alpha--beta.json"]!.edges[0].to = "urn:musubi:beta:1:b-404";
    files["rules/test.json"]!.rules[0].cites = ["urn:musubi:alpha:2:missing"];
    const messages = problemsWith(files).map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        "parent nowhere does not exist",
        "actor ghost is not one of the framework's actorRoles",
        "unknown node urn:musubi:beta:1:b-404",
        "cites unknown urn:musubi:alpha:2:missing",
      ]),
    );
  });

  it("refuses a rule that names an unknown fact, is not boolean, or selects a missing node", () => {
    const files = fixture();
    files["rules/test.json"]!.rules[0].when = "isMaker && usesAI";
    files["rules/test.json"]!.rules[1].when = "size(roles)";
    files["rules/test.json"]!.rules[2].effect.nodes = ["b-404"];
    const problems = problemsWith(files);
    expect(problems).toContainEqual(expect.objectContaining({ code: "expression", at: "maker-duties", message: expect.stringContaining("usesAI") }));
    expect(problems).toContainEqual(expect.objectContaining({ code: "expression", at: "maker-high", message: expect.stringContaining("true or false") }));
    expect(problems).toContainEqual(expect.objectContaining({ code: "dangling", at: "late-starter", message: expect.stringContaining("b-404") }));
  });

  it("refuses a classification into a value its scheme does not have", () => {
    const files = fixture();
    files["rules/test.json"]!.rules[1].effect.value = "medium";
    expect(problemsWith(files)).toContainEqual(expect.objectContaining({ code: "dangling", at: "maker-high" }));
  });
});

describe("library.diff", () => {
  it("lists added, removed and changed requirements between versions", () => {
    const { library } = loadLibrary(writeLibrary());
    const versions = library!.frameworks.get("alpha")!;
    const d = diffFrameworks(versions.get("1")!, versions.get("2")!);
    expect(d.added.map((n) => n.id)).toEqual(["a-3"]);
    expect(d.removed.map((n) => n.id)).toEqual(["a-2"]);
    expect(d.changed).toEqual([expect.objectContaining({ id: "a-1", fields: ["text"] })]);
  });
});
