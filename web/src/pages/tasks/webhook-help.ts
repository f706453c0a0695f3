import { isMessageKey } from "../../i18n/translate.ts";
import type { MessageKey } from "../../i18n/en.ts";

/** The headers a webhook delivery carries (src/notify/outbox.worker.ts): protocol text, the same in every language. */
export const SIGNATURE_HEADER = 'Musubi-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">';
export const DELIVERY_HEADER = "Musubi-Delivery: dlv_…";
export const EVENT_HEADER = "Musubi-Event: task.assigned";

/** What a receiver signs to compare: the timestamp, a dot, and the raw body. */
export const SIGNED_TEXT = "HMAC_SHA256(secret, t + \".\" + body)";

/** Event patterns as typed in a text box ("a.b, c.*") → a list; blanks dropped, repeats removed. */
export function parseEvents(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((e) => e.trim()).filter(Boolean))];
}

/**
 * An event pattern in the UI language ("タスクが割り当てられた"), or the pattern itself when Musubi
 * has no label for it (one typed by hand). The pattern stays beside the label: receivers match it.
 */
export function eventLabel(t: (key: MessageKey) => string, event: string): string | undefined {
  const key = `webhooks.event.${event}`;
  return isMessageKey(key) ? t(key) : undefined;
}
