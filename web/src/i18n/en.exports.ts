/** English UI strings (exports); spread into `en.ts`. */
export const enExports = {
} as const;
