import type { SystemView } from "../../../api/systems.ts";
import { vendorLinksOf } from "../../../api/vendors.ts";
import type { DepartmentView, Locale, UserView } from "../../../api/types.ts";
import { departmentName, useDepartments } from "../../../hooks/useDepartments.ts";
import { useSignedIn } from "../../../session/SessionProvider.tsx";
import type { DraftField } from "./form-model.ts";
import { useUsers } from "./useUsers.ts";
import { useVendorOptions } from "./useVendorOptions.ts";

export interface FormLookups {
  users: UserView[];
  departments: DepartmentView[];
  /** Names for ids the selects may not list (people, departments, linked vendors), from the system versions in play. */
  knownNames: Record<string, string>;
  /** A person's or department's name for an id, for the conflict view. */
  name(field: DraftField, id: string): string;
}

/** Users and departments to pick from, and names for the ids a system refers to (vendors by the register's names). */
export function useFormLookups(lang: Locale, systems: (SystemView | undefined)[]): FormLookups {
  const { can } = useSignedIn();
  const users = useUsers();
  const departments = useDepartments(can("departments.read"));
  const register = useVendorOptions().vendors;
  const knownNames: Record<string, string> = {};
  for (const s of systems) {
    if (!s) continue;
    if (s.businessOwner) knownNames[s.businessOwner.id] = s.businessOwner.displayName;
    if (s.technicalOwner) knownNames[s.technicalOwner.id] = s.technicalOwner.displayName;
    if (s.department) knownNames[s.department.id] = departmentName(s.department, lang);
    for (const v of vendorLinksOf(s)) knownNames[v.id] = v.name;
  }
  const name = (field: DraftField, id: string) => {
    if (field === "vendorIds") return register.find((v) => v.id === id)?.name ?? knownNames[id] ?? "—";
    if (field === "departmentId") {
      const d = departments.find((x) => x.id === id);
      return d ? departmentName(d, lang) : (knownNames[id] ?? id);
    }
    return users.find((u) => u.id === id)?.displayName ?? knownNames[id] ?? id;
  };
  return { users, departments, knownNames, name };
}
