/** The readable cookie the server sets beside the session cookie (`SIGNED_IN_HINT_COOKIE`); it holds no secret. */
const HINT = "musubi_signed_in";

/** Whether this browser may hold a session: only then is `/api/auth/session` worth asking. */
export function hasSessionHint(cookies: string = document.cookie): boolean {
  return cookies.split(";").some((c) => c.trim() === `${HINT}=1`);
}

/** Drops the hint once the server says the session is gone, so the next visit asks nothing. */
export function forgetSessionHint(): void {
  document.cookie = `${HINT}=; Max-Age=0; Path=/; SameSite=Strict`;
}
