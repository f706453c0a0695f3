import { useI18n } from "../i18n/I18nProvider.tsx";

interface SortHeaderProps {
  label: string;
  field: string;
  /** The list's current `sort`: `field` or `-field`. */
  sort: string;
  onSort(sort: string): void;
}

/** A column header that sorts by its field; a second click reverses the order. */
export function SortHeader({ label, field, sort, onSort }: SortHeaderProps) {
  const { t } = useI18n();
  const active = sort === field || sort === `-${field}`;
  const descending = sort === `-${field}`;
  return (
    <th scope="col" aria-sort={active ? (descending ? "descending" : "ascending") : "none"}>
      <button
        type="button"
        className="sort-button"
        title={t("sort.by", { column: label })}
        onClick={() => onSort(active && !descending ? `-${field}` : field)}
      >
        {label}
        <span className={active ? "sort-button__arrow sort-button__arrow--active" : "sort-button__arrow"} aria-hidden="true">
          {active ? (descending ? "▼" : "▲") : "↕"}
        </span>
      </button>
    </th>
  );
}
