import { useEffect, useState } from "react";
import { useDebounced } from "../hooks/usePagedList.ts";

interface SearchBoxProps {
  value: string;
  label: string;
  onSearch(q: string): void;
}

/** A search input that reports its text once typing pauses. */
export function SearchBox({ value, label, onSearch }: SearchBoxProps) {
  const [text, setText] = useState(value);
  const settled = useDebounced(text.trim(), 300);
  useEffect(() => {
    setText(value);
  }, [value]);
  useEffect(() => {
    if (settled !== value) onSearch(settled);
    // Only a change of the typed text should search.
  }, [settled]);
  return (
    <input
      type="search"
      className="input search-input"
      placeholder={label}
      aria-label={label}
      value={text}
      onChange={(e) => setText(e.target.value)}
    />
  );
}
