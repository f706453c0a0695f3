/** Placeholder until the page is built. */
export function SchedulesPage() {
  return <div data-testid="page-stub" />;
}
