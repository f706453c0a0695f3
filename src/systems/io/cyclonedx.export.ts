import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { notFound } from "../../platform/errors.ts";
import { nowIso } from "../../platform/time.ts";
import { VERSION } from "../../platform/version.ts";
import type { ComponentEntry, DatasetEntry, ModelEntry, SystemView } from "../systems.schema.ts";
import { findSystem } from "../systems.store.ts";
import { licenceChoice, type LicenceChoice } from "./cyclonedx.export.licence.ts";
import { datasetCardProperties, modelCardOf, modelProperties, type BomModelCard, type Property } from "./cyclonedx.card.ts";

/** The registered media type of a CycloneDX JSON BOM, with the version its `version` parameter names. */
export const BOM_MEDIA_TYPE = "application/vnd.cyclonedx+json; version=1.6";

interface BomComponent {
  type: "application" | "library" | "machine-learning-model" | "data";
  "bom-ref": string;
  name: string;
  version?: string;
  description?: string;
  supplier?: { name: string };
  licenses?: LicenceChoice;
  data?: { type: "dataset"; name: string; contents?: { url: string }; classification?: string }[];
  tags?: string[];
  modelCard?: BomModelCard;
  properties?: Property[];
}

/** A CycloneDX 1.6 JSON BOM as Musubi writes it: only the members it has facts for. */
export interface CycloneDxBom {
  bomFormat: "CycloneDX";
  specVersion: "1.6";
  serialNumber: string;
  version: 1;
  metadata: {
    timestamp: string;
    tools: { components: { type: "application"; name: string; version: string }[] };
    component: BomComponent;
  };
  components: BomComponent[];
  dependencies?: { ref: string; dependsOn: string[] }[];
}

/** What differs between two exports of the same record: when, which serial number, which Musubi. */
export interface BomStamp {
  timestamp: string;
  serialNumber: string;
  toolVersion: string;
}

/** The part of a system record the BOM is made from. */
export type BomSource = Pick<SystemView, "code" | "nameJa" | "nameEn" | "purpose" | "tags" | "models" | "datasets" | "components">;

/**
 * Words for the `classification` of a dataset holding personal data, chosen so that the importer
 * (`parseCycloneDx`) reads the same APPI flags back; a dataset without personal data gets none,
 * since Musubi does not know how the organisation otherwise classifies it.
 */
const CLASSIFICATION = {
  personal: "personal information (個人情報)",
  sensitive: "special care-required personal information (要配慮個人情報)",
};

/** A dataset source that is an absolute URL the schema's `iri-reference` accepts; anything else is a name. */
const URL_SOURCE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s<>"{}|\\^`]+$/;

/**
 * The system as a CycloneDX 1.6 ML-BOM: the system is `metadata.component` (an `application`
 * named by its code), its models `machine-learning-model`s, its datasets `data` components and its
 * third-party components `library`s, each depended on by the system. Only fields Musubi stores
 * are written: a model card only for a model with card facts (imported from a model card, see
 * `cyclonedx.card.ts`), and Musubi's own facts without a CycloneDX field (hosting, the APPI flags,
 * a source that is not a URL, card facts CycloneDX has no member for, the system's names) as
 * `musubi:` properties, which the importer reads back.
 *
 * A model keeps the `bom-ref` it was imported with; one entered by hand gets `name@version`, the
 * key the importer matches models on, so importing Musubi's own BOM into the system adds nothing.
 */
export function buildSystemBom(system: BomSource, stamp: BomStamp): CycloneDxBom {
  const ref = refAllocator(system.code);
  const components = [
    ...system.models.map((m) => modelComponent(m, ref(m.bomRef ?? `${m.name}@${m.version ?? ""}`))),
    ...system.datasets.map((d) => datasetComponent(d, ref(`dataset:${d.name}`))),
    ...system.components.map((c) => libraryComponent(c, ref(`component:${c.name}@${c.version ?? ""}`))),
  ];
  const application: BomComponent = {
    type: "application",
    "bom-ref": system.code,
    name: system.code,
    ...(system.purpose !== "" && { description: system.purpose }),
    ...(system.tags.length > 0 && { tags: system.tags }),
    properties: [
      { name: "musubi:name:ja", value: system.nameJa },
      { name: "musubi:name:en", value: system.nameEn },
    ],
  };
  return {
    bomFormat: "CycloneDX",
    specVersion: "1.6",
    serialNumber: stamp.serialNumber,
    version: 1,
    metadata: {
      timestamp: stamp.timestamp,
      tools: { components: [{ type: "application", name: "Musubi", version: stamp.toolVersion }] },
      component: application,
    },
    components,
    // A system with nothing recorded has no graph: an empty `dependsOn` would claim it has no dependencies at all.
    ...(components.length > 0 && { dependencies: [{ ref: system.code, dependsOn: components.map((c) => c["bom-ref"]) }] }),
  };
}

