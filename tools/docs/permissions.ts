// `npm run docs:permissions`: rewrites the role × permission table in docs/api.md from the code.
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { renderPermissionTable, replaceTable } from "../../src/platform/authz.docs.ts";
import { ROUTES } from "../../src/routes.ts";

const file = fileURLToPath(new URL("../../docs/api.md", import.meta.url));
fs.writeFileSync(file, replaceTable(fs.readFileSync(file, "utf8"), renderPermissionTable(ROUTES)));
console.log(`docs/api.md: permission table written (${ROUTES.length} operations)`);
