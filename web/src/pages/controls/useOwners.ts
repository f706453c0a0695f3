import { useEffect, useState } from "react";
import { usersApi } from "../../api/endpoints.ts";
import type { UserView } from "../../api/types.ts";

/** Active users (first 200 by name) to choose an owner from; empty when they cannot be read. */
export function useOwners(enabled = true): UserView[] {
  const [users, setUsers] = useState<UserView[]>([]);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    usersApi
      .list({ limit: 200, sort: "displayName", status: "active" }, controller.signal)
      .then((page) => setUsers(page.items))
      .catch(() => undefined);
    return () => controller.abort();
  }, [enabled]);
  return users;
}
