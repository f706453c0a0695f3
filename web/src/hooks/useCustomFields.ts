import { useEffect, useState } from "react";
import { fieldsApi, type FieldEntity, type FieldView } from "../api/fields.ts";

/**
 * The organisation's own fields on one kind of record, in form order: current ones only, or with
 * the retired ones too (a record's page still shows the values they hold). A failure leaves the
 * list empty: the record's built-in fields still work.
 */
export function useCustomFields(entity: FieldEntity, opts: { archived?: boolean; enabled?: boolean; reload?: number } = {}): FieldView[] {
  const { archived = false, enabled = true, reload = 0 } = opts;
  const [fields, setFields] = useState<FieldView[]>([]);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    fieldsApi
      .list({ entity, archived }, controller.signal)
      .then((r) => setFields(r.items))
      .catch(() => undefined);
    return () => controller.abort();
  }, [entity, archived, enabled, reload]);
  return fields;
}
