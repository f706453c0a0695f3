/** Shortest password Musubi accepts when one is set (sign-in accepts any length it was given). */
export const MIN_PASSWORD_LENGTH = 12;
