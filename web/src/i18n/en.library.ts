/** English UI strings (library); spread into `en.ts`. */
export const enLibrary = {
} as const;
