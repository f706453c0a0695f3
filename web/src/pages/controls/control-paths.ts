import type { RequirementRef } from "../../api/compliance.ts";

export const controlPath = (id: string) => `/controls/${encodeURIComponent(id)}`;

/** Requirements grouped by framework, in first-seen order: how a control's mappings are shown. */
export function groupByFramework<T extends Pick<RequirementRef, "framework">>(refs: readonly T[]): { framework: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const ref of refs) {
    const list = groups.get(ref.framework);
    if (list) list.push(ref);
    else groups.set(ref.framework, [ref]);
  }
  return [...groups].map(([framework, items]) => ({ framework, items }));
}
