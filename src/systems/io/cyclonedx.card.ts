import { z } from "zod";
import { cardSource, co2Emissions, evaluationEntry } from "../systems.card-fields.ts";
import { HOSTING, type DatasetEntry, type ModelEntry } from "../systems.schema.ts";

/** A CycloneDX `property`: Musubi's facts that have no CycloneDX field travel as `musubi:` ones. */
export interface Property {
  name: string;
  value: string;
}

/** The parts of a CycloneDX 1.6 `modelCard` Musubi writes; only members it has facts for. */
export interface BomModelCard {
  modelParameters?: { task: string };
  quantitativeAnalysis?: { performanceMetrics: { type?: string; value: string; slice?: string; confidenceInterval?: { lowerBound?: string; upperBound?: string } }[] };
  considerations?: { useCases?: string[]; technicalLimitations?: string[]; ethicalConsiderations?: { name: string }[] };
}

/** Property names, and the zod type each JSON-valued one is read back with. */
const TEXT = { outOfScopeUse: "musubi:out-of-scope-use", baseModel: "musubi:base-model", library: "musubi:library", intendedUse: "musubi:intended-use", limitations: "musubi:limitations", biasRisks: "musubi:bias-risks", source: "musubi:source", hosting: "musubi:hosting" } as const;
const JSON_VALUED = {
  evaluations: { name: "musubi:evaluations", schema: z.array(evaluationEntry).max(200) },
  languages: { name: "musubi:languages", schema: z.array(z.string().trim().min(1).max(50)).max(200) },
  co2Emissions: { name: "musubi:co2-emissions", schema: co2Emissions },
  importedFrom: { name: "musubi:imported-from", schema: z.array(cardSource).min(1).max(20) },
} as const;

const text = (name: string, value: string | undefined): Property[] => (value === undefined ? [] : [{ name, value }]);
const jsonValued = (name: string, value: unknown): Property[] => (value === undefined ? [] : [{ name, value: JSON.stringify(value) }]);

/**
 * A model's card facts as CycloneDX states them: the task, metrics, use cases, limitations and
 * ethical considerations in the standard `modelCard` (so other tools read them), and what the
 * standard has no member for — out-of-scope use, base model, library, languages, emissions in
 * grams, the full evaluation results (dataset, split, source) and the cards they came from — as
 * `musubi:` properties. Undefined when the model has no card facts.
 */
export function modelCardOf(m: ModelEntry): BomModelCard | undefined {
  const card: BomModelCard = {
    ...(m.task && { modelParameters: { task: m.task } }),
    ...(m.evaluations && {
      quantitativeAnalysis: {
        performanceMetrics: m.evaluations.map((e) => ({
          ...(e.metric && { type: e.metric }),
          value: e.value,
          ...(e.slice && { slice: e.slice }),
          ...((e.lowerBound || e.upperBound) && { confidenceInterval: { ...(e.lowerBound && { lowerBound: e.lowerBound }), ...(e.upperBound && { upperBound: e.upperBound }) } }),
        })),
      },
    }),
    ...((m.intendedUse || m.limitations || m.biasRisks) && {
      considerations: {
        ...(m.intendedUse && { useCases: [m.intendedUse] }),
        ...(m.limitations && { technicalLimitations: [m.limitations] }),
        ...(m.biasRisks && { ethicalConsiderations: [{ name: m.biasRisks }] }),
      },
    }),
  };
  return Object.keys(card).length > 0 ? card : undefined;
}

/** A model's `musubi:` properties: hosting and the card facts CycloneDX has no member for. */
export function modelProperties(m: ModelEntry): Property[] {
  return [
    ...text(TEXT.hosting, m.hosting),
    ...text(TEXT.outOfScopeUse, m.outOfScopeUse),
    ...text(TEXT.baseModel, m.baseModel),
    ...text(TEXT.library, m.library),
    ...jsonValued(JSON_VALUED.languages.name, m.languages),
    ...jsonValued(JSON_VALUED.evaluations.name, m.evaluations),
    ...jsonValued(JSON_VALUED.co2Emissions.name, m.co2Emissions),
    ...jsonValued(JSON_VALUED.importedFrom.name, m.importedFrom),
  ];
}

/** A dataset's card facts, all as `musubi:` properties (a CycloneDX data component has no member for them). */
export function datasetCardProperties(d: DatasetEntry): Property[] {
  return [
    ...jsonValued(JSON_VALUED.languages.name, d.languages),
    ...text(TEXT.intendedUse, d.intendedUse),
    ...text(TEXT.outOfScopeUse, d.outOfScopeUse),
    ...text(TEXT.limitations, d.limitations),
    ...text(TEXT.biasRisks, d.biasRisks),
    ...jsonValued(JSON_VALUED.importedFrom.name, d.importedFrom),
  ];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);
