/** Placeholder until the page is built. */
export function MyTasksPage() {
  return <div data-testid="page-stub" />;
}
