/** English UI strings (the signed exchange with authorities); spread into `en.ts`. */
export const enExchange = {
  "error.exchange_malformed": "The signed message is not in the exchange format; details name the part.",
  "error.exchange_bad_signature": "The signature does not verify with the key the message names; it may have been altered on the way.",
  "error.exchange_unknown_key": "The message is signed with a key not registered for its sender; the sender must register its current public key first.",
  "error.exchange_key_retired": "The message was signed after its key was retired; the sender must sign it again with its current key.",
  "error.exchange_unregistered_sender": "The sender is not registered with this recipient, or its registration is not approved.",
  "error.exchange_wrong_audience": "The message is addressed to another recipient.",
  "error.exchange_clock_skew": "The message's signing time is too far from the server's clock; check the sender's clock and send it again.",
  "error.exchange_replayed": "This signed message was already received; a retry must be signed again with the same idempotency key.",
  "error.exchange_payload_mismatch": "The payload does not match the hash the message states for it.",
  "error.exchange_idempotency_conflict": "This idempotency key was already used for a different payload; a new submission needs a new key.",
  "error.exchange_receipt_mismatch": "The receipt does not acknowledge the message that was sent.",
  "error.exchange_key_unavailable": "Your organisation's exchange signing key cannot be read on the server; ask the administrator to restore it or rotate the key.",
} as const;
