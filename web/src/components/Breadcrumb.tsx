import { Link } from "../router/router.tsx";

interface BreadcrumbProps {
  /** The trail's accessible name. */
  label: string;
  /** The page one level up: a list, or the page that leads to this one. */
  parent: { to: string; label: string };
  /** This page (a record's code); none when the page heading says it. */
  current?: string | undefined;
}

/** The way back from a page to the one above it. */
export function Breadcrumb({ label, parent, current }: BreadcrumbProps) {
  return (
    <nav className="breadcrumb" aria-label={label}>
      <Link to={parent.to}>{parent.label}</Link>
      {current !== undefined && <span aria-current="page">{current}</span>}
    </nav>
  );
}
