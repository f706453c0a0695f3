/** Placeholder until the page is built. */
export function WebhooksPage() {
  return <div data-testid="page-stub" />;
}
