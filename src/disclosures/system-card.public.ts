import { SystemCard } from "./system-card.schema.ts";

/**
 * The card as the public may see it: the same document without the people in it — owners' names
 * and e-mail addresses, and who made each change in its history (the kind of actor stays). An
 * organisation discloses its systems, not its staff.
 */
export function publicCardOf(card: SystemCard): SystemCard {
  return SystemCard.parse({
    ...card,
    system: { ...card.system, businessOwner: null, technicalOwner: null },
    history: { ...card.history, entries: card.history.entries.map((e) => ({ ...e, by: { kind: e.by.kind, name: "" } })) },
  });
}
