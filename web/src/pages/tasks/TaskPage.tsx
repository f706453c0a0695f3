/** Placeholder until the page is built. */
export function TaskPage() {
  return <div data-testid="page-stub" />;
}
