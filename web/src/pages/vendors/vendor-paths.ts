/** Where a vendor's page is. */
export const vendorPath = (id: string) => `/vendors/${encodeURIComponent(id)}`;
