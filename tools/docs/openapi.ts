// `npm run docs:openapi`: writes docs/openapi.json, the API's description as the server serves it
// at /api/openapi.json, so that every change to the API shows in review (a test keeps them equal).
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { openApiText } from "../../src/platform/http/openapi.file.ts";

const file = fileURLToPath(new URL("../../docs/openapi.json", import.meta.url));
fs.writeFileSync(file, openApiText());
console.log(`docs/openapi.json written`);
