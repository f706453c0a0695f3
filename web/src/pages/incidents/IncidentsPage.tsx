/** Placeholder until the page is built. */
export function IncidentsPage() {
  return <div data-testid="page-stub" />;
}
