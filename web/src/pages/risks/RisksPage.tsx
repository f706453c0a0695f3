/** Placeholder until the page is built. */
export function RisksPage() {
  return <div data-testid="page-stub" />;
}