const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const str = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
const texts = (v: unknown) => (Array.isArray(v) ? v.map(str).filter((s) => s !== undefined) : []);
const joined = (items: string[]) => (items.length > 0 ? items.join("\n\n") : undefined);

function propertyReader(component: Json) {
  const props = new Map(objects(component.properties).map((p) => [str(p.name), typeof p.value === "string" ? p.value : undefined]));
  const unreadable: string[] = [];
  return {
    text: (name: string) => str(props.get(name)),
    json<T>(name: string, schema: z.ZodType<T>): T | undefined {
      const raw = props.get(name);
      if (raw === undefined) return undefined;
      try {
        const parsed = schema.safeParse(JSON.parse(raw));
        if (parsed.success) return parsed.data;
      } catch {
        /* reported below */
      }
      unreadable.push(name);
      return undefined;
    },
    unreadable,
  };
}

/**
 * The card facts of a `machine-learning-model` component: the standard `modelCard` members (task,
 * performance metrics, use cases, technical limitations, ethical considerations) and Musubi's own
 * properties, which win where both speak (`musubi:evaluations` keeps the dataset and split a
 * performance metric cannot hold). Returns the property names that could not be read.
 */
export function readModelCardFacts(c: Json): { facts: Partial<ModelEntry>; unreadable: string[] } {
  const p = propertyReader(c);
  const card = isObject(c.modelCard) ? c.modelCard : {};
  const params = isObject(card.modelParameters) ? card.modelParameters : {};
  const considerations = isObject(card.considerations) ? card.considerations : {};
  const metrics = objects(isObject(card.quantitativeAnalysis) ? card.quantitativeAnalysis.performanceMetrics : undefined).flatMap((m) => {
    const value = str(m.value);
    const ci = isObject(m.confidenceInterval) ? m.confidenceInterval : {};
    const entry = evaluationEntry.safeParse(defined({ metric: str(m.type), value, slice: str(m.slice), lowerBound: str(ci.lowerBound), upperBound: str(ci.upperBound) }));
    return entry.success ? [entry.data] : [];
  });
  const risks = objects(considerations.ethicalConsiderations).map((r) => {
    const name = str(r.name);
    const mitigation = str(r.mitigationStrategy);
    return name && mitigation ? `${name}\n  Mitigation strategy: ${mitigation}` : (name ?? (mitigation && `Mitigation strategy: ${mitigation}`));
  });
  const hosting = p.text(TEXT.hosting);
  const tags = texts(c.tags);
  const facts = defined({
    hosting: HOSTING.includes(hosting as (typeof HOSTING)[number]) ? (hosting as (typeof HOSTING)[number]) : undefined,
    task: str(params.task),
    tags: tags.length > 0 ? tags : undefined,
    intendedUse: joined(texts(considerations.useCases)),
    limitations: joined(texts(considerations.technicalLimitations)),
    biasRisks: joined(risks.filter((r) => r !== undefined)),
    outOfScopeUse: p.text(TEXT.outOfScopeUse),
    baseModel: p.text(TEXT.baseModel),
    library: p.text(TEXT.library),
    languages: p.json(JSON_VALUED.languages.name, JSON_VALUED.languages.schema),
    evaluations: p.json(JSON_VALUED.evaluations.name, JSON_VALUED.evaluations.schema) ?? (metrics.length > 0 ? metrics : undefined),
    co2Emissions: p.json(JSON_VALUED.co2Emissions.name, JSON_VALUED.co2Emissions.schema),
    importedFrom: p.json(JSON_VALUED.importedFrom.name, JSON_VALUED.importedFrom.schema),
  }) as Partial<ModelEntry>;
  return { facts, unreadable: p.unreadable };
}

/** The card facts and the non-URL source of a `data` component, from Musubi's own properties. */
export function readDatasetCardFacts(c: Json): { facts: Partial<DatasetEntry>; unreadable: string[] } {
  const p = propertyReader(c);
  const facts = defined({
    source: p.text(TEXT.source),
    languages: p.json(JSON_VALUED.languages.name, JSON_VALUED.languages.schema),
    intendedUse: p.text(TEXT.intendedUse),
    outOfScopeUse: p.text(TEXT.outOfScopeUse),
    limitations: p.text(TEXT.limitations),
    biasRisks: p.text(TEXT.biasRisks),
    importedFrom: p.json(JSON_VALUED.importedFrom.name, JSON_VALUED.importedFrom.schema),
  }) as Partial<DatasetEntry>;
  return { facts, unreadable: p.unreadable };
}

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
