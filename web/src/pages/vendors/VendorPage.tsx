/** Placeholder until the page is built. */
export function VendorPage() {
  return <div data-testid="page-stub" />;
}
