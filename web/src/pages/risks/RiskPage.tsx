/** Placeholder until the page is built. */
export function RiskPage() {
  return <div data-testid="page-stub" />;
}
