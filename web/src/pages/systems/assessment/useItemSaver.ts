import { ApiError } from "../../../api/client.ts";
import { assessmentsApi, type ItemView, type UpdateItemInput } from "../../../api/systems.ts";
import type { NoticeMessage } from "../../../components/notice-message.ts";
import type { PagedList } from "../../../hooks/usePagedList.ts";

export interface ItemSaver {
  /** Saves a change to a row with the version shown; resolves when saved, rejects (after saying why) when not. */
  save(item: ItemView, input: Omit<UpdateItemInput, "version">, opts?: { quiet?: boolean }): Promise<void>;
}

/**
 * Answers rows: replaces the row in place, refreshes the counts, and on a 409 shows the row as it
 * now is (someone else answered first) instead of overwriting it.
 */
export function useItemSaver(items: PagedList<ItemView>, onSaved: () => void, notify: (n: NoticeMessage | undefined) => void): ItemSaver {
  return {
    async save(item, input, opts) {
      notify(undefined);
      try {
        const updated = await assessmentsApi.updateItem(item.id, { version: item.version, ...input });
        items.replaceItem((i) => i.id === item.id, updated);
        onSaved();
      } catch (err) {
        if (err instanceof ApiError && err.code === "conflict") {
          const current = err.currentRecord<ItemView>();
          if (current && typeof current === "object" && "requirement" in current) items.replaceItem((i) => i.id === item.id, current);
          else items.reload();
          notify({ kind: "warning", text: (i) => i.t("systems.assess.rowConflict") });
        } else if (!opts?.quiet) {
          notify({ kind: "error", text: (i) => i.errorMessage(err) });
        }
        throw err;
      }
    },
  };
}
