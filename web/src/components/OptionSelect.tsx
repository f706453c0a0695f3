/** `T`: the values offered; `V`: what the select holds, `T` or also "" when it has an empty choice. */
interface OptionSelectProps<T extends string, V extends T | ""> {
  value: V;
  /** The values offered, in order; each shown by `label`. */
  options: readonly T[];
  label(option: T): string;
  onChange(value: NoInfer<V>): void;
  /** The label of an empty first choice (value ""), such as "All statuses"; none offers no empty choice. */
  emptyLabel?: string | undefined;
  className?: string | undefined;
  testId?: string | undefined;
  id?: string;
  "aria-label"?: string | undefined;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}

/** A select of a fixed list of values (kinds, statuses, severities…), each by its word in the UI language. */
export function OptionSelect<T extends string, V extends T | "" = T>({ value, options, label, onChange, emptyLabel, className = "input", testId, ...aria }: OptionSelectProps<T, V>) {
  return (
    <select className={className} value={value} onChange={(e) => onChange(e.target.value as V)} data-testid={testId} {...aria}>
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {options.map((o) => (
        <option key={o} value={o}>
          {label(o)}
        </option>
      ))}
    </select>
  );
}
