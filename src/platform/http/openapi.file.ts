import { ROUTES } from "../../routes.ts";
import { VERSION } from "../version.ts";
import { buildOpenApi } from "./openapi.ts";

/** The description as committed in docs/openapi.json: the served document, indented, one trailing newline. */
export function openApiText(): string {
  return `${JSON.stringify(buildOpenApi(ROUTES, VERSION), null, 2)}\n`;
}
