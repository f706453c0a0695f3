import { z } from "zod";
import { defineRoute } from "../platform/http/route.ts";
import { idParams } from "../users/users.schema.ts";
import { buildSystemCard } from "./system-card.ts";
import { CARD_CSP, renderSystemCardHtml } from "./system-card.html.ts";
import { renderSystemCardPdf } from "./system-card.pdf.ts";
import { LOCALES } from "../platform/i18n.ts";
import { pdfLanguage, pdfResponse } from "../platform/pdf/pdf.http.ts";
import { SystemCard } from "./system-card.schema.ts";

/** Documents an organisation discloses about its AI: for now, the system card. */
export const disclosureRoutes = [
  defineRoute({
    method: "get",
    path: "/api/systems/:id/card",
    summary: "The AI system card: JSON (musubi-system-card/1, schema in library/schema), a bilingual HTML document or a PDF in one language (`lang`, else the caller's own), with EU AI Act Annex IV mapped to its fields",
    tag: "systems",
    access: { permission: "systems.read" },
    resource: "system",
    params: idParams,
    query: z.strictObject({ format: z.enum(["json", "html", "pdf"]).default("json"), lang: z.enum(LOCALES).optional() }),
    response: SystemCard,
    files: ["application/json", "text/html", "application/pdf"],
    handler: async ({ deps, actor, params, query }) => {
      const card = await buildSystemCard(deps.db.kysely, deps.library, actor.orgId, params.id);
      if (query.format === "json") return card;
      if (query.format === "pdf") return pdfResponse(await renderSystemCardPdf(card, await pdfLanguage(deps.db.kysely, actor, query.lang)), `${card.system.code}-card.pdf`);
      return new Response(renderSystemCardHtml(card), { headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": CARD_CSP, "content-disposition": `inline; filename="${card.system.code}-card.html"` } });
    },
  }),
];