function modelComponent(m: ModelEntry, bomRef: string): BomComponent {
  const modelCard = modelCardOf(m);
  const properties = modelProperties(m);
  return {
    type: "machine-learning-model",
    "bom-ref": bomRef,
    name: m.name,
    ...(m.version && { version: m.version }),
    ...(m.provider && { supplier: { name: m.provider } }),
    ...(m.licence && { licenses: licenceChoice(m.licence) }),
    ...(m.tags && { tags: m.tags }),
    ...(modelCard && { modelCard }),
    ...(properties.length > 0 && { properties }),
  };
}

function datasetComponent(d: DatasetEntry, bomRef: string): BomComponent {
  const url = d.source !== undefined && URL_SOURCE.test(d.source) ? d.source : undefined;
  const classification = d.sensitiveData ? CLASSIFICATION.sensitive : d.personalData ? CLASSIFICATION.personal : undefined;
  return {
    type: "data",
    "bom-ref": bomRef,
    name: d.name,
    ...(d.licence && { licenses: licenceChoice(d.licence) }),
    data: [{ type: "dataset", name: d.name, ...(url && { contents: { url } }), ...(classification && { classification }) }],
    properties: [
      ...(d.source !== undefined && url === undefined ? [{ name: "musubi:source", value: d.source }] : []),
      { name: "musubi:personal-data", value: String(d.personalData) },
      { name: "musubi:sensitive-data", value: String(d.sensitiveData) },
      ...datasetCardProperties(d),
    ],
  };
}

/** Musubi does not record what kind of third-party component it is; `library` is CycloneDX's for software a system uses. */
function libraryComponent(c: ComponentEntry, bomRef: string): BomComponent {
  return {
    type: "library",
    "bom-ref": bomRef,
    name: c.name,
    ...(c.version && { version: c.version }),
    ...(c.supplier && { supplier: { name: c.supplier } }),
    ...(c.licence && { licenses: licenceChoice(c.licence) }),
  };
}

/**
 * Hands out `bom-ref`s unique within the BOM, as the specification requires: a repeat gets `#2`,
 * `#3`…, which also keeps two identical entries from failing the schema's `uniqueItems`.
 */
function refAllocator(systemRef: string): (wanted: string) => string {
  const taken = new Set([systemRef]);
  return (wanted) => {
    let ref = wanted;
    for (let n = 2; taken.has(ref); n++) ref = `${wanted}#${n}`;
    taken.add(ref);
    return ref;
  };
}

/** The BOM of one system of the organisation, stamped now with a fresh serial number; 404 when the system is not the organisation's. */
export async function readSystemBom(db: Kysely<Database>, orgId: string, systemId: string): Promise<CycloneDxBom> {
  const system = await findSystem(db, orgId, systemId);
  if (!system) throw notFound();
  return buildSystemBom(system, { timestamp: nowIso(), serialNumber: `urn:uuid:${randomUUID()}`, toolVersion: VERSION });
}

/** The BOM as the file the API and the CLI write: indented JSON, for people who open it as well as tools. */
export function bomText(bom: CycloneDxBom): string {
  return `${JSON.stringify(bom, null, 2)}\n`;
}

/** The BOM as a download named after the system's code (codes are `[A-Za-z0-9._-]`, safe in the header as they are). */
export function bomDownload(bom: CycloneDxBom): Response {
  return new Response(bomText(bom), {
    headers: { "content-type": BOM_MEDIA_TYPE, "content-disposition": `attachment; filename="${bom.metadata.component.name}-bom.cdx.json"`, "cache-control": "no-store" },
  });
}
