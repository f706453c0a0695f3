import type { UserView } from "../api/types.ts";
import type { Person } from "../api/workflow.ts";

interface PersonSelectProps {
  /** A user id, or "" for the empty choice. */
  value: string;
  onChange(id: string): void;
  users: readonly UserView[];
  /** People who may be chosen already but are not among `users` (disabled or beyond the first page): offered while chosen. */
  known?: readonly Person[];
  /** People offered whether chosen or not, before `users`, when they are not among them (a record's current owner). */
  offered?: readonly (Person | null | undefined)[];
  /** The label of the empty choice; none offers no empty choice. */
  emptyLabel?: string;
  id?: string;
  testId?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
  "aria-label"?: string;
}

/** A select of the organisation's active people, keeping a current choice that is not among them. */
export function PersonSelect({ value, onChange, users, known = [], offered = [], emptyLabel, testId, ...aria }: PersonSelectProps) {
  const listed = (id: string) => users.some((u) => u.id === id);
  const extra = offered.filter((p, i): p is Person => !!p && !listed(p.id) && offered.findIndex((q) => q?.id === p.id) === i);
  const current = value && !listed(value) && !extra.some((p) => p.id === value) ? known.find((p) => p.id === value) : undefined;
  return (
    <select className="input" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} {...aria}>
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {extra.map((p) => (
        <option key={p.id} value={p.id}>
          {p.displayName}
        </option>
      ))}
      {current && <option value={current.id}>{current.displayName}</option>}
      {users.map((u) => (
        <option key={u.id} value={u.id}>
          {u.displayName}
        </option>
      ))}
    </select>
  );
}
