import { defineRoute } from "../platform/http/route.ts";
import { riskTaxonomy } from "./taxonomy.ts";
import { RiskTaxonomy } from "./taxonomy.schema.ts";

export const riskTaxonomyRoutes = [
  defineRoute({
    method: "get",
    path: "/api/risk-taxonomy",
    summary: "The MIT AI Risk Repository's domain and causal taxonomies (v3), with citation and licence; Japanese names are Musubi's translations",
    tag: "risks",
    access: { permission: "library.read" },
    response: RiskTaxonomy,
    handler: async () => riskTaxonomy(),
  }),
];
