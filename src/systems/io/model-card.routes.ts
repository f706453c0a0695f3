import { z } from "zod";
import { changeContextOf } from "../../audit/audited.ts";
import { fileNameOf } from "../../compliance/evidence.routes.ts";
import { defineRoute } from "../../platform/http/route.ts";
import { todayIn } from "../../platform/time.ts";
import { idParams } from "../../users/users.schema.ts";
import { CARD_FORMATS } from "../systems.card-fields.ts";
import { datasetEntry, modelEntry } from "../systems.schema.ts";
import { importModelCard } from "./model-card.import.ts";
import { cardTooLarge, MAX_CARD_BYTES } from "./model-card.messages.ts";

const bilingual = z.object({ en: z.string(), ja: z.string() });

/** `?apply=true` writes; anything else previews. `name` and `kind` speak where the card does not. */
export const modelCardQuery = z.strictObject({
  apply: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  /** The system version the preview was made against; a stale one is refused with 409. */
  version: z.coerce.number().int().min(1).optional(),
  /** The name to record the model (or dataset) under, instead of the card's own; needed when the card has none. */
  name: z.string().trim().min(1).max(200).optional(),
  /** Whether a README.md is a model or a dataset card, when its metadata leaves it open. */
  kind: z.enum(["model", "dataset"]).optional(),
});

const previewView = z.object({
  format: z.enum(CARD_FORMATS),
  models: z.array(modelEntry),
  datasets: z.array(datasetEntry),
  warnings: z.array(bilingual),
  system: z.object({ id: z.string(), code: z.string(), version: z.number().int() }),
  changes: z.array(z.object({ kind: z.enum(["model", "dataset"]), name: z.string(), action: z.enum(["add", "update", "unchanged"]), fields: z.array(z.string()), replaced: z.record(z.string(), z.string()) })),
  applied: z.boolean(),
});

export const modelCardRoutes = [
  defineRoute({
    method: "post",
    path: "/api/systems/:id/model-card",
    summary:
      "Read a model or dataset card (Hugging Face README.md with YAML front matter, Hugging Face eval results YAML, or Model Card Toolkit JSON; raw body up to 1 MiB, header x-file-name) into the system's models and datasets: a preview, or with apply=true written like any edit",
    tag: "systems",
    access: { permission: "systems.edit" },
    resource: "system",
    upload: true,
    params: idParams,
    query: modelCardQuery,
    response: previewView,
    responses: {
      422: { description: "import_invalid_card: the card cannot be read (not UTF-8, empty, unclosed front matter, malformed YAML or JSON, not a mapping, no name, nothing to import, too many entries, a value that does not fit); details.reason names the problem and details.message says it in both languages" },
    },
    handler: ({ deps, actor, params, query, body, c, locale, requestId }) => {
      const bytes = body as unknown as Uint8Array;
      if (bytes.byteLength > MAX_CARD_BYTES) throw cardTooLarge("bytes", MAX_CARD_BYTES);
      const header = c.req.header("x-file-name");
      const ctx = { db: deps.db, library: deps.library, locale, asOf: todayIn(actor.timeZone) };
      return importModelCard(ctx, changeContextOf(actor, requestId), actor, params.id, bytes, {
        apply: query.apply,
        ...(query.version !== undefined && { version: query.version }),
        ...(query.name !== undefined && { name: query.name }),
        ...(query.kind !== undefined && { kind: query.kind }),
        ...(header !== undefined && { fileName: fileNameOf(header) }),
      });
    },
  }),
];
