/** Placeholder until the page is built. */
export function VendorsPage() {
  return <div data-testid="page-stub" />;
}
