import nodemailer from "nodemailer";
import type { SendEmail } from "./outbox.worker.ts";

/**
 * An e-mail sender over the relay in `MUSUBI_SMTP_URL` (`smtp://user:pass@host:587`, or `smtps://`
 * for implicit TLS), from `MUSUBI_SMTP_FROM`. Plain-text mail in the recipient's language first.
 */
export function smtpSender(url: string, from: string): SendEmail {
  const transport = nodemailer.createTransport(url);
  return async (to, subject, text) => {
    await transport.sendMail({ from, to, subject, text });
  };
}
