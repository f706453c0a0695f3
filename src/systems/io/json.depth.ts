/**
 * Whether `value` nests objects and arrays more than `max` levels deep (a bare object or array is
 * one level). It walks with its own stack, not by recursion, so no input can overflow the call
 * stack — which is what a recursive schema validator does with a BOM nested 1,000 levels deep.
 */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (depth > max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === "object") stack.push({ node: child, depth: depth + 1 });
    }
  }
  return false;
}
