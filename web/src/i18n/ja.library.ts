import type { enLibrary } from "./en.library.ts";

/** Japanese UI strings (library); spread into `ja.ts`. */
export const jaLibrary: Record<keyof typeof enLibrary, string> = {
};
