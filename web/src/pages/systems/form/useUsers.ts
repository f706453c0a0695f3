import { useEffect, useState } from "react";
import { usersApi } from "../../../api/endpoints.ts";
import type { UserView } from "../../../api/types.ts";

/** Active users (the first 200 by name) to pick owners from; empty until loaded or if refused. */
export function useUsers(): UserView[] {
  const [users, setUsers] = useState<UserView[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    usersApi
      .list({ limit: 200, sort: "displayName", status: "active" }, controller.signal)
      .then((page) => setUsers(page.items))
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  return users;
}
