import type { UserView } from "../../api/types.ts";
import type { Person } from "../../api/workflow.ts";

interface PersonSelectProps {
  /** A user id, or "" for the empty choice. */
  value: string;
  onChange(id: string): void;
  users: readonly UserView[];
  /** People who may be chosen already but are not among `users` (disabled or beyond the first page). */
  known?: readonly Person[];
  /** The label of the empty choice; none offers no empty choice. */
  emptyLabel?: string;
  id?: string;
  testId?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}

/** A select of the organisation's active people, keeping a current choice that is not among them. */
export function PersonSelect({ value, onChange, users, known = [], emptyLabel, testId, ...aria }: PersonSelectProps) {
  const current = value && !users.some((u) => u.id === value) ? known.find((p) => p.id === value) : undefined;
  return (
    <select className="input" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} {...aria}>
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {current && <option value={current.id}>{current.displayName}</option>}
      {users.map((u) => (
        <option key={u.id} value={u.id}>
          {u.displayName}
        </option>
      ))}
    </select>
  );
}
