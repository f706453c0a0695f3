import type { OscalProp } from "./oscal.common.ts";

/**
 * The subset of the OSCAL 1.2 JSON models Musubi writes and reads. Field names are OSCAL's own
 * (kebab-case); the official schemas, not these types, are what the tests validate against.
 */

export interface OscalLink {
  href: string;
  rel?: string;
  "media-type"?: string;
  text?: string;
}

export interface OscalPart {
  id?: string;
  name: string;
  ns?: string;
  class?: string;
  title?: string;
  props?: OscalProp[];
  prose?: string;
  parts?: OscalPart[];
  links?: OscalLink[];
}

export interface OscalParam {
  id: string;
  label?: string;
  select?: { "how-many"?: string; choice?: string[] };
  props?: OscalProp[];
}

export interface OscalControl {
  id: string;
  class?: string;
  title: string;
  params?: OscalParam[];
  props?: OscalProp[];
  links?: OscalLink[];
  parts?: OscalPart[];
  controls?: OscalControl[];
}

export interface OscalGroup {
  id?: string;
  class?: string;
  title: string;
  params?: OscalParam[];
  props?: OscalProp[];
  links?: OscalLink[];
  parts?: OscalPart[];
  groups?: OscalGroup[];
  controls?: OscalControl[];
}

export interface OscalHash {
  algorithm: string;
  value: string;
}

export interface OscalResource {
  uuid: string;
  title?: string;
  description?: string;
  props?: OscalProp[];
  "document-ids"?: { scheme?: string; identifier: string }[];
  citation?: { text: string; props?: OscalProp[]; links?: OscalLink[] };
  rlinks?: { href: string; "media-type"?: string; hashes?: OscalHash[] }[];
  remarks?: string;
}

export interface OscalParty {
  uuid: string;
  type: "person" | "organization";
  name?: string;
  "short-name"?: string;
  props?: OscalProp[];
  remarks?: string;
}

export interface OscalMetadata {
  title: string;
  published?: string;
  "last-modified": string;
  version: string;
  "oscal-version": string;
  "document-ids"?: { scheme?: string; identifier: string }[];
  props?: OscalProp[];
  links?: OscalLink[];
  roles?: { id: string; title: string; description?: string; props?: OscalProp[] }[];
  parties?: OscalParty[];
  "responsible-parties"?: { "role-id": string; "party-uuids": string[] }[];
  remarks?: string;
}

export interface OscalCatalog {
  uuid: string;
  metadata: OscalMetadata;
  params?: OscalParam[];
  groups?: OscalGroup[];
  controls?: OscalControl[];
  "back-matter"?: { resources?: OscalResource[] };
}

export interface CatalogDocument {
  catalog: OscalCatalog;
}
