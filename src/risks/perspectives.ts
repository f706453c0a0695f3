import type { Library } from "../library/library.model.ts";

export interface Perspective {
  urn: string;
  ja: string;
  en: string | null;
}

const byLibrary = new WeakMap<Library, Map<string, Perspective>>();

/**
 * The J-AISI evaluation perspectives (評価観点) of the current AISEV guide: its top-level
 * `perspective-N` nodes, named as the library names them (English only where the source has it).
 */
export function jaisiPerspectives(library: Library): Map<string, Perspective> {
  let found = byLibrary.get(library);
  if (found) return found;
  found = new Map();
  const fw = library.current.get("jaisi-evaluation");
  for (const node of fw?.file.nodes ?? []) {
    if (!/^perspective-\d+$/.test(node.id)) continue;
    const ja = node.title?.ja ?? node.title?.en ?? node.id;
    found.set(node.urn, { urn: node.urn, ja, en: node.title?.en ?? null });
  }
  byLibrary.set(library, found);
  return found;
}
