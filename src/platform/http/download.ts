/** RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name, so 証跡.pdf downloads as 証跡.pdf. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
