import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ROUTES } from "../routes.ts";
import { PERMISSIONS } from "./authz.ts";
import { renderPermissionTable, TABLE_END, TABLE_START } from "./authz.docs.ts";

describe("docs/api.md", () => {
  it("holds the role × permission table exactly as the code defines it (else: npm run docs:permissions)", () => {
    const doc = fs.readFileSync(new URL("../../docs/api.md", import.meta.url), "utf8");
    const table = doc.slice(doc.indexOf(TABLE_START), doc.indexOf(TABLE_END) + TABLE_END.length);
    expect(table).toBe(renderPermissionTable(ROUTES));
    for (const p of Object.keys(PERMISSIONS)) expect(table).toContain(`| \`${p}\` |`);
  });
});
