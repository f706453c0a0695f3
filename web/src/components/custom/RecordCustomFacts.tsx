import type { CustomValues, FieldEntity } from "../../api/fields.ts";
import type { UserView } from "../../api/types.ts";
import { useCustomFields } from "../../hooks/useCustomFields.ts";
import { useOwners } from "../../pages/controls/useOwners.ts";
import { CustomFieldFacts } from "./CustomFieldFacts.tsx";

/** A record page's card of its values in the organisation's own fields (retired fields included), people by name. */
export function RecordCustomFacts({ entity, values }: { entity: FieldEntity; values: CustomValues | undefined }) {
  const fields = useCustomFields(entity, { archived: true, enabled: values !== undefined && Object.keys(values).length > 0 });
  const { personName } = useCustomPeople(fields);
  if (!values) return null;
  return <CustomFieldFacts fields={fields} values={values} personName={personName} />;
}

/**
 * The people a list's custom columns and filter need: loaded only when one of the fields is a
 * person field, with a lookup of a name by id.
 */
export function useCustomPeople(fields: readonly { type: string }[]): { users: UserView[]; personName(id: string): string | undefined } {
  const users = useOwners(fields.some((f) => f.type === "person"));
  return { users, personName: (id) => users.find((u) => u.id === id)?.displayName };
}
