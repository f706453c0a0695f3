import { compileRules } from "../applicability/compile.ts";
import type { Library, LibraryProblem } from "./library.model.ts";

/**
 * The checks a schema cannot express: URNs unique across the library and consistent with their
 * file, parents and references that resolve, crosswalk edges between real nodes, and rules that
 * compile against the profile questions. Fills `library.nodes` as a side effect.
 */
export function crossCheck(library: Library): LibraryProblem[] {
  const problems: LibraryProblem[] = [];
  for (const versions of library.frameworks.values()) {
    for (const fw of versions.values()) {
      const { file } = fw;
      const seen = new Set<string>();
      const roles = new Set(file.actorRoles.map((r) => r.id));
      for (const node of file.nodes) {
        if (seen.has(node.id)) problems.push({ file: fw.path, code: "duplicate", at: node.id, message: `node id ${node.id} appears twice` });
        seen.add(node.id);
        const expected = `urn:musubi:${file.framework}:${file.version}:${node.id}`;
        if (node.urn !== expected) problems.push({ file: fw.path, code: "mismatch", at: node.id, message: `URN must be ${expected}` });
        if (library.nodes.has(node.urn)) problems.push({ file: fw.path, code: "duplicate", at: node.id, message: `URN ${node.urn} is used twice` });
        library.nodes.set(node.urn, { framework: fw, node });
        for (const actor of node.actors ?? []) {
          if (!roles.has(actor)) problems.push({ file: fw.path, code: "dangling", at: node.id, message: `actor ${actor} is not one of the framework's actorRoles` });
        }
      }
      for (const node of file.nodes) {
        if (node.parent && !fw.nodesById.has(node.parent)) {
          problems.push({ file: fw.path, code: "dangling", at: node.id, message: `parent ${node.parent} does not exist` });
        }
      }
      const amendmentIds = new Set<string>();
      for (const a of file.amendments ?? []) {
        if (amendmentIds.has(a.id)) problems.push({ file: fw.path, code: "duplicate", at: a.id, message: `amendment ${a.id} is listed twice` });
        amendmentIds.add(a.id);
        for (const id of a.touches?.nodes ?? []) {
          if (!fw.nodesById.has(id)) problems.push({ file: fw.path, code: "dangling", at: a.id, message: `amendment touches unknown node ${id}` });
        }
      }
      for (const node of file.nodes) {
        const kinds = node.obligation?.kinds ?? [];
        if (node.requirement && kinds.length && kinds.every((k) => k === "state-measure" || k === "local-government-measure")) {
          problems.push({ file: fw.path, code: "mismatch", at: node.id, message: "a provision that binds only the State or local governments cannot be a requirement" });
        }
      }
      if (file.previousVersion && !versions.has(file.previousVersion)) {
        problems.push({ file: fw.path, code: "dangling", message: `previous version ${file.previousVersion} is not in the library` });
      }
    }
  }
  // References can point into other frameworks, so they are checked once every node is indexed.
  for (const { framework: fw, node } of library.nodes.values()) {
    for (const target of node.refersTo ?? []) {
      if (!library.nodes.has(target)) problems.push({ file: fw.path, code: "dangling", at: node.id, message: `refers to unknown ${target}` });
    }
  }
  for (const versions of library.frameworks.values()) {
    for (const fw of versions.values()) {
      for (const role of fw.file.actorRoles) {
        if (role.definedAt && !library.nodes.has(role.definedAt)) {
          problems.push({ file: fw.path, code: "dangling", at: role.id, message: `actor role defined at unknown ${role.definedAt}` });
        }
      }
    }
  }
  for (const cw of library.crosswalks) {
    const file = `crosswalks/${cw.id}.json`;
    const pairs = new Set<string>();
    cw.edges.forEach((edge, i) => {
      for (const end of [edge.from, edge.to]) {
        if (!library.nodes.has(end)) problems.push({ file, code: "dangling", at: `/edges/${i}`, message: `unknown node ${end}` });
      }
      if (edge.from === edge.to) problems.push({ file, code: "mismatch", at: `/edges/${i}`, message: "an edge cannot map a node to itself" });
      const key = `${edge.from} ${edge.to}`;
      if (pairs.has(key)) problems.push({ file, code: "duplicate", at: `/edges/${i}`, message: `edge ${edge.from} → ${edge.to} appears twice` });
      pairs.add(key);
      if (edge.provenance === "official" && !edge.source) {
        problems.push({ file, code: "schema", at: `/edges/${i}`, message: "an official edge must name its source" });
      }
    });
  }
  for (const rf of library.rules) {
    const file = `rules/${rf.id}.json`;
    const cited = [...rf.definitions.flatMap((d) => d.cites), ...rf.rules.flatMap((r) => r.cites)];
    for (const urn of new Set(cited)) {
      if (!library.nodes.has(urn)) problems.push({ file, code: "dangling", message: `cites unknown ${urn}` });
    }
  }
  for (const q of library.profile.questions) {
    for (const urn of q.basis ?? []) {
      if (!library.nodes.has(urn)) problems.push({ file: "profile/questions.json", code: "dangling", at: q.id, message: `basis names unknown ${urn}` });
    }
  }
  const compiled = compileRules(library);
  library.compiled = compiled.compiled;
  problems.push(...compiled.problems);
  return problems;
}
