/** Placeholder until the page is built. */
export function IncidentPage() {
  return <div data-testid="page-stub" />;
}
