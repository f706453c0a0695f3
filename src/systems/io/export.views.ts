import { z } from "zod";
import { customValue } from "../../fields/fields.schema.ts";
import { systemView } from "../systems.schema.ts";

const keyOrNull = z.string().nullable();

/** One system as the import reads it back: people by e-mail, the department by code, custom people by e-mail. */
export const exportedSystemView = systemView
  .pick({ code: true, nameJa: true, nameEn: true, purpose: true, lifecycle: true, profile: true, models: true, datasets: true, components: true, vendors: true, countries: true, tags: true, lastReviewedAt: true, nextReviewAt: true, euClass: true, euClassFrom: true })
  .extend({
    businessOwnerEmail: keyOrNull,
    businessOwnerName: keyOrNull,
    technicalOwnerEmail: keyOrNull,
    technicalOwnerName: keyOrNull,
    departmentCode: keyOrNull,
    departmentNameJa: keyOrNull,
    departmentNameEn: keyOrNull,
    /** The organisation's own fields, by key; a person field whose member is gone is null. Absent when there are none. */
    custom: z.record(z.string(), customValue.nullable()).optional(),
  });

/** The inventory's JSON download (`toJson`) for the API description: the import's shape, not the API's `systemView`. */
export const inventoryExportView = z.array(exportedSystemView);
