/** Placeholder until the page is built. */
export function ReferenceIncidentsPage() {
  return <div data-testid="page-stub" />;
}
