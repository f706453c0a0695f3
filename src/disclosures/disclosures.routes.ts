import { z } from "zod";
import { defineRoute } from "../platform/http/route.ts";
import { idParams } from "../users/users.schema.ts";
import { buildSystemCard } from "./system-card.ts";
import { CARD_CSP, renderSystemCardHtml } from "./system-card.html.ts";
import { SystemCard } from "./system-card.schema.ts";

/** Documents an organisation discloses about its AI: for now, the system card. */
export const disclosureRoutes = [
  defineRoute({
    method: "get",
    path: "/api/systems/:id/card",
    summary: "The AI system card: JSON (musubi-system-card/1, schema in library/schema) or a bilingual HTML document, with EU AI Act Annex IV mapped to its fields",
    tag: "systems",
    access: { permission: "systems.read" },
    resource: "system",
    params: idParams,
    query: z.strictObject({ format: z.enum(["json", "html"]).default("json") }),
    response: SystemCard,
    handler: async ({ deps, actor, params, query }) => {
      const card = await buildSystemCard(deps.db.kysely, deps.library, actor.orgId, params.id);
      if (query.format === "json") return card;
      return new Response(renderSystemCardHtml(card), { headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": CARD_CSP, "content-disposition": `inline; filename="${card.system.code}-card.html"` } });
    },
  }),
];
