/**
 * The dependent systems to send with a vendor edit: none when the user left the set as loaded.
 * The same links are also made from each system's form, so resending the loaded set would undo a
 * link someone made from a system meanwhile.
 */
export function changedSystemIds(loaded: readonly string[], chosen: readonly string[]): string[] | undefined {
  const before = new Set(loaded);
  const after = new Set(chosen);
  const same = before.size === after.size && [...after].every((id) => before.has(id));
  return same ? undefined : [...after];
}
