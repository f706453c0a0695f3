import type { enExports } from "./en.exports.ts";

/** Japanese UI strings (exports); spread into `ja.ts`. */
export const jaExports: Record<keyof typeof enExports, string> = {
};
