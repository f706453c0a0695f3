import { useEffect, useState } from "react";
import { departmentsApi } from "../api/endpoints.ts";
import type { DepartmentView, Locale } from "../api/types.ts";

/**
 * The organisation's departments (first 200, by code) for selects and for naming a user's
 * department in tables. A failure leaves the list empty: ids then show instead of names.
 */
export function useDepartments(enabled = true): DepartmentView[] {
  const [departments, setDepartments] = useState<DepartmentView[]>([]);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    departmentsApi
      .list({ limit: 200, sort: "code" }, controller.signal)
      .then((page) => setDepartments(page.items))
      .catch(() => undefined);
    return () => controller.abort();
  }, [enabled]);
  return departments;
}

export function departmentName(d: Pick<DepartmentView, "nameJa" | "nameEn">, lang: Locale): string {
  return lang === "ja" ? d.nameJa : d.nameEn;
}
