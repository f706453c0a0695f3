import { z } from "zod";
import type { Library, LoadedFramework } from "../library/library.model.ts";
import { notFound } from "../platform/errors.ts";
import { defineRoute } from "../platform/http/route.ts";
import { idParams } from "../users/users.schema.ts";
import { assessmentToResults } from "./oscal.assessment.ts";
import { frameworkToCatalog } from "./oscal.catalog.ts";
import { crosswalksToMapping } from "./oscal.mapping.ts";
import { assessmentResultsDocument, catalogDocument, mappingCollectionDocument } from "./oscal.schema.ts";
import { readAssessmentForExport } from "./oscal.store.ts";
import type { CatalogDocument } from "./oscal.types.ts";

// The library is immutable for the life of the process, so each document is built once per library.
const catalogs = new WeakMap<LoadedFramework, CatalogDocument>();
const mappings = new WeakMap<Library, ReturnType<typeof crosswalksToMapping>>();

/** A framework version's catalog, built on first request and kept with the library. */
export function catalogFor(fw: LoadedFramework): CatalogDocument {
  let doc = catalogs.get(fw);
  if (!doc) {
    doc = frameworkToCatalog(fw);
    catalogs.set(fw, doc);
  }
  return doc;
}

/** The library's crosswalks as one mapping collection, built once per library. */
export function mappingFor(library: Library): ReturnType<typeof crosswalksToMapping> {
  let doc = mappings.get(library);
  if (!doc) {
    doc = crosswalksToMapping(library);
    mappings.set(library, doc);
  }
  return doc;
}

const READ_LIBRARY = { permission: "library.read" } as const;

/** OSCAL 1.2 exports: framework catalogs, the crosswalk mapping collection, assessment results. */
export const oscalRoutes = [
  defineRoute({
    method: "get",
    path: "/api/oscal/catalogs/:frameworkId",
    summary: "A framework of the library as an OSCAL 1.2 catalog (JSON); the current version unless `version` names another",
    tag: "library",
    access: READ_LIBRARY,
    params: z.strictObject({ frameworkId: z.string().min(1).max(80) }),
    query: z.strictObject({ version: z.string().min(1).max(40).optional() }),
    response: catalogDocument,
    async handler({ deps, params, query }) {
      const fw = query.version ? deps.library.frameworks.get(params.frameworkId)?.get(query.version) : deps.library.current.get(params.frameworkId);
      if (!fw) throw notFound();
      return catalogFor(fw);
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/oscal/mapping",
    summary: "Every crosswalk of the library as one OSCAL 1.2 mapping collection (JSON), relationships in OSCAL's terms as Musubi reads them",
    tag: "library",
    access: READ_LIBRARY,
    response: mappingCollectionDocument,
    async handler({ deps }) {
      return mappingFor(deps.library);
    },
  }),
  defineRoute({
    method: "get",
    path: "/api/assessments/:id/oscal",
    summary: "The assessment as OSCAL 1.2 assessment-results (JSON): a finding and an observation per applicable requirement, evidence in back-matter",
    tag: "assessments",
    cache: "ledger",
    access: { permission: "assessments.read" },
    resource: "assessment",
    params: idParams,
    response: assessmentResultsDocument,
    async handler({ deps, actor, params }) {
      const data = await readAssessmentForExport(deps.db.kysely, actor.orgId, params.id);
      return assessmentToResults(deps.library, data);
    },
  }),
];
