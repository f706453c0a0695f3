import { z } from "zod";

/**
 * The OSCAL exports as the API description documents them. The top level of each document, its
 * metadata and the props and links are Musubi's subset exactly (oscal.types.ts); the OSCAL
 * structures below them are open objects with the keys NIST's schema requires, as that schema, not
 * this one, is the full contract (and the tests check every export against it).
 */

const NIST = "full schema: NIST OSCAL JSON schema";

const prop = z.object({ name: z.string(), value: z.string(), ns: z.string().optional(), class: z.string().optional(), remarks: z.string().optional() });
const link = z.object({ href: z.string(), rel: z.string().optional(), "media-type": z.string().optional(), text: z.string().optional() });

const metadata = z
  .object({
    title: z.string(),
    published: z.string().optional(),
    "last-modified": z.string(),
    version: z.string(),
    "oscal-version": z.string(),
    "document-ids": z.array(z.object({ scheme: z.string().optional(), identifier: z.string() })).optional(),
    props: z.array(prop).optional(),
    links: z.array(link).optional(),
    roles: z.array(z.object({ id: z.string(), title: z.string(), description: z.string().optional(), props: z.array(prop).optional() })).optional(),
    parties: z
      .array(z.object({ uuid: z.string(), type: z.enum(["person", "organization"]), name: z.string().optional(), "short-name": z.string().optional(), props: z.array(prop).optional(), remarks: z.string().optional() }))
      .optional(),
    "responsible-parties": z.array(z.object({ "role-id": z.string(), "party-uuids": z.array(z.string()) })).optional(),
    remarks: z.string().optional(),
  })
  .describe("OSCAL document metadata, as Musubi writes it");

const backMatter = z.object({ resources: z.array(z.looseObject({ uuid: z.string() }).describe(`OSCAL back-matter resource; ${NIST}`)).optional() });

const control = z.looseObject({ id: z.string(), title: z.string() }).describe(`OSCAL control; ${NIST}`);
const group = z.looseObject({ title: z.string() }).describe(`OSCAL control group; ${NIST}`);

/** `GET /api/oscal/catalogs/:frameworkId`: one framework version as a catalog. */
export const catalogDocument = z
  .object({
    catalog: z.object({
      uuid: z.string(),
      metadata,
      params: z.array(z.looseObject({ id: z.string() }).describe(`OSCAL parameter; ${NIST}`)).optional(),
      groups: z.array(group).optional(),
      controls: z.array(control).optional(),
      "back-matter": backMatter.optional(),
    }),
  })
  .describe(`OSCAL 1.2 catalog; ${NIST}`);

const mappingItem = z.looseObject({ type: z.string(), "id-ref": z.string() }).describe(`OSCAL mapping item; ${NIST}`);
const resourceReference = z.looseObject({ type: z.string(), href: z.string() }).describe(`OSCAL mapping resource reference; ${NIST}`);

/** `GET /api/oscal/mapping`: the library's crosswalks as one mapping collection. */
export const mappingCollectionDocument = z
  .object({
    "mapping-collection": z.object({
      uuid: z.string(),
      metadata,
      provenance: z.object({ method: z.string(), "matching-rationale": z.string(), status: z.string(), "mapping-description": z.string() }),
      mappings: z.array(
        z
          .looseObject({
            uuid: z.string(),
            "source-resource": resourceReference,
            "target-resource": resourceReference,
            maps: z.array(z.looseObject({ uuid: z.string(), relationship: z.string(), sources: z.array(mappingItem), targets: z.array(mappingItem) }).describe(`OSCAL map; ${NIST}`)),
          })
          .describe(`OSCAL mapping; ${NIST}`),
      ),
      "back-matter": backMatter.optional(),
    }),
  })
  .describe(`OSCAL 1.2 mapping collection; ${NIST}`);

const observation = z.looseObject({ uuid: z.string(), description: z.string(), methods: z.array(z.string()), collected: z.string() }).describe(`OSCAL observation; ${NIST}`);
const finding = z
  .looseObject({
    uuid: z.string(),
    title: z.string(),
    description: z.string(),
    target: z.looseObject({ type: z.string(), "target-id": z.string(), status: z.looseObject({ state: z.string() }) }),
  })
  .describe(`OSCAL finding; ${NIST}`);

/** `GET /api/assessments/:id/oscal`: one assessment as assessment-results with a single result. */
export const assessmentResultsDocument = z
  .object({
    "assessment-results": z.object({
      uuid: z.string(),
      metadata,
      "import-ap": z.object({ href: z.string(), remarks: z.string().optional() }),
      results: z.array(
        z
          .looseObject({
            uuid: z.string(),
            title: z.string(),
            description: z.string(),
            start: z.string(),
            "reviewed-controls": z.looseObject({ "control-selections": z.array(z.looseObject({})) }),
            observations: z.array(observation).optional(),
            findings: z.array(finding).optional(),
          })
          .describe(`OSCAL assessment result; ${NIST}`),
      ),
      "back-matter": backMatter.optional(),
    }),
  })
  .describe(`OSCAL 1.2 assessment-results; ${NIST}`);
