import pino, { type Logger } from "pino";

export type { Logger };

/** Structured JSON logs on stdout; secrets are redacted at the logger so no call site can leak them. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "musubi" },
    redact: {
      paths: ["password", "*.password", "token", "*.token", "headers.cookie", "headers.authorization"],
      censor: "[redacted]",
    },
  });
}
