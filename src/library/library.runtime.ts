import type { Library } from "./library.model.ts";
import { requireLibrary } from "./library.load.ts";

let shared: Library | undefined;

/**
 * The process's library, loaded and validated on first use. The library is immutable data shipped
 * with the code, so one copy serves every request and every test app in the process.
 */
export function getLibrary(): Library {
  shared ??= requireLibrary();
  return shared;
}
