import { useState, type ReactNode } from "react";

interface DisclosureProps {
  summary: ReactNode;
  /** Rendered only while open, so a long list of closed disclosures costs nothing. */
  children: () => ReactNode;
  defaultOpen?: boolean;
  className?: string;
  testId?: string;
}

/** A native `<details>` whose content is built when first opened. */
export function Disclosure({ summary, children, defaultOpen = false, className, testId }: DisclosureProps) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <details
      className={className ? `disclosure ${className}` : "disclosure"}
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      data-testid={testId}
    >
      <summary className="disclosure__summary">{summary}</summary>
      {open && <div className="disclosure__body">{children()}</div>}
    </details>
  );
}
