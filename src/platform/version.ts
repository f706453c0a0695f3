import { readFileSync } from "node:fs";

/** The package version, read once; shown in /api/health, the OpenAPI document and `musubi --version`. */
export const VERSION: string = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;
